package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/wiretrace/wiretrace/internal/filekind"
)

// ErrNotRegular marks a path that is not a regular file (a named pipe, a
// device, a socket, or a link to one): it is skipped and never opened for
// reading, which could block forever or never end.
var ErrNotRegular = errors.New("not a regular file")

// notRegular returns the reason a file of mode m is skipped, or nil when
// it is a regular file. link is set when the path is a symbolic link
// (and m the mode of what it points to).
func notRegular(m fs.FileMode, link bool) error {
	if m.IsRegular() {
		return nil
	}
	what := filekind.Of(m)
	if link {
		what = "a link to " + what
		if m.IsDir() {
			what += ", not followed"
		}
	}
	return fmt.Errorf("%w (%s)", ErrNotRegular, what)
}

// statRegular returns the file info of path (following a link) when it is
// a regular file, or the reason it is skipped.
func statRegular(path string) (fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return nil, fmt.Errorf("%w (a broken link)", ErrNotRegular)
		}
		return nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	if !fi.Mode().IsRegular() {
		li, lerr := os.Lstat(path)
		return nil, notRegular(fi.Mode(), lerr == nil && li.Mode()&fs.ModeSymlink != 0)
	}
	return fi, nil
}

// openRegular opens path for reading if it is a regular file. It is opened
// without blocking (a named pipe put in its place after it was looked at
// would block until written to) and checked once open, so that what is
// read is what was checked.
func openRegular(path string) (*os.File, error) {
	f, err := openNonblock(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	if err := notRegular(fi.Mode(), false); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// readRegular reads the regular file at path if it holds at most limit
// bytes; otherwise it fails with an ErrTooLarge naming what.
func readRegular(path string, limit int64, what string) ([]byte, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > limit {
		return nil, sizeTooLarge(what, fi.Size(), limit)
	}
	b, err := readAtMost(f, limit, what)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	return b, nil
}
