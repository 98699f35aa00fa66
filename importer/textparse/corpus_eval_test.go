package textparse_test

import (
	"bufio"
	"compress/gzip"
	"crypto/sha1"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/importer/extract"
	"github.com/wiretrace/wiretrace/importer/textparse"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// opts are the importer's options: agency names from the agency table.
var opts = textparse.Options{IsAgency: func(n string) bool { _, ok := agency.Lookup(n); return ok }}

// TestCorpusTitles measures, on an annotated corpus of web pages turned into
// text files, how often Parse keeps a page's title and how often it reads
// the first line of a text with no title line as a dateline. It runs only
// when WIRETRACE_CORPUS names the corpus directory (e.g.
// ../shared/corpus/extraction); WIRETRACE_HALF=0 or 1 picks one half of it
// (the second byte of SHA-1 of the file name, even or odd).
func TestCorpusTitles(t *testing.T) {
	dir := os.Getenv("WIRETRACE_CORPUS")
	if dir == "" {
		t.Skip("WIRETRACE_CORPUS not set")
	}
	half := os.Getenv("WIRETRACE_HALF")
	f, err := os.Open(filepath.Join(dir, "expected.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var pages, kept, lost, bodyDatelines, suppliedBefore, suppliedAfter int
	for sc.Scan() {
		var row struct {
			File, Path string
			URL        *string
		}
		if json.Unmarshal(sc.Bytes(), &row) != nil {
			continue
		}
		h := sha1.Sum([]byte(row.File))
		if half != "" && string(rune('0'+h[1]%2)) != half {
			continue
		}
		gz, err := os.Open(filepath.Join(dir, row.Path))
		if err != nil {
			continue
		}
		zr, err := gzip.NewReader(gz)
		if err != nil {
			gz.Close()
			continue
		}
		raw, _ := io.ReadAll(zr)
		gz.Close()
		u := ""
		if row.URL != nil {
			u = *row.URL
		}
		pg, err := extract.HTML(raw, u)
		if err != nil || strings.TrimSpace(pg.Title) == "" || strings.TrimSpace(pg.Text) == "" {
			continue
		}
		pages++
		// Credits from title and text only, then with by-line and URL.
		before, after := agency.Detect(pg.Title, pg.Text, ""), agency.DetectAll(agency.Clues{Title: pg.Title, Text: pg.Text, Byline: pg.Author, URL: u})
		if supplier(before) != "" {
			suppliedBefore++
		}
		if s := supplier(after); s != "" {
			suppliedAfter++
			if supplier(before) == "" {
				t.Logf("new supplier %s: %s (byline %q, url %q)", row.File, s, pg.Author, u)
			}
		}
		want := strings.Join(strings.Fields(pg.Title), " ")
		if p := textparse.ParseWith(pg.Title+"\n\n"+pg.Text, opts); p.Title == want {
			kept++
		} else {
			lost++
			t.Logf("title lost %s: %q -> %q", row.File, want, p.Title)
		}
		if p := textparse.ParseWith(pg.Text, opts); p.Title == "" {
			bodyDatelines++
			first, _, _ := strings.Cut(strings.TrimSpace(pg.Text), "\n")
			t.Logf("dateline first line %s: %.100q dateline=%q credits=%q", row.File, first, p.Dateline, p.DatelineCredits)
		} else if first, _, _ := strings.Cut(strings.TrimSpace(pg.Text), "\n"); strings.Contains(first, ") ") && len(first) > 60 {
			t.Logf("kept as title %s: %.100q", row.File, first)
		}
	}
	t.Logf("pages %d: title kept %d, lost %d; body-only texts read as opening with a dateline: %d", pages, kept, lost, bodyDatelines)
	t.Logf("pages with an agency supplier: %d from title and text, %d with by-line and URL", suppliedBefore, suppliedAfter)
}

func supplier(cs []wiretrace.Credit) string {
	var out []string
	for _, c := range cs {
		if c.Role == wiretrace.RoleSupplier {
			out = append(out, c.Agency+" ("+c.Evidence+")")
		}
	}
	return strings.Join(out, "; ")
}
