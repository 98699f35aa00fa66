package gui

import (
	"context"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/wiretrace/wiretrace/archive"
)

// saveDialog returns a save dialog that calls then with the path chosen
// (the file the dialog created is closed first); an error is shown, and a
// cancel does nothing.
func (w *Window) saveDialog(then func(dest string)) *dialog.FileDialog {
	return dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w.win)
			return
		}
		if uc == nil {
			return
		}
		dest := uc.URI().Path()
		_ = uc.Close()
		then(dest)
	}, w.win)
}

// exportResultsDialog asks where to write the results of the current
// search, as CSV or JSON Lines by the file's extension, and writes them.
func (w *Window) exportResultsDialog() {
	if w.arch == nil {
		return
	}
	d := w.saveDialog(func(dest string) { w.ExportResults(dest, nil) })
	d.SetTitleText("Export the results of this search (.csv or .jsonl)")
	d.SetFileName("results.csv")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".jsonl"}))
	d.Show()
}

// ExportResults writes every result of the current search to the file
// dest (JSON Lines for .jsonl, CSV otherwise) in the background, then
// reports it in a dialog and calls done, when not nil, with the count
// written and the error.
func (w *Window) ExportResults(dest string, done func(n int, err error)) {
	arch, q := w.arch, w.browser.Query()
	go func() {
		n, err := writeResults(arch, q, dest)
		w.browser.do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("export results: %w", err), w.win)
			} else {
				dialog.ShowInformation("Export results", fmt.Sprintf("Wrote %d results to\n%s", n, dest), w.win)
			}
			if done != nil {
				done(n, err)
			}
		})
	}()
}

func writeResults(arch Archive, q archive.Query, dest string) (int, error) {
	f, err := os.Create(dest)
	if err != nil {
		return 0, err
	}
	n, err := ExportResults(context.Background(), arch, q, f, formatFor(dest))
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return n, err
}
