package archive

import (
	"strings"
	"testing"
)

func TestTextRefs(t *testing.T) {
	article := "First paragraph here.\n\nSecond  paragraph, with “quotes” and 2,000 troops.\n\nThird one."
	for _, p := range []string{
		"First paragraph here.",
		"here. Second paragraph, with “quotes”", // spans paragraphs, spaces collapsed
		"Second paragraph, with “quotes” and 2,0…",
		"…with “quotes” and 2,000 troops.",
		"not in the article at all",
		"",
	} {
		r := refOf(article, p)
		if got := r.text(article); got != p {
			t.Errorf("refOf(%q) reads back %q (%+v)", p, got, r)
		}
		if p != "" && p != "not in the article at all" && r.T != "" {
			t.Errorf("refOf(%q) stored as text", p)
		}
	}
	// A reference that no longer fits its article falls back to nothing
	// rather than panicking.
	if got := (textRef{S: 5, E: 500}).text("short"); got != "" {
		t.Errorf("out of range: %q", got)
	}
}

// locateSpacedRef is locateSpaced as it was, splitting the passage with
// strings.Fields.
func locateSpacedRef(article, passage string) (start, end int, ok bool) {
	words := strings.Fields(passage)
	if len(words) == 0 {
		return 0, 0, false
	}
	from := 0
	for {
		i := strings.Index(article[from:], words[0])
		if i < 0 {
			return 0, 0, false
		}
		start = from + i
		pos := start + len(words[0])
		matched := true
		for _, w := range words[1:] {
			j := pos
			for j < len(article) && (article[j] == ' ' || article[j] == '\n' || article[j] == '\t' || article[j] == '\r') {
				j++
			}
			if j == pos || !strings.HasPrefix(article[j:], w) {
				matched = false
				break
			}
			pos = j + len(w)
		}
		if matched {
			return start, pos, true
		}
		from = start + 1
	}
}

func FuzzLocateSpaced(f *testing.F) {
	f.Add("First paragraph here.\n\nSecond  paragraph, with “quotes”", "here. Second paragraph,")
	f.Add("a\u00a0b c", " b\u2003c ")
	f.Add("x y x y z", "x y z")
	f.Add("", " ")
	f.Fuzz(func(t *testing.T, article, passage string) {
		s, e, ok := locateSpaced(article, passage)
		rs, re, rok := locateSpacedRef(article, passage)
		if s != rs || e != re || ok != rok {
			t.Errorf("locateSpaced(%q, %q) = %d, %d, %v; want %d, %d, %v", article, passage, s, e, ok, rs, re, rok)
		}
	})
}
