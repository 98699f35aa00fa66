package gui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace/archive"
)

// harness is a Browser over the fake in a test window.
type harness struct {
	// mu is held by the test goroutine except while it waits, and by the
	// browser's goroutines while they touch widgets: the test driver's
	// fyne.Do runs on the calling goroutine, unlike the real one.
	mu     sync.Mutex
	t      *testing.T
	b      *Browser
	f      *fakeArchive
	w      fyne.Window
	events chan string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	test.NewTempApp(t)
	h := &harness{t: t, f: newFake(t), events: make(chan string, 100)}
	h.b = NewBrowser(nil)
	h.mu.Lock() // never unlocked at the end: late goroutines just stop
	h.b.do = func(f func()) {
		h.mu.Lock()
		defer h.mu.Unlock()
		f()
	}
	h.b.debounce = 20 * time.Millisecond
	h.b.SetOnApplied(func(what string) { h.events <- what })
	h.w = test.NewTempWindow(t, h.b)
	h.w.Resize(fyne.NewSize(1280, 800))
	h.b.SetArchive(h.f)
	h.wait("search")
	return h
}

// wait blocks until the browser reports what ("search" or "open"); a
// search must be the one for the text in the search box.
func (h *harness) wait(what string) {
	h.t.Helper()
	h.mu.Unlock()
	defer h.mu.Lock()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case got := <-h.events:
			if got == what && (what != "search" || h.b.shown.Text == strings.TrimSpace(h.b.text)) {
				return
			}
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// texts returns every text drawn inside o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		if !obj.Visible() {
			continue
		}
		switch x := obj.(type) {
		case *canvas.Text:
			if x.Text != "" {
				out = append(out, x.Text)
			}
		}
	}
	return out
}

// shows reports whether some text drawn inside o contains s.
func shows(o fyne.CanvasObject, s string) bool {
	for _, t := range texts(o) {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func (h *harness) sources() []string {
	var out []string
	for _, hit := range h.b.hits {
		out = append(out, hit.Source)
	}
	return out
}

func (h *harness) check(facet, value string) *widget.Check {
	h.t.Helper()
	c := h.b.facets.checks[facet][value]
	if c == nil {
		h.t.Fatalf("no %s check for %q", facet, value)
	}
	return c
}

func TestTypingSearchesAsYouType(t *testing.T) {
	h := newHarness(t)
	if got := len(h.b.hits); got != 5 {
		t.Fatalf("empty query: got %d hits, want 5", got)
	}
	test.Type(h.b.entry, "tokaiev")
	h.wait("search")
	if got := h.sources(); len(got) != 1 || got[0] != "The Epoch Times" {
		t.Fatalf("tokaiev: got %v, want [The Epoch Times]", got)
	}
	if got, want := h.b.status.Text, "1 article match “tokaiev”"; got != want {
		t.Errorf("status: got %q, want %q", got, want)
	}
	if !shows(h.b.list, "The Epoch Times") {
		t.Errorf("result list does not show the outlet; shows %q", texts(h.b.list))
	}
	// The snippet highlights the accented match.
	row := test.LaidOutObjects(h.b.list)
	found := false
	for _, o := range row {
		if rt, ok := o.(*widget.RichText); ok {
			for _, s := range rt.Segments {
				if ts, ok := s.(*widget.TextSegment); ok && ts.Style == markStyle && fold(ts.Text) == "tokaiev" {
					found = true
				}
			}
		}
	}
	if !found {
		t.Error("snippet does not highlight Tokaïev")
	}
	// Only the last keystroke's search reached the widgets, and facets follow.
	if got := h.b.facets.checks["language"]["fr"]; got == nil || got.Text != "French (fr) (1)" {
		t.Errorf("language facet: got %v", got)
	}
}

func TestTickingSourceNarrowsListAndCounts(t *testing.T) {
	h := newHarness(t)
	if got := h.check("language", "en").Text; got != "English (en) (4)" {
		t.Fatalf("before: language facet %q, want English (en) (4)", got)
	}
	test.Tap(h.check("source", "Business Standard"))
	h.wait("facets")
	if got := h.sources(); len(got) != 1 || got[0] != "Business Standard" {
		t.Fatalf("got %v, want [Business Standard]", got)
	}
	for _, tc := range []struct{ facet, value, want string }{
		{"language", "en", "English (en) (1)"},
		{"agency", "IANS", "IANS (1)"},
		{"source", "Business Standard", "Business Standard (1)"},
		// Other outlets stay listed so that a second one can be ticked.
		{"source", "DNA", "DNA (1)"},
	} {
		if got := h.check(tc.facet, tc.value).Text; got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.facet, tc.value, got, tc.want)
		}
	}
	if h.b.facets.checks["agency"]["AFP"] != nil {
		t.Error("agency AFP still listed after narrowing to Business Standard")
	}
	if got := h.b.status.Text; got != "1 article in the archive" && !strings.Contains(got, "1 filter") {
		t.Errorf("status %q does not mention the filter", got)
	}
	if !h.check("source", "Business Standard").Checked {
		t.Error("ticked source is not shown ticked")
	}
	// A second outlet widens the list.
	test.Tap(h.check("source", "DNA"))
	h.wait("facets")
	if got := len(h.b.hits); got != 2 {
		t.Errorf("two outlets: got %d hits, want 2", got)
	}
	// The filter box hides other outlets.
	test.Type(h.b.facets.sourceFilter, "point")
	if got := len(h.b.facets.sourceBox.Objects); got != 3 {
		t.Errorf("filter 'point': %d sources listed, want 3 (the match and the two ticked)", got)
	}
}

func TestSelectingMonthNarrowsResults(t *testing.T) {
	h := newHarness(t)
	if got := h.b.facets.undated.Text; !strings.HasPrefix(got, "3 undated matches: shown") {
		t.Errorf("undated: got %q", got)
	}
	h.b.facets.dateMode.SetSelected(dateMonth)
	if got := len(h.b.facets.histo.buckets); got != 1 || h.b.facets.histo.buckets[0].Value != "2022-01" {
		t.Fatalf("month buckets: got %v", h.b.facets.histo.buckets)
	}
	test.TapAt(h.b.facets.histo, fyne.NewPos(5, 5))
	h.wait("search")
	if got := h.sources(); len(got) != 2 || got[0] != "Business Standard" || got[1] != "Pakistan Point News" {
		t.Fatalf("January 2022: got %v, want the two dated articles", got)
	}
	if got, want := h.b.facets.dateRange.Text, "Selected: 2022-01-01 – 2022-01-31"; got != want {
		t.Errorf("range: got %q, want %q", got, want)
	}
	if h.b.facets.clearDate.Disabled() {
		t.Error("Clear is disabled with a date range set")
	}
	test.Tap(h.b.facets.clearDate)
	h.wait("search")
	if got := len(h.b.hits); got != 5 {
		t.Errorf("after Clear: got %d hits, want 5", got)
	}
}

func TestDraggingOverDaysNarrowsResults(t *testing.T) {
	h := newHarness(t)
	histo := h.b.facets.histo
	// Auto picks days for a short span: 9 to 12 January is 4 bars.
	if got := len(histo.buckets); got != 4 {
		t.Fatalf("day buckets: got %d (%v), want 4", got, histo.buckets)
	}
	bar := histo.Size().Width / 4
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(histo)
	// Like the desktop driver, test.Drag reports the pointer's position
	// after a move of one bar to the right: from 11 to 12 January.
	test.Drag(h.w.Canvas(), pos.Add(fyne.NewPos(bar*3.5, 10)), bar, 0)
	h.wait("search")
	if got := h.sources(); len(got) != 1 || got[0] != "Pakistan Point News" {
		t.Fatalf("11-12 January: got %v, want [Pakistan Point News]", got)
	}
}

func TestBadQueriesShowAMessage(t *testing.T) {
	h := newHarness(t)
	for _, q := range []string{`AND "((`, `-foo`, `l'état`, `c++`, `"`, `*`, `NOT`} {
		h.b.SetQuery(q)
		h.wait("search")
	}
	h.b.SetQuery(`AND "((`)
	h.wait("search")
	if !h.b.notice.Visible() || !strings.Contains(h.b.notice.Text, "plain words") {
		t.Errorf("notice: visible=%v %q", h.b.notice.Visible(), h.b.notice.Text)
	}
	h.f.setSearch(func(context.Context, archive.Query) (*archive.Result, error) {
		return nil, fmt.Errorf("archive: search: %w", errBoom)
	})
	h.b.SetQuery("boom")
	h.wait("search")
	if got := h.b.status.Text; !strings.HasPrefix(got, "Search failed: ") || !strings.Contains(got, "locked") {
		t.Errorf("status: got %q", got)
	}
	if len(h.b.hits) != 0 || h.b.status.Importance != widget.DangerImportance {
		t.Errorf("failed search still lists %d hits", len(h.b.hits))
	}
	h.f.setSearch(func(context.Context, archive.Query) (*archive.Result, error) { panic("driver bug") })
	h.b.SetQuery("panic")
	h.wait("search")
	if got := h.b.status.Text; !strings.Contains(got, "driver bug") {
		t.Errorf("panicking search: status %q", got)
	}
}

func TestNewerKeystrokeCancelsSlowSearch(t *testing.T) {
	h := newHarness(t)
	cancelled := make(chan string, 10)
	started := make(chan bool, 10)
	h.f.setSearch(func(ctx context.Context, q archive.Query) (*archive.Result, error) {
		if q.Text == "slow" {
			started <- true
			<-ctx.Done()
			cancelled <- q.Text
			return nil, ctx.Err()
		}
		return h.f.search(ctx, q)
	})
	h.b.SetQuery("slow")
	<-started
	h.b.SetQuery("almaty")
	h.wait("search")
	select {
	case <-cancelled:
	case <-time.After(2 * time.Second):
		t.Fatal("the slow search was not cancelled")
	}
	if got := len(h.b.hits); got != 5 {
		t.Errorf("almaty: got %d hits, want 5", got)
	}
}

func TestKeyboard(t *testing.T) {
	h := newHarness(t)
	h.b.SetQuery("tokayev")
	h.wait("search")
	h.w.Canvas().Focus(h.b.entry)
	h.b.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.wait("open")
	first := h.b.hits[0].ID
	if got := h.b.reader.Article(); got == nil || got.ID != first {
		t.Fatalf("Down: reader shows %v, want %d", got, first)
	}
	h.b.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.wait("open")
	if got := h.b.reader.Article(); got == nil || got.ID != h.b.hits[1].ID {
		t.Fatalf("Down twice: reader shows %v", got)
	}
	h.b.ShowProvenance()
	h.b.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.b.tabs.Selected() != h.b.readTab {
		t.Error("Enter did not switch to the reader")
	}
	// The reader highlights the query.
	found := false
	for _, s := range h.b.reader.body.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style == markStyle && fold(ts.Text) == "tokayev" {
			found = true
		}
	}
	if !found {
		t.Error("reader does not highlight Tokayev")
	}
}

func TestSortNewest(t *testing.T) {
	h := newHarness(t)
	h.b.sortSel.SetSelected(sortNewest)
	h.wait("search")
	if got := h.sources()[0]; got != "Pakistan Point News" {
		t.Errorf("newest first: got %s first", got)
	}
}

// TestTooExpensiveQueryShowsWhy: on a real archive, a pasted query of a
// thousand words is refused with the store's reason, the window says
// what to do instead, and the next search works.
func TestTooExpensiveQueryShowsWhy(t *testing.T) {
	h := newHarness(t)
	s, err := archive.Open(t.TempDir() + "/a.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Add(context.Background(), h.f.articles); err != nil {
		t.Fatal(err)
	}
	h.b.SetArchive(s)
	h.wait("search")
	h.b.SetQuery(strings.Repeat("Almaty ", 1000))
	h.wait("search")
	if got := h.b.status.Text; !strings.Contains(got, "query too expensive: 1000 words") {
		t.Errorf("status %q, want the reason", got)
	}
	if !h.b.notice.Visible() || !strings.Contains(h.b.notice.Text, "fewer") {
		t.Errorf("notice: visible=%v %q", h.b.notice.Visible(), h.b.notice.Text)
	}
	h.b.SetQuery("Almaty")
	h.wait("search")
	if h.b.result == nil || h.b.result.Total == 0 {
		t.Errorf("search after a refused one: %v", h.b.result)
	}
}
