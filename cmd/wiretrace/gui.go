//go:build !nogui

package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/gui"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/internal/termsafe"
	"github.com/wiretrace/wiretrace/linking"
)

// appID is the app's unique id (FyneApp.toml says the same); Fyne keeps
// the preferences, such as the recent archives, under it.
const appID = "io.wiretrace.app"

func init() {
	defaultCommand = "gui"
	register(&command{
		name:    "gui",
		usage:   "[--db FILE] [--query TEXT] [--open ID] [--tab article|provenance]",
		summary: "open the desktop app (on the last archive used, or --db FILE)",
		run:     func(ctx context.Context, env *Env, args []string) error { return runGUI(ctx, env, "gui", args) },
	})
	register(&command{
		name:    "demo",
		usage:   "[--query TEXT] [--open ID] [--tab article|provenance]",
		summary: "open the desktop app on the seed articles embedded in the binary",
		run:     func(ctx context.Context, env *Env, args []string) error { return runGUI(ctx, env, "demo", args) },
	})
}

// guiOptions are the flags of gui and demo. --link, --size and
// --quit-after exist for docs/screenshots.sh.
type guiOptions struct {
	db        string
	query     string
	open      int64
	tab       string
	link      int
	size      string
	quitAfter time.Duration
	ready     string
}

func runGUI(ctx context.Context, env *Env, name string, args []string) error {
	c := commands[name]
	fs := newFlags(c, env)
	var o guiOptions
	if name == "gui" {
		fs.StringVar(&o.db, "db", "", "archive `FILE` (default: the last archive opened in the app, else $WIRETRACE_DB or the per-user data dir)")
	}
	fs.StringVar(&o.query, "query", "", "start with this search `TEXT`")
	fs.Int64Var(&o.open, "open", 0, "open the article with this `ID`")
	fs.StringVar(&o.tab, "tab", "article", "panel shown beside the results: article or provenance")
	fs.IntVar(&o.link, "link", 0, "with --tab provenance: show the evidence of link `N` (1 is the first)")
	fs.StringVar(&o.size, "size", "1280x800", "window size `WxH`")
	fs.DurationVar(&o.quitAfter, "quit-after", 0, "quit after `DURATION` (for screenshots and smoke tests)")
	fs.StringVar(&o.ready, "ready-file", "", "create `FILE` once the first search (and --open) are shown (for screenshots)")
	pos, err := parseFlags(c, env, fs, args)
	if errors.Is(err, errHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	usage := "wiretrace " + c.name + " " + c.usage
	if len(pos) > 0 {
		return &usageError{err: fmt.Errorf("%s: unexpected argument %q", name, pos[0]), usage: usage}
	}
	if o.tab != "article" && o.tab != "provenance" {
		return &usageError{err: fmt.Errorf("%s: --tab must be article or provenance", name), usage: usage}
	}
	w, h, ok := parseSize(o.size)
	if !ok {
		return &usageError{err: fmt.Errorf("%s: --size must look like 1280x800", name), usage: usage}
	}

	if noDisplay() {
		return fmt.Errorf("%s: no display to open the desktop app on (DISPLAY and WAYLAND_DISPLAY are unset); see 'wiretrace help' for the command-line tools", name)
	}
	a := app.NewWithID(appID)
	a.SetIcon(gui.Icon())
	win := gui.NewWindow(a, guiBackend())
	win.Window().Resize(fyne.NewSize(float32(w), float32(h)))

	if name == "demo" {
		dir, err := os.MkdirTemp("", "wiretrace-demo-")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "demo.db")
		if err := buildDemoArchive(ctx, path); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		s, err := archive.Open(path)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		win.SetArchive("demo (seed articles)", storeArchive{s}, s.Close)
	} else {
		path := o.db
		if path == "" && os.Getenv("WIRETRACE_DB") == "" {
			if recent := gui.Recent(a); len(recent) > 0 {
				path = recent[0]
			}
		}
		if path == "" {
			path = defaultDB()
		}
		if err := win.OpenPath(path, true); err != nil {
			fmt.Fprintln(env.Stderr, "wiretrace:", termsafe.Line(err.Error()))
			dialog.ShowError(err, win.Window())
		}
	}

	b := win.Browser()
	searched, opened := false, o.open == 0
	b.SetOnApplied(func(what string) {
		switch what {
		case "search":
			searched = true
		case "open":
			opened = true
			if o.link > 0 {
				b.SelectLink(o.link - 1)
			}
		}
		if searched && opened {
			b.SetOnApplied(nil)
			if o.ready != "" {
				if err := os.WriteFile(o.ready, nil, 0o644); err != nil {
					fmt.Fprintln(env.Stderr, "wiretrace:", termsafe.Line(err.Error()))
				}
			}
		}
	})
	if o.query != "" {
		b.SetQuery(o.query)
	}
	if o.open > 0 {
		b.Open(o.open, o.tab == "article")
	}
	if o.tab == "provenance" {
		b.ShowProvenance()
	}
	if o.quitAfter > 0 {
		time.AfterFunc(o.quitAfter, func() { fyne.Do(a.Quit) })
	}
	go func() {
		<-ctx.Done()
		fyne.Do(a.Quit)
	}()
	win.Window().ShowAndRun()
	win.CloseArchive()
	return nil
}

// noDisplay reports whether a Linux or BSD session has no X11 or Wayland
// display, where the app could not start.
func noDisplay() bool {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
		return false
	}
	return os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == ""
}

func parseSize(s string) (w, h int, ok bool) {
	ws, hs, found := strings.Cut(s, "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	return w, h, found && err1 == nil && err2 == nil && w > 0 && h > 0
}

// storeArchive is an open archive file as the app sees it.
type storeArchive struct{ *archive.Store }

// *archive.Store has every method the views need.
var _ gui.Archive = (*archive.Store)(nil)

// guiBackend opens archives with archive.Open, imports with the importer
// and exports with Store.CopyTo.
func guiBackend() gui.Backend {
	return gui.Backend{
		Open: func(path string, create bool) (gui.Archive, func() error, error) {
			if !create {
				if _, err := os.Stat(path); err != nil {
					return nil, nil, err
				}
			}
			s, err := archive.Open(path)
			if err != nil {
				return nil, nil, err
			}
			return storeArchive{s}, s.Close, nil
		},
		Import: func(ctx context.Context, a gui.Archive, paths []string, progress func(gui.ImportProgress)) (gui.ImportSummary, error) {
			s, ok := a.(storeArchive)
			if !ok {
				return gui.ImportSummary{}, errors.New("import: not an archive file")
			}
			opts := importer.Options{
				Progress: func(p importer.Progress) {
					total := 0
					if p.Counted {
						total = p.TotalFiles
					}
					progress(gui.ImportProgress{Done: p.Files, Total: total})
				},
			}
			// Linked as the command line's import is: first what an
			// interrupted import left unlinked, then each batch while
			// the next is stored.
			sum, err := importLinked(ctx, s.Store, paths, opts, linking.New(s.Store, linking.Options{}))
			if sum == nil {
				return gui.ImportSummary{}, err
			}
			out := gui.ImportSummary{Imported: sum.Imported, Duplicates: sum.Duplicates}
			for _, p := range sum.Problems {
				out.Failed = append(out.Failed, oneLine(p.String()))
			}
			return out, err
		},
		Export: func(ctx context.Context, a gui.Archive, dest string) error {
			s, ok := a.(storeArchive)
			if !ok {
				return errors.New("export: not an archive file")
			}
			// The save dialog has already created dest, empty.
			if fi, err := os.Stat(dest); err == nil && fi.Size() == 0 {
				os.Remove(dest)
			}
			return s.CopyTo(ctx, dest)
		},
	}
}
