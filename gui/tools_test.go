package gui

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/wiretrace/wiretrace/archive"
)

func TestFindInArticle(t *testing.T) {
	h := newHarness(t)
	h.b.SetQuery("tokayev")
	h.wait("search")
	h.b.list.Select(0)
	h.wait("open")
	r := h.b.reader
	test.Type(r.tools.find, "csto")
	if r.tools.hits == 0 || !marked(r)["csto"] || marked(r)["tokayev"] {
		t.Fatalf("find csto: %d hits, marks %v", r.tools.hits, marked(r))
	}
	if got := r.tools.found.Text; !strings.HasSuffix(got, "matches") && got != "1 match" {
		t.Errorf("count label %q", got)
	}
	r.tools.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := r.tools.found.Text; !strings.HasPrefix(got, "1 of ") {
		t.Errorf("after Enter: %q, want 1 of N", got)
	}
	if n := r.Find("nosuchword"); n != 0 || r.tools.found.Text != "not found" {
		t.Errorf("nosuchword: %d, %q", n, r.tools.found.Text)
	}
	r.tools.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !marked(r)["tokayev"] {
		t.Errorf("after Escape the query's highlights are not back: %v", marked(r))
	}
}

func TestCopyCitation(t *testing.T) {
	h := newHarness(t)
	h.b.Open(4, true) // Pakistan Point News, dated, credits Sputnik
	h.wait("open")
	test.Tap(h.b.reader.tools.copyCite)
	got := fyne.CurrentApp().Clipboard().Content()
	for _, want := range []string{"Pakistan Point News, “", "”, 12 January 2022, https://example.org/seed/3", "Credits: Sputnik (supplier)."} {
		if !strings.Contains(got, want) {
			t.Errorf("citation %q lacks %q", got, want)
		}
	}
}

func TestExportResults(t *testing.T) {
	f := newFake(t)
	old := exportPage
	exportPage = 2 // three pages for the five seeds
	t.Cleanup(func() { exportPage = old })
	var buf bytes.Buffer
	n, err := ExportResults(context.Background(), f, archive.Query{Sort: archive.SortOldest}, &buf, FormatCSV)
	if err != nil || n != 5 {
		t.Fatalf("csv: %d, %v; want 5", n, err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("csv rows: %q", rows)
	}
	ids := map[string]bool{}
	for _, r := range rows[1:] {
		ids[r[0]] = true
		if strings.Contains(r[8], archive.MarkStart) {
			t.Errorf("snippet keeps its markers: %q", r[8])
		}
	}
	if len(ids) != 5 {
		t.Errorf("ids %v, want 5 different", ids)
	}
	buf.Reset()
	n, err = ExportResults(context.Background(), f, archive.Query{Text: "tokayev"}, &buf, FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != n || n == 0 {
		t.Fatalf("jsonl: %d lines for %d results", len(lines), n)
	}
	var row exportRow
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil || row.ID == 0 || row.Source == "" {
		t.Errorf("jsonl row %q: %+v, %v", lines[0], row, err)
	}
	for _, tc := range []struct{ name, want string }{{"a.jsonl", FormatJSONL}, {"a.CSV", FormatCSV}, {"a", FormatCSV}, {"a.ndjson", FormatJSONL}} {
		if got := formatFor(tc.name); got != tc.want {
			t.Errorf("formatFor(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestWindowExportsResultsAndHasHelp(t *testing.T) {
	a := test.NewTempApp(t)
	f := newFake(t)
	w := NewWindow(a, Backend{})
	mu := serialise(w)
	w.SetArchive("demo", f, nil)
	applied := make(chan string, 10)
	w.browser.SetOnApplied(func(s string) { applied <- s })
	w.browser.SetQuery("almaty")
	mu.Unlock()
	for got := range applied {
		if got == "search" && w.browser.shown.Text == "almaty" {
			break
		}
	}
	mu.Lock()
	dest := filepath.Join(t.TempDir(), "out.jsonl")
	done := make(chan int, 1)
	w.ExportResults(dest, func(n int, err error) {
		if err != nil {
			t.Error(err)
		}
		done <- n
	})
	mu.Unlock()
	n := <-done
	mu.Lock()
	if n != 5 {
		t.Errorf("exported %d results of almaty, want 5", n)
	}
	var menus []string
	for _, m := range w.win.MainMenu().Items {
		menus = append(menus, m.Label)
		if m.Label == "Help" {
			for _, it := range m.Items {
				it.Action() // the dialogs open without failing
			}
		}
	}
	if got := strings.Join(menus, " "); got != "Archive View Help" {
		t.Errorf("menus %q", got)
	}
	if !strings.Contains(querySyntax, "prefix") && !strings.Contains(querySyntax, "restor*") {
		t.Error("help lacks the prefix syntax")
	}
}
