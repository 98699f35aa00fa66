//go:build !nogui

package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace/gui"
)

// TestGUIImportResumesUnlinked: the desktop app's import into an archive
// whose articles an interrupted import left unlinked links them, as the
// command line's does (TestImportResumesUnlinked), and links what it
// imports itself. Before, it linked only its own batches, each with a
// linker of its own, and left the others unlinked.
func TestGUIImportResumesUnlinked(t *testing.T) {
	clean := seedsArchive(t)
	want, n := linkRows(t, clean)
	wantSum := provenanceOf(t, clean)
	tests := []struct {
		name string
		db   func(t *testing.T) string
	}{
		{"left unlinked by an interrupted import", unlinkedSeeds},
		{"new archive", func(t *testing.T) string { return filepath.Join(t.TempDir(), "new.db") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := tc.db(t)
			b := guiBackend()
			a, closeArchive, err := b.Open(db, true)
			if err != nil {
				t.Fatal(err)
			}
			progressed := 0
			sum, err := b.Import(context.Background(), a, []string{seedsDir}, func(gui.ImportProgress) { progressed++ })
			if cerr := closeArchive(); err == nil {
				err = cerr
			}
			if err != nil {
				t.Fatalf("import: %v (%+v)", err, sum)
			}
			if sum.Imported+sum.Duplicates != 5 || progressed == 0 {
				t.Errorf("import: %+v, %d progress reports; want the 5 seeds imported or found", sum, progressed)
			}
			if got, m := linkRows(t, db); got != want {
				t.Errorf("after the app's import: %d links, the command line's import %d (or not the same)", m, n)
			}
			if got := provenanceOf(t, db); got != wantSum {
				t.Errorf("after the app's import: %s; the command line's: %s", got, wantSum)
			}
		})
	}
}
