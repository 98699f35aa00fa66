package main

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
)

// seedsDir is the seed articles' folder, with its manifest.
var seedsDir = filepath.Join("..", "..", "testdata", "seeds")

// unlinkedSeeds stores the seeds in a new archive as an import stopped
// after each batch's commit and before its linking would: every article
// stored, none linked. It returns the archive's path.
func unlinkedSeeds(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "stopped.db")
	s, err := archive.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := importer.ReadManifest(filepath.Join(seedsDir, "wiretrace-manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Run(context.Background(), s, []string{seedsDir}, importer.Options{Manifest: m}); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestImportResumesUnlinked: the command line's import into an archive
// whose articles an interrupted import left unlinked links them first,
// and gives the links and stories of an uninterrupted import (merge does
// the same, TestKilledMidWork; the desktop app's import,
// TestGUIImportResumesUnlinked).
func TestImportResumesUnlinked(t *testing.T) {
	clean := seedsArchive(t)
	want, n := linkRows(t, clean)
	wantSum := provenanceOf(t, clean)
	if n == 0 {
		t.Fatal("the seeds' import stored no links")
	}
	db := unlinkedSeeds(t)
	if got := provenanceOf(t, db); !strings.HasPrefix(got, "0 links, 0 stories of 0 articles, 5 unlinked") {
		t.Fatalf("before the import: %s", got)
	}
	_, stderr, err := run(t, "import", "--db", db, seedsDir)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "linking 5 articles that an interrupted import left unlinked") {
		t.Errorf("the import says: %q", stderr)
	}
	if got, m := linkRows(t, db); got != want {
		t.Errorf("after the import: %d links, an uninterrupted import %d (or not the same)", m, n)
	}
	if got := provenanceOf(t, db); got != wantSum {
		t.Errorf("after the import: %s; an uninterrupted import: %s", got, wantSum)
	}
}

// TestDemoArchiveIsLinked: the demo's archive, built with nothing set up
// beforehand, has the links of the command line's import of the seeds.
func TestDemoArchiveIsLinked(t *testing.T) {
	want, n := linkRows(t, seedsArchive(t))
	db := filepath.Join(t.TempDir(), "demo.db")
	if err := buildDemoArchive(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	if got, m := linkRows(t, db); got != want {
		t.Errorf("demo archive: %d links, the seeds' import %d (or not the same)", m, n)
	}
	if got := provenanceOf(t, db); !strings.Contains(got, " 0 unlinked, 0 stale") {
		t.Errorf("demo archive: %s", got)
	}
}

// funcHooks returns the package-level variables of a Go source that hold
// functions (declared with a function type, or set to a function literal
// or a named function) or that an init function sets to a function: the
// mutable hooks through which cmd/wiretrace used to wire linking.
func funcHooks(t *testing.T, fset *token.FileSet, files []*ast.File) []string {
	t.Helper()
	funcs := map[string]bool{}
	vars := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				funcs[fd.Name.Name] = true
			}
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, sp := range gd.Specs {
					for _, n := range sp.(*ast.ValueSpec).Names {
						vars[n.Name] = true
					}
				}
			}
		}
	}
	isFunc := func(e ast.Expr) bool {
		switch e := e.(type) {
		case *ast.FuncLit:
			return true
		case *ast.Ident:
			return funcs[e.Name]
		case *ast.SelectorExpr: // pkg.Func or value.Method
			return true
		}
		return false
	}
	var out []string
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, sp := range d.Specs {
					vs := sp.(*ast.ValueSpec)
					_, typed := vs.Type.(*ast.FuncType)
					for i, n := range vs.Names {
						if typed || (i < len(vs.Values) && isFunc(vs.Values[i])) {
							out = append(out, fmt.Sprintf("%s: var %s", fset.Position(n.Pos()), n.Name))
						}
					}
				}
			case *ast.FuncDecl:
				if d.Name.Name != "init" || d.Recv != nil {
					continue
				}
				ast.Inspect(d.Body, func(n ast.Node) bool {
					as, ok := n.(*ast.AssignStmt)
					if !ok {
						return true
					}
					for i, l := range as.Lhs {
						if id, ok := l.(*ast.Ident); ok && vars[id.Name] && i < len(as.Rhs) && isFunc(as.Rhs[i]) {
							out = append(out, fmt.Sprintf("%s: init sets %s", fset.Position(id.Pos()), id.Name))
						}
					}
					return true
				})
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestNoFunctionHooks: cmd/wiretrace wires linking explicitly (a
// linking.Service built where it is used), through no package-level
// function variable that an init function or a test could swap. The
// detector is checked first on the hooks the package used to have.
func TestNoFunctionHooks(t *testing.T) {
	tests := []struct {
		name, src string
		want      int
	}{
		{"hooks of old", `package main
var afterImportBatch func(ctx context.Context, ids []int64) error
var relinkAll func() error
func linkArticles() error { return nil }
var newImportLinker = func() {}
var alias = linkArticles
func init() { afterImportBatch = linkArticles; relinkAll = linking.Relink }`, 6},
		{"plain values", `package main
var defaultCommand = "help"
var errStore = errors.New("storing")
var commands = map[string]*command{}
type command struct{ run func() error }
func init() { defaultCommand = "gui"; register(&command{run: runGUI}) }`, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "x.go", tc.src, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := funcHooks(t, fset, []*ast.File{f}); len(got) != tc.want {
				t.Errorf("found %d hooks, want %d: %q", len(got), tc.want, got)
			}
		})
	}
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) < 10 {
		t.Fatalf("parsed %d files of the package", len(files))
	}
	if got := funcHooks(t, fset, files); len(got) > 0 {
		t.Errorf("package-level function hooks in cmd/wiretrace:\n%s", strings.Join(got, "\n"))
	}
}
