package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestPathDialogs: Open, New and Import take a path typed or pasted; New
// keeps the folder typed (not /tmp/tmp/x/new.db), adds .db, and refuses a
// missing folder; Escape closes.
func TestPathDialogs(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.db")
	if err := os.WriteFile(existing, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	for _, tc := range []struct {
		name, typed string
		kind        pathKind
		want        string // "" when refused
		why         string // what the refusal says
	}{
		{"new keeps the folder", filepath.Join(dir, "new.db"), pathNewFile, filepath.Join(dir, "new.db"), ""},
		{"new adds .db", filepath.Join(dir, "fresh"), pathNewFile, filepath.Join(dir, "fresh.db"), ""},
		{"new in a missing folder", filepath.Join(dir, "nope", "new.db"), pathNewFile, "", "no folder"},
		{"open pasted with quotes", `"` + existing + `" `, pathOpenFile, existing, ""},
		{"open missing", filepath.Join(dir, "missing.db"), pathOpenFile, "", "no file"},
		{"open a folder", dir, pathOpenFile, "", "is a folder"},
		{"import a folder", dir, pathFolder, dir, ""},
		{"home", "~", pathFolder, home, ""},
		{"empty", "  ", pathAny, "", "type a path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := test.NewTempWindow(t, nil)
			w.Resize(fyne.NewSize(800, 600))
			got := ""
			p := askPath(w, "Title", "OK", "", tc.kind, archiveExts, func(path string) { got = path })
			test.Type(p.entry, tc.typed)
			p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if tc.want == "" && (!p.errMsg.Visible() || !strings.Contains(p.errMsg.Text, tc.why)) {
				t.Errorf("refusal says %q (shown %v), want %q", p.errMsg.Text, p.errMsg.Visible(), tc.why)
			}
			if tc.want != "" && len(w.Canvas().Overlays().List()) != 0 {
				t.Error("the dialog stays open after OK")
			}
		})
	}
	// Escape closes without a path.
	w := test.NewTempWindow(t, nil)
	called := false
	p := askPath(w, "Title", "OK", existing, pathOpenFile, archiveExts, func(string) { called = true })
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if called || len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Escape: called %v, overlays %d", called, len(w.Canvas().Overlays().List()))
	}
	_ = a
}
