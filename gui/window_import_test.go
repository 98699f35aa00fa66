package gui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/wiretrace/wiretrace/archive"
)

// TestImportProgressAndNewResults: while the files are still being
// counted the panel says how many are done (not 0%); once counted, the
// share, the rate and the time left; and when the current search gains
// results it offers them.
func TestImportProgressAndNewResults(t *testing.T) {
	old := importCheckEvery
	importCheckEvery = 0
	t.Cleanup(func() { importCheckEvery = old })
	a := test.NewTempApp(t)
	f := newFake(t)
	step := make(chan bool)
	be := Backend{
		Open: func(string, bool) (Archive, func() error, error) { return f, nil, nil },
		Import: func(ctx context.Context, _ Archive, _ []string, progress func(ImportProgress)) (ImportSummary, error) {
			progress(ImportProgress{Done: 1200})
			step <- true
			<-step
			progress(ImportProgress{Done: 2000, Total: 40000, Current: "/data/x/a.html"})
			step <- true
			<-ctx.Done()
			return ImportSummary{Imported: 2}, ctx.Err()
		},
	}
	w := NewWindow(a, be)
	mu := serialise(w)
	if err := w.OpenPath("x.db", true); err != nil {
		t.Fatal(err)
	}
	// Wait for the first search so that there is a count to compare.
	waitFor(t, mu, func() bool { return w.browser.result != nil })
	w.Import([]string{"/data/x"})
	w.importStart = time.Now().Add(-10 * time.Second) // 10 s in
	mu.Unlock()
	<-step
	mu.Lock()
	if got := w.importLabel.Text; !strings.HasPrefix(got, "Importing: 1,200 files done, still counting") || !strings.Contains(got, "files/s") {
		t.Errorf("while counting: %q", got)
	}
	if !w.importSpin.Visible() || w.importBar.Visible() {
		t.Errorf("while counting: moving bar %v, share bar %v", w.importSpin.Visible(), w.importBar.Visible())
	}
	// The archive gains two articles that the current search finds.
	f.setSearch(func(ctx context.Context, q archive.Query) (*archive.Result, error) {
		res, err := f.search(ctx, q)
		if err == nil {
			res.Total += 2
		}
		return res, err
	})
	waitFor(t, mu, func() bool { return !w.checking })
	mu.Unlock()
	step <- true
	<-step
	mu.Lock()
	got := w.importLabel.Text
	for _, want := range []string{"Importing: 2,000 of 40,000 files (5%)", "files/s", "left", "a.html"} {
		if !strings.Contains(got, want) {
			t.Errorf("counted: %q lacks %q", got, want)
		}
	}
	if w.importSpin.Visible() || !w.importBar.Visible() || w.importBar.Max != 40000 {
		t.Errorf("counted: moving bar %v, share bar %v of %v", w.importSpin.Visible(), w.importBar.Visible(), w.importBar.Max)
	}
	waitFor(t, mu, func() bool { return w.importRefresh.Visible() })
	if got := w.importRefresh.Text; got != "2 new results — Refresh" {
		t.Errorf("offer %q", got)
	}
	test.Tap(w.importRefresh)
	if w.importRefresh.Visible() {
		t.Error("the offer stays after Refresh")
	}
	test.Tap(w.importCancel)
	waitFor(t, mu, func() bool { return !w.importBox.Visible() })
}

// waitFor releases mu until cond holds (checked under mu), for up to 5 s.
func waitFor(t *testing.T, mu *sync.Mutex, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		mu.Lock()
	}
}

func TestProgressFigures(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{thousands(0), "0"}, {thousands(999), "999"}, {thousands(40000), "40,000"}, {thousands(1234567), "1,234,567"},
		{roughDuration(40 * time.Second), "40 s"}, {roughDuration(12 * time.Minute), "12 min"}, {roughDuration(125 * time.Minute), "2 h 5 min"},
		{progressText(ImportProgress{Done: 10, Total: 40}, 10*time.Second), "Importing: 10 of 40 files (25%) · 1 files/s · about 30 s left"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
