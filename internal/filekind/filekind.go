// Package filekind names the kind of a file from its mode, for the lines
// that say why a path was skipped or refused ("a named pipe", "a
// character device"): importing and exporting both read paths a user or
// a received bundle names.
package filekind

import "io/fs"

// Of names the kind of file m describes, with its article: "a regular
// file", "a folder", "a symbolic link", "a named pipe", "a socket", "a
// character device", "a device".
func Of(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}
