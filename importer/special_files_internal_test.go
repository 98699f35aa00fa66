package importer

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// specialFiles makes, in dir, named pipes and links to /dev/zero under
// names the importer reads, and returns their names.
func specialFiles(t *testing.T, dir string) []string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("named pipes and /dev/zero as on Linux are needed")
	}
	var names []string
	for _, n := range []string{"fifo.txt", "fifo", "fifo.jsonl"} {
		if err := syscall.Mkfifo(filepath.Join(dir, n), 0o644); err != nil {
			t.Skipf("cannot make a named pipe: %v", err)
		}
		names = append(names, n)
	}
	for _, n := range []string{"zero.txt", "zero.warc", "zero.jsonl", "zero.warc.gz", "zero.zip", "zero.html"} {
		if err := os.Symlink("/dev/zero", filepath.Join(dir, n)); err != nil {
			t.Skipf("cannot link to /dev/zero: %v", err)
		}
		names = append(names, n)
	}
	return names
}

// TestSpecialFiles: named pipes and links to devices, named on the
// command line or found in a folder, are skipped with the reason, never
// read (a pipe blocked the import forever, /dev/zero ran it out of
// memory or spun forever); links to regular files are read.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	names := specialFiles(t, dir)
	os.WriteFile(filepath.Join(dir, "real.txt"), []byte(goodText), 0o644)
	os.Symlink("real.txt", filepath.Join(dir, "link.txt"))

	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join(dir, n))
	}
	paths = append(paths, filepath.Join(dir, "link.txt"))
	sum, _ := importFiles(t, paths...)
	if sum.Imported != 1 || sum.Skipped != len(names) || sum.Failed != 0 {
		t.Errorf("named: summary %+v, want the link to a file imported and %d skipped; problems %v", sum.Progress, len(names), sum.Problems)
	}
	checkSkipped(t, sum, names)

	sum, _ = importFiles(t, dir)
	// real.txt and link.txt are the same article: one is a duplicate.
	if sum.Imported != 1 || sum.Duplicates != 1 || sum.Skipped != len(names) {
		t.Errorf("in a folder: summary %+v; problems %v", sum.Progress, sum.Problems)
	}
	checkSkipped(t, sum, names)
}

func checkSkipped(t *testing.T, sum *Summary, names []string) {
	t.Helper()
	for _, n := range names {
		ps := problemsOf(sum, string(filepath.Separator)+n)
		want := "(a named pipe)"
		if strings.HasPrefix(n, "zero") {
			want = "(a link to a character device)"
		}
		if len(ps) != 1 || !ps[0].Skipped || !errors.Is(ps[0].Err, ErrNotRegular) || !strings.Contains(ps[0].String(), n+": not a regular file "+want) {
			t.Errorf("%s: problems %v, want one: skipped: not a regular file %s", n, ps, want)
		}
	}
}

// TestPipeManifest: a folder manifest that is a named pipe is reported,
// not read, and the folder's files are imported.
func TestPipeManifest(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("named pipes as on Linux are needed")
	}
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, ManifestNames[0]), 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "real.txt"), []byte(goodText), 0o644)
	sum, _ := importFiles(t, dir)
	ps := problemsOf(sum, ManifestNames[0])
	if sum.Imported != 1 || len(ps) != 1 || !errors.Is(ps[0].Err, ErrNotRegular) {
		t.Errorf("summary %+v, problems %v; want real.txt imported and the manifest reported", sum.Progress, sum.Problems)
	}
}

// TestOpenRegular: a named pipe put where a regular file was is found
// out once open, without blocking.
func TestOpenRegular(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("named pipes as on Linux are needed")
	}
	p := filepath.Join(t.TempDir(), "swapped.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := readRegular(p, 1<<20, "file")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("reading a named pipe: %v, want ErrNotRegular", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("opening a named pipe blocked")
	}
}
