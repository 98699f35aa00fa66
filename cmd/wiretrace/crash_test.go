package main

import (
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
	out, _ := runCLI(t, bin, "provenance", "--db", db, "--json")
	if !strings.Contains(out, `"links"`) {
		t.Errorf("provenance after kills: %.200s", out)
	}
	t.Logf("%d SIGKILLs (import, relink, export), archive checks clean after each, %d/%d articles", kills, want, want)
}
