package trafilatura

import (
	"strings"
	"testing"
)

// trimRef and strWordCountRef are upstream's trim and strWordCount.
func trimRef(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSpace(s)
}

func strWordCountRef(s string) int { return len(strings.Fields(s)) }

var trimCases = []string{
	"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "\u00a0a", "a\u00a0",
	"a\u00a0b", "a\u2003b", "a\u0085b", "\x85", "a \x85 b", "\xff \xfe", "日本 語",
	"Le  président\u202fa dit", "one two three", "one two three ", "\v", "a\x1cb",
}

func TestTrimSameAsUpstream(t *testing.T) {
	for _, s := range trimCases {
		if got, want := trim(s), trimRef(s); got != want {
			t.Errorf("trim(%q) = %q, want %q", s, got, want)
		}
		if got, want := strWordCount(s), strWordCountRef(s); got != want {
			t.Errorf("strWordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTrimDoesNotAllocateWhenTrimmed(t *testing.T) {
	s := "An already trimmed sentence, as most texts are."
	if n := testing.AllocsPerRun(100, func() { _ = trim(s) }); n != 0 {
		t.Errorf("trim of a trimmed text: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = strWordCount(s) }); n != 0 {
		t.Errorf("strWordCount: %v allocations, want 0", n)
	}
}

func FuzzTrim(f *testing.F) {
	for _, s := range trimCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trim(s), trimRef(s); got != want {
			t.Errorf("trim(%q) = %q, want %q", s, got, want)
		}
		if got, want := strWordCount(s), strWordCountRef(s); got != want {
			t.Errorf("strWordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
