package importer

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// setLimit sets one of the limits for the rest of the test.
func setLimit[T any](t *testing.T, v *T, to T) {
	t.Helper()
	old := *v
	*v = to
	t.Cleanup(func() { *v = old })
}

// importFiles imports paths into a new archive, failing the test if that
// takes longer than 20 s (a read that blocks or never ends).
func importFiles(t *testing.T, paths ...string) (*Summary, *archive.Store) {
	t.Helper()
	s, err := archive.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	type out struct {
		sum *Summary
		err error
	}
	done := make(chan out, 1)
	go func() {
		sum, err := Run(context.Background(), s, paths, Options{Workers: 2})
		done <- out{sum, err}
	}()
	select {
	case o := <-done:
		if o.err != nil {
			t.Fatalf("Run: %v", o.err)
		}
		return o.sum, s
	case <-time.After(20 * time.Second):
		t.Fatalf("import of %v still running after 20 s", paths)
	}
	return nil, nil
}

// problemsOf returns the problems about paths ending in suffix.
func problemsOf(sum *Summary, suffix string) []Problem {
	var ps []Problem
	for _, p := range sum.Problems {
		if strings.HasSuffix(p.Path, suffix) {
			ps = append(ps, p)
		}
	}
	return ps
}

// wantOneProblem checks that the problems name the file at suffix exactly
// once, with an error wrapping target.
func wantOneProblem(t *testing.T, sum *Summary, suffix string, target error) {
	t.Helper()
	ps := problemsOf(sum, suffix)
	if len(ps) != 1 || !errors.Is(ps[0].Err, target) {
		t.Errorf("problems of %s: %v, want one that is %q; all: %v", suffix, ps, target, sum.Problems)
	}
}

// gzipZeros returns n zero bytes after head, gzipped.
func gzipZeros(t *testing.T, head string, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	zw.Write([]byte(head))
	zeros := make([]byte, 1<<20)
	for ; n > 0; n -= len(zeros) {
		zw.Write(zeros[:min(n, len(zeros))])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

const goodText = "Kazakh leader visits Almaty\n\nThe president of Kazakhstan arrived in Almaty on Wednesday to meet the task force.\n"

// TestWARCOfZeros: a .warc.gz of zeros (one endless line) fails at its
// first header line, without reading it into memory (it was read whole:
// 1.9 GB for 4 GB of zeros, then a crash).
func TestWARCOfZeros(t *testing.T) {
	bomb := gzipZeros(t, "", 32<<20)
	var err error
	n := allocated(func() {
		err = streamContainer(KindWARC, "bomb.warc.gz", bytes.NewReader(bomb), int64(len(bomb)), Defaults{}, sink{}, 0)
	})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "header line") {
		t.Errorf("error %v, want a header line that is too large", err)
	}
	if n > 4<<20 {
		t.Errorf("reading 32 MB of zeros allocated %d MB, want under 4", n>>20)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bomb.warc.gz"), bomb, 0o644)
	sum, _ := importFiles(t, filepath.Join(dir, "bomb.warc.gz"))
	wantOneProblem(t, sum, "bomb.warc.gz", ErrTooLarge)
}

// TestInflateBound: a WARC record of zeros with a valid header is read
// only up to what its compressed size may inflate to.
func TestInflateBound(t *testing.T) {
	setLimit(t, &inflateRatio, 10)
	setLimit(t, &inflateFloor, 64<<10)
	setLimit(t, &inputFloor, 1<<20)
	bomb := gzipZeros(t, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 1099511627776\r\n\r\n", 16<<20)
	var err error
	n := allocated(func() {
		s := sink{budget: newBudget(int64(len(bomb)))}
		err = streamContainer(KindWARC, "bomb.warc.gz", bytes.NewReader(bomb), int64(len(bomb)), Defaults{}, s, 0)
	})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "inflated data") {
		t.Errorf("error %v, want inflated data that is too large", err)
	}
	if n > 4<<20 {
		t.Errorf("allocated %d MB, want under 4", n>>20)
	}
	// The input's budget is shared by all its streams.
	b := &budget{left: 100, limit: 100}
	r1 := inflated(bytes.NewReader(make([]byte, 60)), 1000, b)
	r2 := inflated(bytes.NewReader(make([]byte, 60)), 1000, b)
	if got, err := io.ReadAll(r1); len(got) != 60 || err != nil {
		t.Errorf("first stream: %d bytes, %v; want 60, nil", len(got), err)
	}
	if got, err := io.ReadAll(r2); len(got) != 40 || !errors.Is(err, ErrTooLarge) {
		t.Errorf("second stream: %d bytes, %v; want 40 and too large", len(got), err)
	}
	// A stream ending exactly at its bound is whole.
	r3 := inflated(bytes.NewReader(make([]byte, 10*10+64<<10)), 10, nil)
	if got, err := io.ReadAll(r3); len(got) != 10*10+64<<10 || err != nil {
		t.Errorf("stream at its bound: %d bytes, %v", len(got), err)
	}
}

// TestBombInBundle: a compressed member the zip's ratio check cannot see
// (a .warc.gz stored in a zip, a .warc.gz in a .tar.gz) gets one problem
// line, and the good file beside it is imported.
func TestBombInBundle(t *testing.T) {
	setLimit(t, &maxLine, 4<<10)
	dir := t.TempDir()
	bomb := gzipZeros(t, "", 16<<20)
	longLine := `{"title":"Long","text":"` + strings.Repeat("a", 64<<10) + `"}` + "\n"
	good := `{"title":"After the long line","text":"Almaty is calm again, officials say."}` + "\n"
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	f, _ := zw.CreateHeader(&zip.FileHeader{Name: "bomb.warc.gz", Method: zip.Store})
	f.Write(bomb)
	f, _ = zw.CreateHeader(&zip.FileHeader{Name: "lines.jsonl", Method: zip.Deflate})
	f.Write([]byte(longLine + good))
	f, _ = zw.Create("good.txt")
	f.Write([]byte(goodText))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "bundle.zip"), zb.Bytes(), 0o644)

	var tb bytes.Buffer
	gz := gzip.NewWriter(&tb)
	tw := tar.NewWriter(gz)
	for _, m := range []struct {
		name string
		body []byte
	}{{"bomb.warc.gz", bomb}, {"lines.jsonl", []byte(longLine + good)}, {"good.txt", []byte(strings.Replace(goodText, "Wednesday", "Thursday", 1))}} {
		tw.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.body)), Typeflag: tar.TypeReg})
		tw.Write(m.body)
	}
	tw.Close()
	gz.Close()
	os.WriteFile(filepath.Join(dir, "bundle.tar.gz"), tb.Bytes(), 0o644)

	sum, _ := importFiles(t, dir)
	if sum.Imported != 3 {
		t.Errorf("imported %d, want 3 (good.txt twice, one JSON line: the other is a duplicate); problems %v", sum.Imported, sum.Problems)
	}
	for _, b := range []string{"bundle.zip", "bundle.tar.gz"} {
		wantOneProblem(t, sum, b+"/bomb.warc.gz", ErrTooLarge)
		wantOneProblem(t, sum, b+"/lines.jsonl:1", ErrTooLarge)
	}
	if len(sum.Problems) != 4 {
		t.Errorf("problems %v, want 4", sum.Problems)
	}
}

// TestLongJSONLine: a line over the limit is passed over without being
// held (a 60 MB line took 1.3 GB), reported once, and the lines around
// it are imported.
func TestLongJSONLine(t *testing.T) {
	setLimit(t, &maxLine, 1<<10)
	long := `{"title":"Long","text":"` + strings.Repeat("b", 16<<20) + `"}`
	line := func(title string) string {
		return fmt.Sprintf(`{"title":%q,"text":"A short article about Almaty, %s."}`, title, title)
	}
	in := line("one") + "\n" + long + "\n" + line("three") + "\n" + long
	var arts, bad []string
	var err error
	n := allocated(func() {
		err = ReadJSONL(strings.NewReader(in), "x.jsonl", Defaults{}, func(a *wiretrace.Article) error {
			arts = append(arts, a.Title)
			return nil
		}, func(n int, err error) {
			if errors.Is(err, ErrTooLarge) {
				bad = append(bad, fmt.Sprint(n))
			} else {
				bad = append(bad, fmt.Sprintf("%d: %v", n, err))
			}
		})
	})
	if err != nil || strings.Join(arts, ",") != "one,three" || strings.Join(bad, ",") != "2,4" {
		t.Errorf("articles %q, too long %q, error %v; want one,three and lines 2,4", arts, bad, err)
	}
	if n > 8<<20 {
		t.Errorf("reading two 16 MB lines allocated %d MB, want under 8", n>>20)
	}
}

// TestTooLongIsNotInBand: a line that starts like the old in-band marker
// of an over-long line is an article like any other.
func TestTooLongIsNotInBand(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "marker.jsonl")
	os.WriteFile(p, []byte(`{"_too_long":true,"title":"Marker","text":"A small article about Almaty that must be imported."}`+"\n"), 0o644)
	sum, _ := importFiles(t, p)
	if sum.Imported != 1 || len(sum.Problems) != 0 {
		t.Errorf("summary %+v problems %v, want the line imported", sum.Progress, sum.Problems)
	}
}

// TestArticleAndTextBounds: a text file over maxTextFile is not read, an
// article whose text is over maxArticleText is refused.
func TestArticleAndTextBounds(t *testing.T) {
	setLimit(t, &maxTextFile, 4<<10)
	setLimit(t, &maxArticleText, 2<<10)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "big.txt"), []byte("Title\n\n"+strings.Repeat("Almaty text. ", 1000)), 0o644)
	os.WriteFile(filepath.Join(dir, "long.jsonl"), []byte(`{"title":"Long","text":"`+strings.Repeat("c", 3<<10)+`"}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte(goodText), 0o644)
	sum, _ := importFiles(t, dir)
	if sum.Imported != 1 {
		t.Errorf("imported %d, want 1; problems %v", sum.Imported, sum.Problems)
	}
	wantOneProblem(t, sum, "big.txt", ErrTooLarge)
	wantOneProblem(t, sum, "long.jsonl:1", ErrTooLarge)
}
