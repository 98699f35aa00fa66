package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace/archive"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/provenance")

// TestProvenanceGolden runs 'wiretrace provenance ID' (the text tree and
// --json) for each seed article and compares the output with the golden
// files in testdata/provenance (go test -run TestProvenanceGolden
// -update rewrites them).
func TestProvenanceGolden(t *testing.T) {
	db := seedsArchive(t)
	for id := 1; id <= 5; id++ {
		for _, asJSON := range []bool{false, true} {
			name, args := fmt.Sprintf("%d.txt", id), []string{"provenance", "--db", db, fmt.Sprint(id)}
			if asJSON {
				name, args = fmt.Sprintf("%d.json", id), append(args, "--json")
			}
			t.Run(name, func(t *testing.T) {
				out, stderr, err := run(t, args...)
				if err != nil {
					t.Fatalf("%v: %v\n%s", args, err, stderr)
				}
				golden := filepath.Join("testdata", "provenance", name)
				if *update {
					if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if out != string(want) {
					t.Errorf("provenance %d: got\n%s\nwant\n%s", id, out, want)
				}
			})
		}
	}
}

// TestProvenanceNotFound: an id that names no article is an error that
// wraps archive.ErrNotFound, for the text tree and for --json.
func TestProvenanceNotFound(t *testing.T) {
	db := seedsArchive(t)
	for _, args := range [][]string{{"provenance", "--db", db, "99"}, {"provenance", "--db", db, "--json", "99"}} {
		out, _, err := run(t, args...)
		if !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("%v: got error %v, want one wrapping archive.ErrNotFound", args[3:], err)
		}
		if out != "" {
			t.Errorf("%v: printed %q before failing", args[3:], out)
		}
	}
}
