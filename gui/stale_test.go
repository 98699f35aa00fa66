package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// marked returns the words the reader's body highlights, folded.
func marked(r *Reader) map[string]bool {
	out := map[string]bool{}
	for _, s := range r.body.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style == markStyle {
			out[fold(ts.Text)] = true
		}
	}
	return out
}

// TestReaderFollowsTheResults: after a new query the reader highlights
// its words, not the old ones; after a filter that leaves the open
// article out, the reader says so and offers the first result.
func TestReaderFollowsTheResults(t *testing.T) {
	h := newHarness(t)
	h.b.SetQuery("tokayev")
	h.wait("search")
	h.b.list.Select(0)
	h.wait("open")
	open := h.b.reader.Article()
	if open == nil || !marked(h.b.reader)["tokayev"] {
		t.Fatalf("reader: %v, marks %v; want tokayev highlighted", open, marked(h.b.reader))
	}
	h.b.SetQuery("almaty")
	h.wait("search")
	if m := marked(h.b.reader); !m["almaty"] || m["tokayev"] {
		t.Errorf("after the query almaty: reader marks %v, want almaty only", m)
	}
	if got := h.b.reader.Stale(); got != "" {
		t.Errorf("article still in the results, but the reader says %q", got)
	}
	// Narrow to an outlet other than the open article's.
	other := ""
	for _, hit := range h.b.hits {
		if hit.ID != open.ID && hit.Source != open.Source {
			other = hit.Source
			break
		}
	}
	test.Tap(h.check("source", other))
	h.wait("facets")
	if h.b.index(open.ID) >= 0 {
		t.Fatalf("%s still lists article %d", other, open.ID)
	}
	if got := h.b.reader.Stale(); !strings.Contains(got, "does not match the current search") {
		t.Errorf("reader banner %q, want it to say the article left the results", got)
	}
	if !shows(h.b.reader, "does not match") || !shows(h.b.reader, "Open the first result") {
		t.Errorf("banner not drawn: %q", texts(h.b.reader))
	}
	test.Tap(h.b.reader.staleAction)
	h.wait("open")
	if got := h.b.reader.Article(); got == nil || got.ID != h.b.hits[0].ID {
		t.Fatalf("after Open the first result: reader shows %v, want %d", got, h.b.hits[0].ID)
	}
	if got := h.b.reader.Stale(); got != "" {
		t.Errorf("banner %q stays over an article of the results", got)
	}
	// Clearing the filter brings the first article back, unmarked.
	test.Tap(h.check("source", other))
	h.wait("search")
	if got := h.b.reader.Stale(); got != "" {
		t.Errorf("banner %q after the filter was removed", got)
	}
}
