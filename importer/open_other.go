//go:build !unix

package importer

import "os"

// openNonblock opens path for reading (named pipes do not block opening
// here).
func openNonblock(path string) (*os.File, error) {
	return os.Open(path)
}
