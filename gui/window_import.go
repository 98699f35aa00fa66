package gui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// importCheckEvery is how often, while importing, the window checks
// whether the current search has new results (a variable for the tests).
var importCheckEvery = 3 * time.Second

// importPanel is the import's progress under the browser: what is done,
// the rate and the time left, a bar (moving while the files are still
// being counted), Cancel, and a button that offers the new results of the
// current search as they arrive.
type importPanel struct {
	importBar     *widget.ProgressBar
	importSpin    *widget.ProgressBarInfinite // while the total is not known
	importLabel   *widget.Label
	importCancel  *widget.Button
	importRefresh *widget.Button
	importBox     *fyne.Container
	importStop    context.CancelFunc

	importStart time.Time
	lastCheck   time.Time
	checking    bool
}

func (w *Window) newImportPanel() {
	w.importBar = widget.NewProgressBar()
	w.importSpin = widget.NewProgressBarInfinite()
	w.importSpin.Stop()
	w.importSpin.Hide()
	w.importLabel = widget.NewLabel("")
	w.importLabel.Wrapping = fyne.TextWrapWord
	w.importCancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		if w.importStop != nil {
			w.importStop()
		}
	})
	w.importRefresh = widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), func() {
		w.importRefresh.Hide()
		w.browser.Research()
	})
	w.importRefresh.Importance = widget.HighImportance
	w.importRefresh.Hide()
	bars := container.NewStack(w.importBar, w.importSpin)
	w.importBox = container.NewVBox(widget.NewSeparator(), w.importLabel,
		container.NewBorder(nil, nil, nil, container.NewHBox(w.importRefresh, w.importCancel), bars))
	w.importBox.Hide()
}

// progressText is "Importing: 1,234 of 40,000 files (3%) · 56 files/s ·
// about 12 min left", or, while the files are still being counted,
// "Importing: 1,234 files done, still counting the files · 56 files/s".
func progressText(p ImportProgress, elapsed time.Duration) string {
	var b strings.Builder
	if p.Total > 0 {
		fmt.Fprintf(&b, "Importing: %s of %s files (%d%%)", thousands(p.Done), thousands(p.Total), p.Done*100/p.Total)
	} else {
		fmt.Fprintf(&b, "Importing: %s files done, still counting the files", thousands(p.Done))
	}
	if secs := elapsed.Seconds(); secs >= 1 && p.Done > 0 {
		rate := float64(p.Done) / secs
		fmt.Fprintf(&b, " · %s files/s", thousands(int(rate+0.5)))
		if p.Total > p.Done {
			fmt.Fprintf(&b, " · about %s left", roughDuration(time.Duration(float64(p.Total-p.Done)/rate*float64(time.Second))))
		}
	}
	if p.Current != "" {
		b.WriteString(" · " + filepath.Base(p.Current))
	}
	return b.String()
}

// thousands writes n with thousands separators: 40,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// roughDuration is d as "40 s", "12 min" or "2 h 5 min".
func roughDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Seconds()+0.5))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()+0.5))
	}
	return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
}

// Import imports paths into the open archive in the background, with its
// progress, a Cancel button and, as the current search gains results, an
// offer to show them; the archive stays usable meanwhile.
func (w *Window) Import(paths []string) {
	if w.backend.Import == nil || w.arch == nil || w.importStop != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.importStop = cancel
	w.importStart = time.Now()
	w.lastCheck = w.importStart
	w.importBar.SetValue(0)
	w.importBar.Hide()
	w.importSpin.Show()
	w.importSpin.Start()
	w.importRefresh.Hide()
	w.importLabel.SetText("Importing " + strings.Join(paths, ", "))
	w.importCancel.Enable()
	w.importBox.Show()
	arch := w.arch
	go func() {
		sum, err := w.backend.Import(ctx, arch, paths, func(p ImportProgress) {
			w.browser.do(func() { w.showProgress(p, arch) })
		})
		cancelled := ctx.Err() != nil
		cancel()
		w.browser.do(func() {
			w.importStop = nil
			w.importSpin.Stop()
			w.importBox.Hide()
			w.browser.Research()
			msg := fmt.Sprintf("%d imported, %d duplicates, %d failed.", sum.Imported, sum.Duplicates, len(sum.Failed))
			if cancelled {
				msg = "Import cancelled. " + msg
			}
			if len(sum.Failed) > 0 {
				shown := sum.Failed
				if len(shown) > 15 {
					shown = append(shown[:15:15], fmt.Sprintf("… and %d more", len(sum.Failed)-15))
				}
				msg += "\n\n" + strings.Join(shown, "\n")
			}
			if err != nil && !cancelled {
				dialog.ShowError(fmt.Errorf("import: %w\n%s", err, msg), w.win)
				return
			}
			dialog.ShowInformation("Import", msg, w.win)
		})
	}()
}

// showProgress shows p; on the UI thread. Now and then it also counts the
// results of the current search in arch, and offers the new ones.
func (w *Window) showProgress(p ImportProgress, arch Archive) {
	if w.importStop == nil {
		return // finished meanwhile
	}
	if p.Total > 0 {
		w.importSpin.Stop()
		w.importSpin.Hide()
		w.importBar.Show()
		w.importBar.Max = float64(p.Total)
		w.importBar.SetValue(float64(p.Done))
	}
	w.importLabel.SetText(progressText(p, time.Since(w.importStart)))
	if w.checking || time.Since(w.lastCheck) < importCheckEvery || w.browser.result == nil {
		return
	}
	w.checking, w.lastCheck = true, time.Now()
	q, shown := w.browser.Query(), w.browser.result.Total
	q.Limit = 1
	go func() {
		res, err := safeSearch(context.Background(), arch, q)
		w.browser.do(func() {
			w.checking = false
			if err != nil || w.importStop == nil || arch != w.arch || res.Total <= shown {
				return
			}
			n := res.Total - shown
			w.importRefresh.SetText(fmt.Sprintf("%s new %s — Refresh", thousands(n), plural(n, "result", "results")))
			w.importRefresh.Show()
		})
	}()
}
