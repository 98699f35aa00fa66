package archive_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// MustOpen opens a new archive in a temporary folder, closed at the end of
// the test.
func MustOpen(tb testing.TB) *archive.Store {
	tb.Helper()
	s, err := archive.Open(filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC) }

// corpus is a small archive in several languages and scripts.
func corpus() []*wiretrace.Article {
	return []*wiretrace.Article{
		{Source: "DNA", Title: "Kazakh leader vows to rebuild city", Language: "en", Origin: "000.txt",
			Text:    "President Tokayev visited Almaty. “I have no doubt the city will be restored,” he said. AFP correspondents saw helicopters.",
			Credits: []wiretrace.Credit{{Agency: "AFP", Role: wiretrace.RoleSupplier}}},
		{Source: "The Times of Israel", Title: "Kazakh leader vows to restore city", Language: "en", Origin: "001.txt", Published: day(2022, 1, 12),
			Text:    "President Tokayev visited Almaty on Wednesday. The peacekeeping contingent will leave. (AP Photo)",
			Credits: []wiretrace.Credit{{Agency: "AFP", Role: wiretrace.RoleSupplier}, {Agency: "AP", Role: wiretrace.RolePhoto}}},
		{Source: "Business Standard", Title: "Kazakhstan President urges restoration", Language: "en", Origin: "002.txt", Published: day(2022, 1, 9),
			Text:    "Tokayev urged the restoration of public facilities in Almaty, reports Xinhua news agency. --IANS",
			Credits: []wiretrace.Credit{{Agency: "IANS", Role: wiretrace.RoleSupplier}, {Agency: "Xinhua", Role: wiretrace.RoleCited}}},
		{Source: "Le Monde", Title: "Le président Tokaïev à Almaty", Language: "fr", Origin: "004.txt", Published: day(2021, 12, 30),
			Text: "Le président kazakh Tokaïev s’est rendu à Almaty, à Besançon aussi peut-être. L'état d'urgence est levé."},
		{Source: "Xinhua", Title: "哈萨克斯坦总统访问阿拉木图", Language: "zh", Origin: "005.txt", Published: day(2022, 1, 13),
			Text: "新华社阿拉木图1月12日电 哈萨克斯坦总统托卡耶夫12日访问阿拉木图。"},
		{Source: "NHK", Title: "カザフスタン大統領がアルマトイ訪問", Language: "ja", Origin: "006.txt",
			Text: "カザフスタンのトカエフ大統領は水曜日、アルマトイを訪問した。"},
		{Source: "Thai PBS", Title: "ประธานาธิบดีคาซัคสถานเยือนอัลมาตี", Language: "th", Origin: "007.txt",
			Text: "ประธานาธิบดีโตกาเยฟเยือนเมืองอัลมาตี"},
	}
}

func fill(t *testing.T, s *archive.Store) {
	t.Helper()
	res, err := s.Add(context.Background(), corpus())
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Duplicate || r.ID != int64(i+1) {
			t.Fatalf("add %d: got %+v", i, r)
		}
	}
}

func origins(r *archive.Result) string {
	var o []string
	for _, h := range r.Hits {
		o = append(o, h.Origin)
	}
	return strings.Join(o, ",")
}

func TestSearchQueries(t *testing.T) {
	s := MustOpen(t)
	fill(t, s)
	tests := []struct {
		name, q string
		want    string // origins in rank order ("*" = any order, compared sorted)
		notice  bool
	}{
		{"accent-insensitive", "tokaiev besancon", "004.txt", false},
		{"accent-insensitive variant", "tokaiev", "*000.txt,001.txt,002.txt,004.txt", false},
		{"transliteration", "Tokayev", "*000.txt,001.txt,002.txt,004.txt", false},
		{"title weighted", "restore", "001.txt", false},
		{"prefix", "restor*", "*000.txt,001.txt,002.txt", false},
		{"phrase", `"peacekeeping contingent"`, "001.txt", false},
		{"phrase not adjacent", `"contingent peacekeeping"`, "", false},
		{"and", "Almaty Wednesday", "001.txt", false},
		{"or", "Xinhua OR helicopters", "*000.txt,002.txt", false},
		{"not", "Tokayev NOT Wednesday", "*000.txt,002.txt,004.txt", false},
		{"minus", "Almaty -Wednesday -Xinhua", "*000.txt,004.txt", false},
		{"besancon", "besancon", "004.txt", false},
		{"apostrophe", "l'état", "004.txt", false},
		{"chinese", "托卡耶夫", "005.txt", false},
		{"chinese short", "新华社", "005.txt", false},
		{"japanese", "アルマトイ", "006.txt", false},
		{"thai", "อัลมาตี", "007.txt", false},
		{"junk parens", `AND "((`, "", true},
		{"lone dash", "-", "", true},
		{"email-ish", "foo.bar@baz", "", false},
		{"star", "*", "", true},
		{"near", "NEAR(", "", true},
		{"quote", `"`, "", true},
		{"or or", "OR OR", "", true},
		{"trailing star", "Almat*", "*000.txt,001.txt,002.txt,004.txt", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := s.Search(context.Background(), archive.Query{Text: tt.q, Limit: 50})
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.q, err)
			}
			got, want := origins(r), tt.want
			if strings.HasPrefix(want, "*") {
				want = want[1:]
				parts := strings.Split(got, ",")
				sortStrings(parts)
				got = strings.Join(parts, ",")
			}
			if got != want {
				t.Errorf("Search(%q) = [%s], want [%s]", tt.q, got, want)
			}
			if r.Total != len(r.Hits) {
				t.Errorf("Search(%q): total %d, %d hits", tt.q, r.Total, len(r.Hits))
			}
			if tt.notice != (r.Notice != "") {
				t.Errorf("Search(%q): notice %q, want notice=%v", tt.q, r.Notice, tt.notice)
			}
		})
	}
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

func TestSnippetsHighlight(t *testing.T) {
	s := MustOpen(t)
	fill(t, s)
	for q, want := range map[string]string{
		"tokaiev":   "<mark>Tokaïev</mark>",
		"托卡耶夫":      "<mark>托卡耶夫</mark>",
		"Wednesday": "<mark>Wednesday</mark>",
	} {
		r, err := s.Search(context.Background(), archive.Query{Text: q})
		if err != nil || len(r.Hits) == 0 {
			t.Fatalf("Search(%q): %v, %d hits", q, err, len(r.Hits))
		}
		if !strings.Contains(r.Hits[0].Snippet, want) {
			t.Errorf("Search(%q) snippet %q lacks %q", q, r.Hits[0].Snippet, want)
		}
	}
	if got := archive.HighlightQuery("Le président Tokaïev et M. Tokaïev.", "tokayev"); got != "Le président <mark>Tokaïev</mark> et M. <mark>Tokaïev</mark>." {
		t.Errorf("HighlightQuery = %q", got)
	}
}

func TestFiltersAndFacets(t *testing.T) {
	s := MustOpen(t)
	fill(t, s)
	ctx := context.Background()
	all, err := s.Search(ctx, archive.Query{Text: "Almaty OR Алматы OR 阿拉木图 OR アルマトイ OR อัลมาตี", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 7 {
		t.Fatalf("total %d, want 7", all.Total)
	}
	f := all.Facets
	if len(f.Source) != 7 || f.Undated != 3 {
		t.Errorf("sources %d (want 7), undated %d (want 3)", len(f.Source), f.Undated)
	}
	if got := facetString(f.Month); got != "2021-12:1 2022-01:3" {
		t.Errorf("months %s", got)
	}
	if got := facetString(f.Day); got != "2021-12-30:1 2022-01-09:1 2022-01-12:1 2022-01-13:1" {
		t.Errorf("days %s", got)
	}
	if got := facetString(f.Agency); got != "AFP:2 IANS:1 Xinhua:1" { // photo credits are not agencies of the text
		t.Errorf("agencies %s", got)
	}

	// A source filter narrows results and the other facets, but the source
	// facet still offers every source of the match set.
	r, _ := s.Search(ctx, archive.Query{Text: "Tokayev", Sources: []string{"Business Standard"}})
	if origins(r) != "002.txt" || r.Total != 1 {
		t.Errorf("source filter: [%s] total %d", origins(r), r.Total)
	}
	if len(r.Facets.Source) != 4 || facetString(r.Facets.Month) != "2022-01:1" || facetString(r.Facets.Language) != "en:1" {
		t.Errorf("facets under a source filter: sources %v months %v languages %v", r.Facets.Source, r.Facets.Month, r.Facets.Language)
	}
	r, _ = s.Search(ctx, archive.Query{Text: "Tokayev", Sources: []string{"Business Standard", "Le Monde"}})
	if r.Total != 2 {
		t.Errorf("two sources: total %d", r.Total)
	}
	r, _ = s.Search(ctx, archive.Query{From: day(2022, 1, 1), To: day(2022, 1, 31), Limit: 50})
	if r.Total != 3 || r.Facets.Undated != 3 {
		t.Errorf("date range: total %d undated %d", r.Total, r.Facets.Undated)
	}
	r, _ = s.Search(ctx, archive.Query{Languages: []string{"fr"}})
	if origins(r) != "004.txt" {
		t.Errorf("language filter: [%s]", origins(r))
	}
	r, _ = s.Search(ctx, archive.Query{Agencies: []string{"Xinhua"}})
	if origins(r) != "002.txt" {
		t.Errorf("agency filter: [%s]", origins(r))
	}
	r, _ = s.Search(ctx, archive.Query{Agencies: []string{"AP"}})
	if r.Total != 0 {
		t.Errorf("photo credit counted as agency: %d", r.Total)
	}
	r, _ = s.Search(ctx, archive.Query{Text: "Almaty", Sort: archive.SortNewest, Limit: 3})
	if origins(r) != "001.txt,002.txt,004.txt" {
		t.Errorf("newest first: [%s]", origins(r))
	}
	r, _ = s.Search(ctx, archive.Query{Text: "Almaty", Sort: archive.SortOldest, Limit: 2, Offset: 1})
	if origins(r) != "002.txt,001.txt" || r.Total != 4 {
		t.Errorf("oldest first, page 2: [%s] total %d", origins(r), r.Total)
	}
}

func facetString(fc []archive.FacetCount) string {
	var parts []string
	for _, c := range fc {
		parts = append(parts, c.Value+":"+strconv.Itoa(c.Count))
	}
	return strings.Join(parts, " ")
}

func TestDedup(t *testing.T) {
	s := MustOpen(t)
	fill(t, s)
	again := corpus()
	again[0].Text = "  President   Tokayev visited ALMATY. “I have no doubt the city will be restored,” he said. AFP correspondents saw helicopters. "
	res, err := s.Add(context.Background(), again)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if !r.Duplicate || r.ID != int64(i+1) {
			t.Errorf("re-add %d: %+v, want duplicate of %d", i, r, i+1)
		}
	}
	// The same text from another outlet is another article.
	other := corpus()[:1]
	other[0].Source = "Dawn"
	res, _ = s.Add(context.Background(), other)
	if res[0].Duplicate {
		t.Error("same text from another outlet taken as duplicate")
	}
	st, _ := s.Stats(context.Background())
	if st.Articles != 8 {
		t.Errorf("articles %d, want 8", st.Articles)
	}
}

func TestReopenAndMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
		t.Errorf("WAL file left after close: %v", err)
	}
	// Reopening an up-to-date file migrates nothing and keeps everything.
	s, err = archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(context.Background(), 2)
	if err != nil || a.Source != "The Times of Israel" || len(a.Credits) != 2 || !a.Published.Equal(day(2022, 1, 12)) {
		t.Errorf("article 2 after reopen: %+v %v", a, err)
	}
	if _, err := s.Article(context.Background(), 99); !errors.Is(err, archive.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	s.Close()

	// A file from a newer schema is refused, untouched.
	db, _ := sql.Open("sqlite", path)
	db.Exec("PRAGMA user_version = 999")
	db.Close()
	if _, err := archive.Open(path); !errors.Is(err, archive.ErrNewerSchema) {
		t.Errorf("newer schema: %v", err)
	}
	// A file that is not SQLite is refused.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("this is not a database at all, just text"), 0o644)
	if _, err := archive.Open(junk); !errors.Is(err, archive.ErrNotArchive) {
		t.Errorf("not sqlite: %v", err)
	}
	// A SQLite file at version 0 holding tables Wiretrace did not write
	// is refused, untouched: migrating it would run its triggers.
	other := filepath.Join(t.TempDir(), "other.db")
	db, _ = sql.Open("sqlite", other)
	if _, err := db.Exec("CREATE TABLE legacy (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := archive.Open(other); !errors.Is(err, archive.ErrForeignSchema) {
		t.Errorf("foreign SQLite file: %v", err)
	}
	// An empty SQLite file at version 0 is migrated.
	old := filepath.Join(t.TempDir(), "old.db")
	db, _ = sql.Open("sqlite", old)
	if _, err := db.Exec("PRAGMA page_size = 4096; VACUUM"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = archive.Open(old)
	if err != nil {
		t.Fatalf("migrate version 0: %v", err)
	}
	var v int
	s.DB().QueryRow("PRAGMA user_version").Scan(&v)
	if v != archive.SchemaVersion() {
		t.Errorf("user_version %d, want %d", v, archive.SchemaVersion())
	}
	s.Close()
}

func TestCopyTo(t *testing.T) {
	s := MustOpen(t)
	fill(t, s)
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := s.CopyTo(context.Background(), dst); err != nil {
		t.Fatal(err)
	}
	c, err := archive.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r, err := c.Search(context.Background(), archive.Query{Text: "besancon"})
	if err != nil || r.Total != 1 {
		t.Errorf("search in copy: %v, %d", err, r.Total)
	}
	if err := s.CopyTo(context.Background(), dst); err == nil {
		t.Error("copy over an existing file did not fail")
	}
}

func TestTranslate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tokaiev", `("tokaiev" OR "tokayev")`},
		{"a b", `("a" AND "b")`},
		{"police -army", `(("police") NOT "army")`},
		{`"prime minister"`, `"prime minister"`},
		{"restor*", `"restor"*`},
		{"x OR (y z)", `("x" OR ("y" AND "z"))`},
		{"c++", `"c++"`},
		{`AND "((`, `"and"`},
		{"Said", `"said"`},
	}
	for _, tt := range tests {
		if got, _ := archive.Translate(tt.in); got != tt.want {
			t.Errorf("Translate(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
