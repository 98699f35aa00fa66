package gui

import (
	"context"
	"errors"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// Archive is what the views need of an archive. *archive.Store satisfies
// it; tests hand the views a fake.
type Archive interface {
	// Search runs a full-text query with its filters and facets.
	Search(ctx context.Context, q archive.Query) (*archive.Result, error)
	// Article returns one article; it returns an error wrapping
	// ErrNotFound (or the store's own) when there is no such article.
	Article(ctx context.Context, id int64) (*wiretrace.Article, error)
	// Provenance returns where article id came from: its story, the
	// metadata and credits of the story's articles, the links among them
	// and the article's links to articles outside it, read together. It
	// returns an error wrapping ErrNotFound (or the store's own) when
	// there is no such article.
	Provenance(ctx context.Context, id int64) (*wiretrace.Provenance, error)
}

// ErrNotFound may be returned by an Archive for an article that does not
// exist.
var ErrNotFound = errors.New("gui: not found")

// ImportProgress reports how far an import has got.
type ImportProgress struct {
	Done, Total int    // files handled so far, and in all (0 if unknown)
	Current     string // the file being imported
}

// ImportSummary is the outcome of an import.
type ImportSummary struct {
	Imported, Duplicates int
	Failed               []string // one line per failed file: "file: reason"
}

// Backend opens, creates, imports into and exports archives. cmd/wiretrace
// fills it with the real store and importer; a nil function disables the
// menu items that need it.
type Backend struct {
	// Open opens the archive file at path, creating it when create is set.
	// The returned close function is called when the window switches to
	// another archive or closes.
	Open func(path string, create bool) (a Archive, close func() error, err error)
	// Import imports files and folders (recursively) into a, reporting
	// progress through progress (called from the importing goroutine). It
	// stops early when ctx is cancelled and returns what it did so far.
	Import func(ctx context.Context, a Archive, paths []string, progress func(ImportProgress)) (ImportSummary, error)
	// Export writes a compact single-file copy of a to dest.
	Export func(ctx context.Context, a Archive, dest string) error
}
