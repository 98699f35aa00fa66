package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir returns the evaluation corpus directory, or skips the test.
func corpusDir(t *testing.T, set string) string {
	t.Helper()
	dir := os.Getenv("WIRETRACE_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	dir = filepath.Join(dir, set)
	if _, err := os.Stat(filepath.Join(dir, "expected.jsonl")); err != nil {
		t.Skipf("evaluation corpus not found at %s (set WIRETRACE_CORPUS): %v", dir, err)
	}
	return dir
}

func TestCorpusExtraction(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation skipped in -short mode")
	}
	s, err := EvalExtraction(corpusDir(t, "extraction"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("extraction: %+v", s)
	if s.F1 < 0.92 {
		t.Errorf("extraction F1 = %.4f, want >= 0.92", s.F1)
	}
}

func TestCorpusDates(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation skipped in -short mode")
	}
	s, err := EvalDates(corpusDir(t, "dates"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range s.MismatchSample {
		t.Log(m)
	}
	s.MismatchSample = nil
	t.Logf("dates: %+v", s)
	if s.Accuracy < 0.92 {
		t.Errorf("date accuracy = %.4f, want >= 0.92", s.Accuracy)
	}
}
