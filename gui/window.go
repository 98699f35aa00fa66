package gui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
)

// prefRecent is the preference key of the recently used archives, most
// recent first.
const prefRecent = "recent_archives"

// maxRecent is how many recent archives the menu lists.
const maxRecent = 8

// Window is the app's main window: the Browser, an Archive menu (new,
// open, recent, import, export) and an import progress bar.
type Window struct {
	app     fyne.App
	win     fyne.Window
	backend Backend
	browser *Browser

	path    string
	arch    Archive
	closeFn func() error

	importPanel
}

// NewWindow creates the main window of app a over backend be. It shows no
// archive until OpenPath or SetArchive is called.
func NewWindow(a fyne.App, be Backend) *Window {
	w := &Window{app: a, backend: be}
	w.win = a.NewWindow("Wiretrace")
	w.browser = NewBrowser(nil)
	w.newImportPanel()
	w.win.SetContent(container.NewBorder(nil, w.importBox, nil, nil, w.browser))
	w.win.Resize(fyne.NewSize(1280, 800))
	w.win.SetMainMenu(w.menu())
	w.win.SetOnClosed(w.close)
	// Files and folders dropped on the window are imported.
	w.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		var paths []string
		for _, u := range uris {
			if u.Scheme() == "file" {
				paths = append(paths, u.Path())
			}
		}
		if len(paths) > 0 {
			w.Import(paths)
		}
	})
	w.shortcuts()
	return w
}

// Window returns the Fyne window.
func (w *Window) Window() fyne.Window { return w.win }

// Browser returns the main view.
func (w *Window) Browser() *Browser { return w.browser }

// shortcuts binds Ctrl/Cmd+F (search), Ctrl/Cmd+O (open) and the arrow
// keys when no widget has the focus.
func (w *Window) shortcuts() {
	c := w.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		w.browser.FocusSearch()
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		w.openDialog(false)
	})
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyDown:
			w.browser.move(1)
		case fyne.KeyUp:
			w.browser.move(-1)
		case fyne.KeyReturn, fyne.KeyEnter:
			w.browser.enter()
		}
	})
}

// SetArchive shows archive a under the name path (a file path or a label
// such as "demo"). closeFn, if not nil, is called when the window leaves
// the archive.
func (w *Window) SetArchive(path string, a Archive, closeFn func() error) {
	w.close()
	w.path, w.arch, w.closeFn = path, a, closeFn
	w.win.SetTitle(filepath.Base(path) + " — Wiretrace")
	w.browser.SetArchive(a)
	w.win.SetMainMenu(w.menu())
}

// OpenPath opens (or creates) the archive file at path through the backend
// and remembers it among the recent archives.
func (w *Window) OpenPath(path string, create bool) error {
	if w.backend.Open == nil {
		return fmt.Errorf("gui: opening archives is not available in this build")
	}
	a, closeFn, err := w.backend.Open(path, create)
	if err != nil {
		return fmt.Errorf("gui: open %s: %w", path, err)
	}
	w.SetArchive(path, a, closeFn)
	w.remember(path)
	return nil
}

// CloseArchive stops an import in progress and closes the archive shown;
// call it when the app has quit.
func (w *Window) CloseArchive() { w.close() }

func (w *Window) close() {
	if w.importStop != nil {
		w.importStop()
	}
	if w.closeFn != nil {
		if err := w.closeFn(); err != nil {
			fyne.LogError("closing archive", err)
		}
		w.closeFn = nil
	}
}

// Recent returns the recently opened archives, most recent first.
func Recent(a fyne.App) []string {
	return a.Preferences().StringList(prefRecent)
}

func (w *Window) remember(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(Recent(w.app), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	w.app.Preferences().SetStringList(prefRecent, list)
	w.win.SetMainMenu(w.menu())
}

func (w *Window) menu() *fyne.MainMenu {
	recent := fyne.NewMenuItem("Open Recent", nil)
	for _, p := range Recent(w.app) {
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(p, func() { w.openOrReport(p, false) }))
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	newItem := fyne.NewMenuItem("New Archive…", func() { w.openDialog(true) })
	openItem := fyne.NewMenuItem("Open Archive…", func() { w.openDialog(false) })
	openItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	if w.backend.Open == nil {
		newItem.Disabled, openItem.Disabled = true, true
	}
	impFiles := fyne.NewMenuItem("Import File…", func() { w.importDialog(false) })
	impDir := fyne.NewMenuItem("Import Folder…", func() { w.importDialog(true) })
	export := fyne.NewMenuItem("Export Compact Copy…", w.exportDialog)
	if w.backend.Import == nil || w.arch == nil {
		impFiles.Disabled, impDir.Disabled = true, true
	}
	if w.backend.Export == nil || w.arch == nil {
		export.Disabled = true
	}
	results := fyne.NewMenuItem("Export Results…", w.exportResultsDialog)
	results.Disabled = w.arch == nil
	find := fyne.NewMenuItem("Find", w.browser.FocusSearch)
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	cite := fyne.NewMenuItem("Copy Citation", w.browser.reader.CopyCitation)
	return fyne.NewMainMenu(
		fyne.NewMenu("Archive", newItem, openItem, recent, fyne.NewMenuItemSeparator(), impFiles, impDir, fyne.NewMenuItemSeparator(), export, results),
		fyne.NewMenu("View", find, fyne.NewMenuItem("Provenance", w.browser.ShowProvenance), fyne.NewMenuItemSeparator(), cite),
		fyne.NewMenu("Help", fyne.NewMenuItem("Query Syntax", func() { showHelp(w.win) }), fyne.NewMenuItem("About Wiretrace", func() { showAbout(w.app, w.win) })),
	)
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

func (w *Window) openOrReport(path string, create bool) {
	if err := w.OpenPath(path, create); err != nil {
		dialog.ShowError(err, w.win)
	}
}

// archiveExts are the extensions of archive files.
var archiveExts = []string{".db", ".sqlite", ".wiretrace"}

// openDialog asks for an archive file to open, or a new one to create: a
// path typed or pasted, or picked with Browse….
func (w *Window) openDialog(create bool) {
	if w.backend.Open == nil {
		return
	}
	dir := w.dialogDir()
	if create {
		askPath(w.win, "New archive", "Create", filepath.Join(dir, "archive.db"), pathNewFile, archiveExts, func(path string) {
			w.openOrReport(path, true)
		})
		return
	}
	initial := ""
	if w.path != "" && filepath.IsAbs(w.path) {
		initial = w.path
	}
	askPath(w.win, "Open archive", "Open", initial, pathOpenFile, archiveExts, func(path string) {
		w.openOrReport(path, false)
	})
}

// dialogDir is the folder a dialog starts in: the open archive's, else
// the home folder.
func (w *Window) dialogDir() string {
	if w.path != "" && filepath.IsAbs(w.path) {
		return filepath.Dir(w.path)
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

// importDialog asks for a file or a folder (typed, pasted or picked) and
// imports it.
func (w *Window) importDialog(folder bool) {
	if w.backend.Import == nil || w.arch == nil {
		return
	}
	title, kind := "Import a file", pathAny
	if folder {
		title, kind = "Import a folder (and its subfolders)", pathFolder
	}
	askPath(w.win, title, "Import", w.dialogDir()+string(filepath.Separator), kind, nil, func(path string) {
		w.Import([]string{path})
	})
}

// exportDialog asks where to write a compact copy of the archive.
func (w *Window) exportDialog() {
	if w.backend.Export == nil || w.arch == nil {
		return
	}
	d := w.saveDialog(func(dest string) {
		arch := w.arch
		go func() {
			err := w.backend.Export(context.Background(), arch, dest)
			w.browser.do(func() {
				if err != nil {
					dialog.ShowError(fmt.Errorf("export: %w", err), w.win)
					return
				}
				dialog.ShowInformation("Export", "Wrote a compact copy of the archive to\n"+dest, w.win)
			})
		}()
	})
	d.SetFileName(strings.TrimSuffix(filepath.Base(w.path), filepath.Ext(w.path)) + "-copy.db")
	d.Show()
}
