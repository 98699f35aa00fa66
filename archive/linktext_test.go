package archive

import "testing"

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
