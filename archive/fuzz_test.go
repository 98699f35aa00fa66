package archive

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
)

// FuzzTranslate checks that any string becomes a query FTS5 accepts, or no
// query at all.
func FuzzTranslate(f *testing.F) {
	for _, s := range []string{"tokaiev", `AND "((`, "-", "foo.bar@baz", "it's", "*", "NEAR(", `"`, "OR OR",
		"police -army", `"prime minister"`, "restor*", "x OR (y z)", "新华社", "a NOT", "((a)", "-(a b)", "c++", "«quoted»"} {
		f.Add(s)
	}
	s, err := Open(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	if _, err := s.Add(context.Background(), []*wiretrace.Article{{Source: "S", Title: "Tokaïev à Almaty", Text: "Le président a visité Almaty. 新华社报道。"}}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		expr, _ := Translate(q)
		if strings.TrimSpace(q) != "" && hasWordChar(q) && expr == "" && !strings.ContainsAny(q, `"“”«»`) {
			t.Errorf("Translate(%q): no expression for text with words", q)
		}
		r, err := s.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if r.Total < 0 || r.Total > 1 {
			t.Fatalf("Search(%q): total %d", q, r.Total)
		}
		if h := HighlightQuery("Le président Tokaïev à Almaty", q); !utf8.ValidString(h) {
			t.Fatalf("HighlightQuery(%q) = %q: invalid UTF-8", q, h)
		}
	})
}
