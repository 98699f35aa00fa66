package gui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// serialise makes the window's goroutines touch widgets only while the test
// goroutine does not hold the returned mutex, which it holds from now on
// (the test driver's fyne.Do runs on the calling goroutine).
func serialise(w *Window) *sync.Mutex {
	mu := new(sync.Mutex)
	mu.Lock()
	w.browser.do = func(f func()) {
		mu.Lock()
		defer mu.Unlock()
		f()
	}
	return mu
}

func TestWindowOpensArchiveAndRemembersIt(t *testing.T) {
	a := test.NewTempApp(t)
	f := newFake(t)
	closed := 0
	be := Backend{Open: func(path string, create bool) (Archive, func() error, error) {
		if strings.Contains(path, "missing") && !create {
			return nil, nil, errors.New("no such file")
		}
		return f, func() error { closed++; return nil }, nil
	}}
	w := NewWindow(a, be)
	serialise(w)
	dir := t.TempDir()
	for _, name := range []string{"one.db", "two.db", "one.db"} {
		if err := w.OpenPath(filepath.Join(dir, name), false); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := w.Window().Title(), "one.db — Wiretrace"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	want := []string{filepath.Join(dir, "one.db"), filepath.Join(dir, "two.db")}
	if got := Recent(a); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("recent: got %v, want %v", got, want)
	}
	if closed != 2 {
		t.Errorf("closed %d archives, want 2 (each one left)", closed)
	}
	if err := w.OpenPath(filepath.Join(dir, "missing.db"), false); err == nil {
		t.Error("opening a missing archive: no error")
	}
	// The Archive menu lists the recent archives.
	menu := w.Window().MainMenu().Items[0]
	var recent *fyne.MenuItem
	for _, it := range menu.Items {
		if it.Label == "Open Recent" {
			recent = it
		}
	}
	if recent == nil || recent.ChildMenu == nil || len(recent.ChildMenu.Items) != 2 {
		t.Fatalf("Open Recent menu: %+v", recent)
	}
}

func TestWindowImportShowsProgressAndCanBeCancelled(t *testing.T) {
	a := test.NewTempApp(t)
	f := newFake(t)
	started := make(chan bool)
	finished := make(chan bool)
	be := Backend{
		Open: func(string, bool) (Archive, func() error, error) { return f, nil, nil },
		Import: func(ctx context.Context, _ Archive, paths []string, progress func(ImportProgress)) (ImportSummary, error) {
			progress(ImportProgress{Done: 1, Total: 4})
			started <- true
			<-ctx.Done()
			defer func() { finished <- true }()
			return ImportSummary{Imported: 1, Failed: []string{"failed: b.bin: binary file"}}, ctx.Err()
		},
	}
	w := NewWindow(a, be)
	mu := serialise(w)
	if err := w.OpenPath("x.db", true); err != nil {
		t.Fatal(err)
	}
	w.Import([]string{"folder"})
	mu.Unlock()
	<-started
	mu.Lock()
	if !w.importBox.Visible() || w.importBar.Value != 1 || w.importBar.Max != 4 {
		t.Errorf("progress: visible=%v %v of %v", w.importBox.Visible(), w.importBar.Value, w.importBar.Max)
	}
	if got := w.importLabel.Text; !strings.HasPrefix(got, "Importing: 1 of 4 files (25%)") {
		t.Errorf("progress label: %q", got)
	}
	test.Tap(w.importCancel)
	mu.Unlock()
	<-finished
	deadline := time.Now().Add(5 * time.Second)
	visible := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return w.importBox.Visible()
	}
	for visible() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	if w.importBox.Visible() {
		t.Error("progress bar still shown after cancelling")
	}
}

func TestCtrlFFocusesSearch(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewWindow(a, Backend{})
	serialise(w)
	c := w.Window().Canvas()
	sc, ok := c.(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Skip("test canvas takes no shortcuts")
	}
	c.Unfocus()
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if c.Focused() != w.Browser().entry {
		t.Errorf("Ctrl+F focused %v, want the search box", c.Focused())
	}
}
