package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// importedSaver is a Saver that has imported the files in done.
type importedSaver struct {
	done map[string]bool
	err  error
}

func (s importedSaver) AddBatch(context.Context, []*wiretrace.Article, []archive.ImportedFile) ([]archive.AddResult, error) {
	return nil, errors.New("not for storing")
}

func (s importedSaver) FileImported(_ context.Context, path string, _, _ int64) (bool, error) {
	return s.done[path], s.err
}

// TestParseSkipsImportedFiles checks that a file imported before is not
// read again: the worker only looks it up. The files do not exist, so
// reading them would fail.
func TestParseSkipsImportedFiles(t *testing.T) {
	dir := t.TempDir()
	old, fresh := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
	r := &runner{s: importedSaver{done: map[string]bool{old: true}}}
	ctx := context.Background()
	if res := r.parse(ctx, job{path: old, abs: old, kind: KindText}); !res.unchanged || res.err != nil || res.lookupErr != nil {
		t.Errorf("imported file: unchanged %v, err %v, lookup %v; want unchanged, not read", res.unchanged, res.err, res.lookupErr)
	}
	if res := r.parse(ctx, job{path: fresh, abs: fresh, kind: KindText}); res.unchanged || !errors.Is(res.err, os.ErrNotExist) {
		t.Errorf("new file: unchanged %v, err %v; want it read (and missing)", res.unchanged, res.err)
	}
	broken := errors.New("disk I/O error")
	r.s = importedSaver{err: broken}
	if res := r.parse(ctx, job{path: fresh, abs: fresh, kind: KindText}); !errors.Is(res.lookupErr, broken) {
		t.Errorf("failed lookup: lookup error %v, want %v", res.lookupErr, broken)
	}
}

func TestWithin(t *testing.T) {
	tests := []struct {
		name        string
		dir, parent string
		want        bool
	}{
		{"same", "a/b", "a/b", true},
		{"child", "a/b/c", "a/b", true},
		{"dot parent", "a", ".", true},
		{"root", "/x/y", "/", true},
		{"sibling", "a/c", "a/b", false},
		{"prefix is not parent", "a/bc", "a/b", false},
		{"parent is not within child", "a", "a/b", false},
		{"dotted name", "a/..b", "a", true},
		{"absolute and relative", "/x", "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := within(filepath.FromSlash(tt.dir), filepath.FromSlash(tt.parent)); got != tt.want {
				t.Errorf("within(%q, %q) = %v, want %v", tt.dir, tt.parent, got, tt.want)
			}
		})
	}
}
