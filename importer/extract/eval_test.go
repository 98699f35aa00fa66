package extract

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// writeCorpus writes a one-page evaluation set in a temporary directory.
func writeCorpus(t *testing.T, expected string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(newsPage(`<meta property="article:published_time" content="2022-01-07T10:15:00+06:00">`, articleBody)))
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "pages", "a.html.gz"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "expected.jsonl"), []byte(expected), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEvalExtraction(t *testing.T) {
	dir := writeCorpus(t, `{"id":"x","file":"a.html","path":"pages/a.html.gz","url":null,"with":["authorised   security forces","AFP correspondents saw","not in the page"],"without":["Related News","Share to Facebook"]}`+"\n")
	s, err := EvalExtraction(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Pages != 1 || s.TruePositives != 2 || s.FalseNegatives != 1 || s.FalsePositives != 0 || s.TrueNegatives != 2 {
		t.Errorf("got %+v, want 1 page, TP 2, FN 1, FP 0, TN 2", s)
	}
	if s.Precision != 1 || s.F1 < 0.79 || s.F1 > 0.81 {
		t.Errorf("precision %.3f F1 %.3f, want 1 and 0.8", s.Precision, s.F1)
	}
}

func TestEvalDates(t *testing.T) {
	dir := writeCorpus(t, `{"file":"a.html","path":"pages/a.html.gz","url":null,"date":"2022-01-07"}
{"file":"a.html","path":"pages/a.html.gz","url":null,"date":"2022-01-08"}
{"file":"a.html","path":"pages/a.html.gz","url":null,"date":null}
`)
	s, err := EvalDates(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Pages != 3 || s.Correct != 1 || s.Wrong != 2 || s.Missing != 0 || len(s.Mismatches) != 2 {
		t.Errorf("got %+v, want 3 pages, 1 correct, 2 wrong", s)
	}
}

func TestEvalMissingCorpus(t *testing.T) {
	if _, err := EvalExtraction(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("EvalExtraction on a missing directory: want an error")
	}
}
