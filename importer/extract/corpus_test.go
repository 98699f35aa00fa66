package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir returns the evaluation corpus directory, or skips the test
// or benchmark.
func corpusDir(t testing.TB, set string) string {
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
	for _, m := range s.Mismatches {
		t.Log(m)
	}
	s.Mismatches = nil
	t.Logf("dates: %+v", s)
	if s.Accuracy < 0.92 {
		t.Errorf("date accuracy = %.4f, want >= 0.92", s.Accuracy)
	}
}

// BenchmarkHTMLCorpus measures HTML on the real pages of the extraction
// corpus (about 144 KB of HTML each on average), one page per iteration.
func BenchmarkHTMLCorpus(b *testing.B) {
	dir := corpusDir(b, "extraction")
	rows, err := readRows[extractionRow](dir)
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	total := 0
	for _, r := range rows {
		raw, err := readPage(dir, r.Path)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
		total += len(raw)
	}
	b.SetBytes(int64(total / len(pages)))
	b.ResetTimer()
	start := cpuTime()
	i := 0
	for b.Loop() {
		_, _ = HTML(pages[i%len(pages)], "")
		i++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}
