package termsafe

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLineAndText(t *testing.T) {
	for _, c := range []struct{ in, line, text string }{
		{"Tokaïev à Almaty — 新华社", "Tokaïev à Almaty — 新华社", "Tokaïev à Almaty — 新华社"},
		{"Esc \x1b[2J \x1b]0;owned\x07 title", `Esc \x1b[2J \x1b]0;owned\x07 title`, `Esc \x1b[2J \x1b]0;owned\x07 title`},
		{"a\nfailed: b\tc\rd", `a\nfailed: b\tc\rd`, "a\nfailed: b\tc\\rd"},
		{"del\x7f nul\x00", `del\x7f nul\x00`, `del\x7f nul\x00`},
		{"c1 \u009b2J nel\u0085", `c1 \u009b2J nel\u0085`, `c1 \u009b2J nel\u0085`},
		{"bidi \u202egnp.exe\u202c \u2066x\u2069", `bidi \u202egnp.exe\u202c \u2066x\u2069`, `bidi \u202egnp.exe\u202c \u2066x\u2069`},
		{"sep\u2028x\u2029", `sep\u2028x\u2029`, `sep\u2028x\u2029`},
		{"bad \x9b\xff utf8", `bad \x9b\xff utf8`, `bad \x9b\xff utf8`},
		{"", "", ""},
	} {
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	in := []byte("title \x1b]0;owned\x07\nnext line\n")
	n, err := w.Write(in)
	if err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if got, want := b.String(), "title \\x1b]0;owned\\x07\nnext line\n"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

// FuzzLine checks that nothing Line or Text returns holds a character a
// terminal acts on, and that Line's output is one line.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[2J", "\u009b\u202e\u2066", "a\nb\r\tc", "\xff\xfe", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, multiline := range []bool{false, true} {
			out := escape(s, multiline)
			if !utf8.ValidString(out) || !clean(out, multiline) {
				t.Fatalf("escape(%q, %v) = %q: not clean", s, multiline, out)
			}
			if !multiline && strings.ContainsAny(out, "\n\t") {
				t.Fatalf("Line(%q) = %q spans lines", s, out)
			}
			if clean(s, multiline) && out != s {
				t.Fatalf("escape(%q) changed clean text to %q", s, out)
			}
		}
	})
}
