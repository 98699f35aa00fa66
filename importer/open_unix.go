//go:build unix

package importer

import (
	"os"
	"syscall"
)

// openNonblock opens path for reading without blocking on a named pipe.
// O_NONBLOCK changes nothing for a regular file.
func openNonblock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
