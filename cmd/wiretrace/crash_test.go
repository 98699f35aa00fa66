package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
)

// buildCLI builds the command line (without the desktop app, so without
// cgo) for tests that run it as a separate process.
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "wiretrace")
	cmd := exec.Command("go", "build", "-tags", "nogui", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func runCLI(t *testing.T, bin string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// killAfter starts the command and kills it with SIGKILL after d; it
// reports whether the process was still running when killed.
func killAfter(t *testing.T, d time.Duration, bin string, args ...string) bool {
	t.Helper()
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(d)
	killed := cmd.Process.Signal(syscall.SIGKILL) == nil
	err := cmd.Wait()
	return killed && err != nil
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}

// TestKilledMidWork kills imports, relinks and exports with SIGKILL at
// random moments, and checks after each kill that the archive passes
// `check` (SQLite and FTS5 integrity, credits, references), and at the end
// that completing the work gives exactly what an uninterrupted run gives.
func TestKilledMidWork(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line and imports thousands of articles; not in -short")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	if out, err := runCLI(t, bin, "gen", "--articles", "2000", "--seed", "11", "--out", src); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	clean := filepath.Join(dir, "clean.db")
	if out, err := runCLI(t, bin, "import", "--quiet", "--db", clean, src); err != nil {
		t.Fatalf("clean import: %v\n%s", err, out)
	}
	if out, err := runCLI(t, bin, "export", "--db", clean, "--jsonl", filepath.Join(dir, "clean.jsonl")); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	want := countLines(t, filepath.Join(dir, "clean.jsonl"))

	db := filepath.Join(dir, "killed.db")
	rng := rand.New(rand.NewSource(1))
	kills := 0
	check := func(when string) {
		t.Helper()
		if out, err := runCLI(t, bin, "check", "--db", db); err != nil {
			t.Fatalf("check after %s: %v\n%s", when, err, out)
		}
	}
	for i := 0; i < 8; i++ {
		if killAfter(t, time.Duration(100+rng.Intn(900))*time.Millisecond, bin, "import", "--quiet", "--db", db, src) {
			kills++
		}
		check("killed import")
	}
	if out, err := runCLI(t, bin, "import", "--quiet", "--db", db, src); err != nil {
		t.Fatalf("final import: %v\n%s", err, out)
	}
	check("final import")
	// Resuming linked what the killed imports had stored but not linked
	// and updated every story they left out of date: the provenance is
	// that of the uninterrupted import.
	if got, want := provenanceOf(t, db), provenanceOf(t, clean); got != want {
		t.Errorf("after killed imports and a final one: %s; an uninterrupted import: %s", got, want)
	}
	for i := 0; i < 4; i++ {
		if killAfter(t, time.Duration(50+rng.Intn(600))*time.Millisecond, bin, "relink", "--db", db) {
			kills++
		}
		check("killed relink")
	}
	if out, err := runCLI(t, bin, "relink", "--db", db); err != nil {
		t.Fatalf("final relink: %v\n%s", err, out)
	}
	check("final relink")
	jsonl := filepath.Join(dir, "out.jsonl")
	copyDB := filepath.Join(dir, "copy.db")
	for i := 0; i < 4; i++ {
		if killAfter(t, time.Duration(10+rng.Intn(150))*time.Millisecond, bin, "export", "--db", db, "--jsonl", jsonl) {
			kills++
			if _, err := os.Stat(jsonl); err == nil && countLines(t, jsonl) != want {
				t.Fatalf("a killed export left a partial %s", jsonl)
			}
		}
		if killAfter(t, time.Duration(10+rng.Intn(150))*time.Millisecond, bin, "export", "--db", db, "--to", copyDB) {
			kills++
		}
		if _, err := os.Stat(copyDB); err == nil {
			if out, err := runCLI(t, bin, "check", "--db", copyDB); err != nil {
				t.Fatalf("copy written by export --to fails check: %v\n%s", err, out)
			}
			os.Remove(copyDB)
		}
		check("killed export")
	}
	os.Remove(jsonl)
	if out, err := runCLI(t, bin, "export", "--db", db, "--jsonl", jsonl); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	if got := countLines(t, jsonl); got != want {
		t.Errorf("after %d kills: %d articles, want %d", kills, got, want)
	}
	// Merges of the clean archive into a new one, killed, then run to
	// the end: the articles and provenance of an uninterrupted import.
	merged := filepath.Join(dir, "merged.db")
	for i := 0; i < 4; i++ {
		if killAfter(t, time.Duration(100+rng.Intn(900))*time.Millisecond, bin, "merge", "--quiet", "--db", merged, "--from", clean) {
			kills++
		}
		if out, err := runCLI(t, bin, "check", "--db", merged); err != nil {
			t.Fatalf("check after a killed merge: %v\n%s", err, out)
		}
	}
	if out, err := runCLI(t, bin, "merge", "--quiet", "--db", merged, "--from", clean); err != nil {
		t.Fatalf("final merge: %v\n%s", err, out)
	}
	if got, want := provenanceOf(t, merged), provenanceOf(t, clean); got != want {
		t.Errorf("after killed merges and a final one: %s; an uninterrupted import: %s", got, want)
	}
	out, _ := runCLI(t, bin, "provenance", "--db", db, "--json")
	if !strings.Contains(out, `"links"`) {
		t.Errorf("provenance after kills: %.200s", out)
	}
	t.Logf("%d SIGKILLs (import, relink, export, merge), archive checks clean after each, %d/%d articles", kills, want, want)
}

// TestResumeLinksWhatWasNotLinked stores a corpus as an import killed
// after each batch's commit and before its linking would (every article
// stored, none linked), then runs the import again: it must link them all
// and give the provenance of an uninterrupted import.
func TestResumeLinksWhatWasNotLinked(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line and imports a thousand articles; not in -short")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	if out, err := runCLI(t, bin, "gen", "--articles", "1000", "--seed", "12", "--out", src); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	clean := filepath.Join(dir, "clean.db")
	if out, err := runCLI(t, bin, "import", "--quiet", "--db", clean, src); err != nil {
		t.Fatalf("clean import: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "stopped.db")
	s, err := archive.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Run(context.Background(), s, []string{src}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := provenanceOf(t, db); !strings.HasPrefix(got, "0 links, 0 stories of 0 articles, 1000 unlinked") {
		t.Fatalf("before resuming: %s", got)
	}
	out, err := runCLI(t, bin, "import", "--db", db, src)
	if err != nil {
		t.Fatalf("resumed import: %v\n%s", err, out)
	}
	if !strings.Contains(out, "linking 1000 articles that an interrupted import left unlinked") {
		t.Errorf("resumed import says: %s", out)
	}
	if got, want := provenanceOf(t, db), provenanceOf(t, clean); got != want {
		t.Errorf("resumed: %s; uninterrupted: %s", got, want)
	}
	// An import without linking leaves its articles unlinked on purpose.
	nolink := filepath.Join(dir, "nolink.db")
	if out, err := runCLI(t, bin, "import", "--quiet", "--no-link", "--db", nolink, src); err != nil {
		t.Fatalf("import --no-link: %v\n%s", err, out)
	}
	if got := provenanceOf(t, nolink); !strings.HasPrefix(got, "0 links, 0 stories of 0 articles, 0 unlinked") {
		t.Errorf("after import --no-link: %s", got)
	}
}

// provenanceOf summarizes the provenance of the archive at path: its
// links, stories, and the articles left unlinked or with stale stories.
func provenanceOf(t *testing.T, path string) string {
	t.Helper()
	ctx := context.Background()
	s, err := archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	links, err := s.AllLinks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stories, err := s.Stories(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	unlinked, err := s.Unlinked(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stale, err := s.StaleStories(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	members := 0
	for _, st := range stories {
		members += len(st.Articles)
	}
	return fmt.Sprintf("%d links, %d stories of %d articles, %d unlinked, %d stale stories", len(links), len(stories), members, len(unlinked), len(stale))
}
