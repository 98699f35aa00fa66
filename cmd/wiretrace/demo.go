package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/linking"
)

// buildDemoArchive imports the seed articles embedded in the binary (with
// their manifest, and provenance linking) into a new archive at path.
func buildDemoArchive(ctx context.Context, path string) error {
	dir := filepath.Join(filepath.Dir(path), "seeds")
	seeds, err := fs.Sub(wiretrace.Seeds, "testdata/seeds")
	if err != nil {
		return err
	}
	if err := os.CopyFS(dir, seeds); err != nil {
		return fmt.Errorf("write seeds: %w", err)
	}
	s, err := archive.Open(path)
	if err != nil {
		return err
	}
	// Linked as the command line's import is.
	if _, err := importLinked(ctx, s, []string{dir}, importer.Options{}, linking.New(s, linking.Options{})); err != nil {
		s.Close()
		return fmt.Errorf("import seeds: %w", err)
	}
	return s.Close()
}
