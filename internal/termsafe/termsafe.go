// Package termsafe makes untrusted text (article titles, outlets, texts,
// file names) safe to print on a terminal: nothing it returns can move the
// cursor, clear the screen, set the window title, reorder what follows
// (bidirectional overrides) or start a new line where one was not meant.
//
// Every control character (C0, DEL, C1), bidirectional embedding, override
// and isolate (U+202A-U+202E, U+2066-U+2069), line and paragraph separator
// (U+2028, U+2029) and byte that is not UTF-8 is shown as a visible escape:
// \n, \r, \t, \x1b, \u009b, \u202e, \xff. Text without any of them is
// returned as it is.
package termsafe

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Line returns s escaped for printing on one line: newlines and tabs are
// escaped too, so one field, however hostile, stays one line.
func Line(s string) string { return escape(s, false) }

// Text returns s escaped for printing as several lines (an article's
// text): newlines and tabs are kept, everything else Line escapes is
// escaped.
func Text(s string) string { return escape(s, true) }

// NewWriter returns a writer that writes to w what it is given, escaped as
// Text does. Each Write is escaped on its own, so a character split
// between two writes is shown as escaped bytes (fmt.Fprint* write whole
// strings at once); it is never passed through raw.
func NewWriter(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct{ w io.Writer }

func (w *writer) Write(p []byte) (int, error) {
	s := string(p)
	if _, err := io.WriteString(w.w, Text(s)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// unsafe reports whether r is a rune that must be escaped (besides the
// invalid bytes).
func unsafe(r rune, multiline bool) bool {
	switch {
	case r < 0x20:
		return !(multiline && (r == '\n' || r == '\t'))
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// clean reports whether s needs no escape.
func clean(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if unsafe(rune(c), multiline) {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unsafe(r, multiline) {
			return false
		}
		i += n
	}
	return true
}

const hex = "0123456789abcdef"

func escape(s string, multiline bool) string {
	if clean(s, multiline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteByte(hex[s[i]>>4])
			b.WriteByte(hex[s[i]&15])
		case !unsafe(r, multiline):
			b.WriteString(s[i : i+n])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80:
			b.WriteString(`\x`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&15])
		default:
			b.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				b.WriteByte(hex[r>>shift&15])
			}
		}
		i += n
	}
	return b.String()
}
