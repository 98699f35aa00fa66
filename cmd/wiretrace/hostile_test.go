package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
)

// run runs the command line in-process and returns its standard output,
// its standard error and its error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := Run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

// seedsArchive imports the founding seeds into a new archive and returns
// its path.
func seedsArchive(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seeds.db")
	seeds := filepath.Join("..", "..", "testdata", "seeds")
	if _, stderr, err := run(t, "import", "--db", db, "--quiet", "--manifest", filepath.Join(seeds, "wiretrace-manifest.csv"), seeds); err != nil {
		t.Fatalf("import seeds: %v\n%s", err, stderr)
	}
	return db
}

// plant runs SQL on an archive file the way a hostile colleague would:
// with the stock SQLite rules, not wiretrace's.
func plant(t *testing.T, db string, stmts ...string) {
	t.Helper()
	h, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	for _, q := range stmts {
		if _, err := h.Exec(q); err != nil {
			t.Fatalf("plant %q: %v", q, err)
		}
	}
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	h, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var n int
	if err := h.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A received archive full of traps (a trigger on every insert, a view
// replacing meta that never ends, an oversized field) is merged: its
// articles arrive, nothing it defines runs, and the file is untouched.
func TestMergeHostileArchive(t *testing.T) {
	recv := seedsArchive(t)
	plant(t, recv,
		"CREATE TRIGGER evil AFTER INSERT ON articles BEGIN DELETE FROM articles WHERE id <> NEW.id; END",
		"ALTER TABLE meta RENAME TO meta_real",
		"CREATE VIEW meta AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT 'generation' AS key, x AS value FROM c WHERE x < 0",
		"CREATE TABLE evil_log(x)",
		"CREATE TRIGGER evil_read AFTER UPDATE ON articles BEGIN INSERT INTO evil_log VALUES (1); END",
	)
	// A sixth row whose text is longer than any merge takes: skipped.
	plant(t, recv, "DROP TRIGGER evil",
		"INSERT INTO articles(hash, imported, title, text) VALUES ('h6', '2026-01-01T00:00:00Z', 'Huge', hex(zeroblob(8388609)))",
		"CREATE TRIGGER evil AFTER INSERT ON articles BEGIN DELETE FROM articles WHERE id <> NEW.id; END")
	before, err := os.ReadFile(recv)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "mine.db")
	done := make(chan struct{})
	var stdout, stderr string
	go func() {
		defer close(done)
		stdout, stderr, err = run(t, "merge", "--db", db, "--quiet", "--from", recv)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("merge of a hostile archive did not finish in 2 minutes")
	}
	if err != nil {
		t.Fatalf("merge: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "merged 5 new articles, duplicates 0, skipped 1") {
		t.Errorf("summary = %q, want 5 merged and the oversized row skipped", stdout)
	}
	if n := countArticles(t, db); n != 5 {
		t.Errorf("merged archive holds %d articles, want 5", n)
	}
	after, _ := os.ReadFile(recv)
	if !bytes.Equal(before, after) {
		t.Error("the received archive was changed by the merge")
	}
	// The merged articles are linked like imported ones: the seeds'
	// AFP story is one story again.
	out, _, err := run(t, "search", "--db", db, "Tokayev")
	if err != nil || !strings.Contains(out, "matches") {
		t.Errorf("search after merge: %v\n%s", err, out)
	}
	// Merging again (by importing the file) adds nothing.
	stdout, _, err = run(t, "import", "--db", db, "--quiet", recv)
	if err != nil || !strings.Contains(stdout, "merged 0 new articles, duplicates 5") {
		t.Errorf("second merge: %v %q", err, stdout)
	}
}

// A file whose articles table is not wiretrace's (a view) or that is no
// archive at all gets one line; the others given are still merged.
func TestMergeRefusesForeignFiles(t *testing.T) {
	good := seedsArchive(t)
	foreign := filepath.Join(t.TempDir(), "foreign.db")
	plant(t, foreign, "CREATE TABLE t(x)", "CREATE VIEW articles AS SELECT 1 AS id")
	text := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(text, []byte("not an archive at all\n"), 0o644)
	db := filepath.Join(t.TempDir(), "mine.db")
	stdout, stderr, err := run(t, "merge", "--db", db, "--quiet", "--from", foreign, "--from", text, "--from", good, "--from", db)
	if err != nil {
		t.Fatalf("merge: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "foreign.db") || !strings.Contains(lines[1], "notes.db") || !strings.Contains(lines[2], "archive itself") {
		t.Errorf("want one line per refused file, got:\n%s", stderr)
	}
	if !strings.Contains(stdout, "merged 5 new articles") {
		t.Errorf("summary = %q", stdout)
	}
}

// export never replaces a link, a device or a FIFO; '-' is standard
// output; a killed export's partial file is removed by the next.
func TestExportTargets(t *testing.T) {
	db := seedsArchive(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "target.jsonl")
	link := filepath.Join(dir, "link.jsonl")
	os.WriteFile(target, nil, 0o600)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, "export", "--db", db, "--jsonl", link); err != nil {
		t.Fatalf("export through a link: %v\n%s", err, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("export replaced the symbolic link")
	}
	if b, _ := os.ReadFile(target); bytes.Count(b, []byte("\n")) != 5 {
		t.Errorf("the linked file got %d lines, want 5", bytes.Count(b, []byte("\n")))
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file's mode is %v, want 0600 kept", fi.Mode().Perm())
	}
	stdout, _, err := run(t, "export", "--db", db, "--jsonl", "-")
	if err != nil || strings.Count(stdout, "\n") != 5 {
		t.Errorf("export to -: %v, %d lines", err, strings.Count(stdout, "\n"))
	}
	if _, _, err := run(t, "export", "--db", db, "--jsonl", "/dev/null"); err == nil || !strings.Contains(err.Error(), "character device") {
		t.Errorf("export to /dev/null: %v, want refused as a device", err)
	}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, _, err := run(t, "export", "--db", db, "--jsonl", fifo); err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("export to a FIFO: %v, want refused", err)
		}
	}
	stale := filepath.Join(dir, ".out.jsonl.partial")
	os.WriteFile(stale, []byte("half"), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	if _, _, err := run(t, "export", "--db", db, "--jsonl", out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("the partial file of a killed export is still there")
	}
	copyPath := filepath.Join(dir, "copy.db")
	os.WriteFile(copyPath+".partial", []byte("half"), 0o644)
	if _, _, err := run(t, "export", "--db", db, "--to", copyPath); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(copyPath + ".partial"); !os.IsNotExist(err) {
		t.Error("export --to left a partial file")
	}
	if _, _, err := run(t, "export", "--db", db, "--to", copyPath); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("export --to over an existing file: %v, want refused", err)
	}
}

// Titles, outlets and texts holding terminal escapes are printed escaped
// by search, show, sources and provenance; file names in problem lines
// too.
func TestOutputHasNoTerminalEscapes(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "esc.jsonl")
	os.WriteFile(src, []byte(`{"title":"Esc \u001b[2J \u001b]0;owned\u0007 title \u202e","source":"X\u001b[31m","text":"Almaty escape test text \u001b[1;1H for the terminal.\u009b"}`+"\n"), 0o644)
	bad := filepath.Join(dir, "bad\x1b[2Jname.html")
	os.WriteFile(bad, []byte{0xff, 0xfe, 0, 0}, 0o644)
	db := filepath.Join(dir, "esc.db")
	_, stderr, err := run(t, "import", "--db", db, src, bad)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	outputs := map[string]string{"import": stderr}
	for _, args := range [][]string{{"search", "Almaty"}, {"show", "1"}, {"sources"}, {"provenance", "1"}, {"stats"}} {
		out, errOut, err := run(t, append([]string{args[0], "--db", db}, args[1:]...)...)
		if err != nil {
			t.Errorf("%s: %v\n%s", args[0], err, errOut)
		}
		outputs[args[0]] = out + errOut
	}
	for name, out := range outputs {
		for _, c := range []string{"\x1b", "\x07", "\u009b", "\u202e"} {
			if strings.Contains(out, c) {
				t.Errorf("%s printed a raw %q:\n%q", name, c, out)
			}
		}
	}
	if !strings.Contains(outputs["search"], `\x1b[2J`) {
		t.Errorf("search should show the escape escaped:\n%s", outputs["search"])
	}
}

// Articles an import stored but did not link (it was killed in between)
// are reported by check as unfinished work, not damage: exit status 0.
func TestCheckReportsUnlinked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "stopped.db")
	s, err := archive.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	seeds := filepath.Join("..", "..", "testdata", "seeds")
	if _, err := importer.Run(context.Background(), s, []string{seeds}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, _, err := run(t, "check", "--db", db)
	if err != nil || !strings.Contains(out, "unfinished: unlinked: 5 articles were stored but never linked") || !strings.Contains(out, "ok:") {
		t.Errorf("check: %v\n%s", err, out)
	}
	if _, _, err := run(t, "import", "--quiet", "--db", db, seeds); err != nil {
		t.Fatal(err)
	}
	if out, _, err := run(t, "check", "--db", db); err != nil || strings.Contains(out, "unfinished") {
		t.Errorf("check after the import was run again: %v\n%s", err, out)
	}
}
