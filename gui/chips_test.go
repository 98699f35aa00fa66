package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func (h *harness) chipTexts() []string {
	var out []string
	if !h.b.filterBar.object.Visible() {
		return nil
	}
	for _, c := range h.b.filterBar.chips {
		out = append(out, c.Text)
	}
	return out
}

// TestFilterChips: each active filter shows as a chip under the search
// box; tapping a chip removes its filter, Clear all removes them all, and
// ticked values are pinned at the top of their facet.
func TestFilterChips(t *testing.T) {
	h := newHarness(t)
	if got := h.chipTexts(); got != nil {
		t.Fatalf("no filter: chips %q", got)
	}
	test.Tap(h.check("source", "Pakistan Point News"))
	h.wait("facets")
	test.Tap(h.check("source", "DNA"))
	h.wait("facets")
	test.Tap(h.check("language", "en"))
	h.wait("facets")
	want := []string{"Source: DNA", "Source: Pakistan Point News", "Language: English (en)"}
	if got := h.chipTexts(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("chips: got %q, want %q", got, want)
	}
	if !shows(h.b, "Source: DNA") || !shows(h.b, "Clear all") {
		t.Errorf("chips not drawn: %q", texts(h.b.filterBar.object))
	}
	// The ticked outlets come first in their facet.
	var first []string
	for _, o := range h.b.facets.sourceBox.Objects[:2] {
		first = append(first, o.(*widget.Check).Text)
	}
	if got := strings.Join(first, "|"); got != "DNA (1)|Pakistan Point News (1)" {
		t.Errorf("first sources listed: %q, want the two ticked", got)
	}
	// A chip removes its filter.
	test.Tap(h.b.filterBar.chips[0])
	h.wait("facets")
	if h.b.sources["DNA"] || h.check("source", "DNA").Checked {
		t.Error("the DNA chip did not untick DNA")
	}
	if got := h.sources(); len(got) != 1 || got[0] != "Pakistan Point News" {
		t.Errorf("after removing DNA: %v", got)
	}
	// A date range is a chip too.
	h.b.setDates(mustDay(t, "2022-01-09"), mustDay(t, "2022-01-12"))
	h.wait("facets")
	if got := h.chipTexts(); !contains(got, "Dates: 2022-01-09 – 2022-01-12") {
		t.Errorf("chips %q lack the dates", got)
	}
	test.Tap(h.b.filterBar.clear)
	h.wait("search")
	if got := h.chipTexts(); got != nil {
		t.Errorf("after Clear all: chips %q", got)
	}
	if got := len(h.b.hits); got != 5 {
		t.Errorf("after Clear all: %d hits, want 5", got)
	}
	if h.b.filterBar.object.Visible() {
		t.Error("the filter bar takes room with no filter")
	}
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
