package gui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pathKind is what a path dialog asks for.
type pathKind int

const (
	pathOpenFile pathKind = iota // an existing file
	pathNewFile                  // a file to create, in an existing folder
	pathAny                      // an existing file or folder; Browse… picks a file
	pathFolder                   // an existing file or folder; Browse… picks a folder
)

// pathDialog asks for a path that can be typed or pasted (~ is the home
// folder), or picked with Fyne's file dialog through Browse…; Enter
// confirms and Escape cancels.
type pathDialog struct {
	win    fyne.Window
	kind   pathKind
	exts   []string // extensions offered by Browse… and added to a new file without one
	entry  *pathEntry
	errMsg *widget.Label
	d      *dialog.CustomDialog
	onOK   func(path string)
}

// askPath shows a path dialog titled title over win, calling onOK with
// the cleaned, absolute path once it is valid for kind.
func askPath(win fyne.Window, title, confirm, initial string, kind pathKind, exts []string, onOK func(path string)) *pathDialog {
	p := &pathDialog{win: win, kind: kind, exts: exts, onOK: onOK}
	p.entry = newPathEntry(p)
	p.entry.SetText(initial)
	p.entry.SetPlaceHolder("/path/to/" + map[pathKind]string{pathOpenFile: "archive.db", pathNewFile: "new-archive.db", pathAny: "file", pathFolder: "folder"}[kind])
	p.errMsg = widget.NewLabel("")
	p.errMsg.Importance = widget.DangerImportance
	p.errMsg.Wrapping = fyne.TextWrapWord
	p.errMsg.Hide()
	browse := widget.NewButtonWithIcon("Browse…", theme.FolderOpenIcon(), p.browse)
	hint := widget.NewLabel("Type or paste a path, or Browse…")
	content := container.NewVBox(hint, container.NewBorder(nil, nil, nil, browse, p.entry), p.errMsg)
	p.d = dialog.NewCustomWithoutButtons(title, content, win)
	ok := widget.NewButton(confirm, p.confirm)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", p.d.Hide)
	p.d.SetButtons([]fyne.CanvasObject{cancel, ok})
	p.d.Resize(fyne.NewSize(min(640, win.Canvas().Size().Width*0.9), p.d.MinSize().Height))
	p.d.Show()
	win.Canvas().Focus(p.entry)
	return p
}

// confirm checks the path typed and, when it is valid, closes the dialog
// and calls onOK.
func (p *pathDialog) confirm() {
	path, err := p.check(p.entry.Text)
	if err != nil {
		p.errMsg.SetText(err.Error())
		p.errMsg.Show()
		return
	}
	p.d.Hide()
	p.onOK(path)
}

// check cleans s into an absolute path and says what is wrong with it
// for the dialog's kind.
func (p *pathDialog) check(s string) (string, error) {
	path, err := cleanPath(s)
	if err != nil {
		return "", err
	}
	info, statErr := os.Stat(path)
	switch p.kind {
	case pathOpenFile:
		if statErr != nil {
			return "", fmt.Errorf("no file %s", path)
		}
		if info.IsDir() {
			return "", fmt.Errorf("%s is a folder: give an archive file", path)
		}
	case pathNewFile:
		if filepath.Ext(path) == "" && len(p.exts) > 0 {
			path += p.exts[0]
			info, statErr = os.Stat(path)
		}
		if statErr == nil && info.IsDir() {
			return "", fmt.Errorf("%s is a folder: give a file name", path)
		}
		if dir, err := os.Stat(filepath.Dir(path)); err != nil || !dir.IsDir() {
			return "", fmt.Errorf("no folder %s", filepath.Dir(path))
		}
	case pathAny, pathFolder:
		if statErr != nil {
			return "", fmt.Errorf("no file or folder %s", path)
		}
	}
	return path, nil
}

// cleanPath trims s, expands a leading ~ and makes it absolute.
func cleanPath(s string) (string, error) {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, `"'`) // pasted with quotes
	if s == "" {
		return "", errors.New("type a path")
	}
	if s == "~" || strings.HasPrefix(s, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no home folder for %s: %w", s, err)
		}
		s = filepath.Join(home, s[1:])
	}
	if u, ok := strings.CutPrefix(s, "file://"); ok {
		s = u
	}
	abs, err := filepath.Abs(s)
	if err != nil {
		return "", fmt.Errorf("path %s: %w", s, err)
	}
	return abs, nil
}

// browse opens Fyne's file dialog in the folder of the path typed, and
// puts the path picked in the entry.
func (p *pathDialog) browse() {
	set := func(path string) {
		p.entry.SetText(path)
		p.errMsg.Hide()
		p.win.Canvas().Focus(p.entry)
	}
	var start fyne.ListableURI
	if path, err := cleanPath(p.entry.Text); err == nil {
		dir := path
		if info, err := os.Stat(path); err != nil || !info.IsDir() {
			dir = filepath.Dir(path)
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			start = l
		}
	}
	size := fyne.NewSize(p.win.Canvas().Size().Width*0.9, p.win.Canvas().Size().Height*0.9)
	switch p.kind {
	case pathFolder:
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				set(u.Path())
			}
		}, p.win)
		d.SetLocation(start)
		d.Resize(size)
		d.Show()
	default:
		d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err == nil && rc != nil {
				set(rc.URI().Path())
				_ = rc.Close()
			}
		}, p.win)
		if len(p.exts) > 0 {
			d.SetFilter(storage.NewExtensionFileFilter(p.exts))
		}
		d.SetLocation(start)
		d.Resize(size)
		d.Show()
	}
}

// pathEntry is the path box: Enter confirms, Escape cancels.
type pathEntry struct {
	widget.Entry
	p *pathDialog
}

func newPathEntry(p *pathDialog) *pathEntry {
	e := &pathEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey confirms on Enter and cancels on Escape.
func (e *pathEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.confirm()
	case fyne.KeyEscape:
		e.p.d.Hide()
	default:
		e.Entry.TypedKey(ev)
	}
}
