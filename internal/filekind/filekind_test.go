package filekind

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// Real files of each kind are named as the skip and refusal lines say.
func TestOf(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	link := filepath.Join(dir, "l")
	os.Symlink(file, link)
	cases := map[string]string{file: "a regular file", dir: "a folder", link: "a symbolic link"}
	if runtime.GOOS == "linux" {
		fifo := filepath.Join(dir, "p")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		cases[fifo] = "a named pipe"
		cases["/dev/null"] = "a character device"
	}
	for p, want := range cases {
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := Of(fi.Mode()); got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
}
