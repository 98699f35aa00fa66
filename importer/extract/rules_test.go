package extract

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/rules")

// TestRules extracts each page of testdata/rules, a small page written for
// one extraction rule, and compares its title and text with the golden
// file beside it (NAME.html-result: the title, a blank line, the text).
// Run with -update to rewrite them, then read the diff.
func TestRules(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "rules", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in testdata/rules: %v", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			raw, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			p, err := HTML(raw, "https://news.example/"+strings.TrimSuffix(filepath.Base(page), ".html"))
			if err != nil {
				t.Fatal(err)
			}
			got := p.Title + "\n\n" + p.Text + "\n"
			golden := page + "-result"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestDropHeadline(t *testing.T) {
	tests := []struct{ text, title, want string }{
		{"Tokayev visits Almaty\n\nThe president came.", "Tokayev Visits Almaty.", "The president came."},
		{"Tokayev visits Almaty after the unrest\n\nThe president came.", "Tokayev visits Almaty", "Tokayev visits Almaty after the unrest\n\nThe president came."},
		{"Tokayev visits Almaty", "Tokayev visits Almaty", "Tokayev visits Almaty"}, // nothing would be left
		{"The president came.", "", "The president came."},
	}
	for _, tt := range tests {
		if got := dropHeadline(tt.text, tt.title); got != tt.want {
			t.Errorf("dropHeadline(%q, %q) = %q, want %q", tt.text, tt.title, got, tt.want)
		}
	}
}
