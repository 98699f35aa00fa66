package provenance

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		n       int
		want    string
	}{
		{"empty", "", 5, ""},
		{"spaces collapse", "  a \n\t b  c ", 10, "a b c"},
		{"exact length", "ab cd", 5, "ab cd"},
		{"cut after a word", "ab cd ef", 5, "ab cd…"},
		{"cut at a space", "ab cd ef", 6, "ab cd …"},
		{"cut inside a word", "héllo wörld", 8, "héllo wö…"},
		{"zero", "abc", 0, "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := clip(tc.s, tc.n); got != tc.want {
				t.Errorf("clip(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
			}
		})
	}
}

// clip takes a short way for texts spaced with single spaces; it must
// give what the general way gives, for every length.
func TestClipFastMatchesSlow(t *testing.T) {
	texts := []string{"", " ", "a", "a ", " a", "ab cd", "ab  cd", "ab\ncd", "ab\u00a0cd", "héllo wörld", "a b c d e f",
		"word \u2003x", "x\u0085y", "Le président a dit « non » hier.", "北京 发生 地震", "end. ", "tab\tend"}
	for _, d := range genDocs(50) {
		texts = append(texts, d.Text[:min(len(d.Text), 300)], d.Title)
	}
	for _, s := range texts {
		for n := 0; n <= len(s)+2; n++ {
			if got, want := clip(s, n), clipSlow(s, n); got != want {
				t.Fatalf("clip(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// clipRef is clipSlow as first written: every rune decoded.
func clipRef(s string, n int) string {
	var b strings.Builder
	count, space := 0, false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = count > 0
			continue
		}
		if space {
			if count == n {
				return b.String() + "…"
			}
			b.WriteByte(' ')
			count++
			space = false
		}
		if count == n {
			return b.String() + "…"
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		count++
	}
	return b.String()
}

func TestClipSlowMatchesReference(t *testing.T) {
	texts := []string{"", " \t\n\v\f\r", "a\u0085b\u00a0c\u2003d\u3000e", "bad \xff\xfe\xc3 bytes\xe2\x80", "héllo  wörld\n\nnext",
		"北京 发生\n地震", "« non »\u202fdit-il"}
	for _, d := range genDocs(50) {
		texts = append(texts, d.Text[:min(len(d.Text), 600)])
	}
	for _, s := range texts {
		for n := 0; n <= len(s)+2; n++ {
			if got, want := clipSlow(s, n), clipRef(s, n); got != want {
				t.Fatalf("clipSlow(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
