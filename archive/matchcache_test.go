package archive

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
)

// addRandom adds n articles of words drawn from a skewed vocabulary, so
// that some words match most articles and others few.
func addRandom(t *testing.T, s *Store, r *rand.Rand, n int) {
	t.Helper()
	common := []string{"the", "said", "minister", "government", "police", "army", "prime", "ministry", "restore", "restored"}
	rare := []string{"tariff", "sanctions", "Bishkek", "earthquake", "rescue", "Tokayev", "Tokaiev", "gouvernement", "état", "政府"}
	sources := []string{"Alpha Times", "Beta Post", "Gamma News", "Delta Daily"}
	var arts []*wiretrace.Article
	for i := range n {
		var words []string
		for range 40 + r.Intn(40) {
			if r.Intn(4) == 0 {
				words = append(words, rare[r.Intn(len(rare))])
			} else {
				words = append(words, common[int(float64(len(common))*r.Float64()*r.Float64())])
			}
		}
		if r.Intn(3) == 0 {
			words = append(words, "prime", "minister")
		}
		a := &wiretrace.Article{Source: sources[r.Intn(len(sources))], Title: strings.Join(words[:5], " ") + fmt.Sprint(" ", i),
			Text: strings.Join(words, " "), Language: []string{"en", "fr"}[r.Intn(2)],
			Published: time.Date(2019+r.Intn(3), time.Month(1+r.Intn(12)), 1+r.Intn(28), 0, 0, 0, 0, time.UTC)}
		if r.Intn(5) == 0 {
			a.Published = time.Time{}
		}
		if r.Intn(3) == 0 {
			a.Credits = []wiretrace.Credit{{Agency: []string{"AFP", "Reuters"}[r.Intn(2)], Role: wiretrace.RoleSupplier}}
		}
		arts = append(arts, a)
	}
	if _, err := s.Add(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
}

var matchCacheQueries = []Query{
	{Text: "the"}, {Text: "Said"}, {Text: "government minister"}, {Text: `"prime minister"`},
	{Text: "restor*"}, {Text: "minist*"}, {Text: "police -army"}, {Text: "tariff OR sanctions"},
	{Text: "the tariff"}, {Text: "(police OR army) -the"}, {Text: "said -(tariff OR rescue)"},
	{Text: "tokayev"}, {Text: "政府"}, {Text: "état the"}, {Text: "minister AND"}, {Text: `said "prime minister" -army`},
	{Text: "said", Sources: []string{"Beta Post"}}, {Text: "the", From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC)},
	{Text: "police", Sort: SortNewest}, {Text: "government", Agencies: []string{"AFP"}, Languages: []string{"fr"}},
	{Text: "the", Offset: 20},
}

// checkSame runs every query with kept match sets and without, and fails
// on any difference in totals, facets or hits.
func checkSame(t *testing.T, s *Store, state string) {
	t.Helper()
	ctx := context.Background()
	for _, q := range matchCacheQueries {
		q.Limit = 20
		s.noCache = false
		got, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%s: %q: %v", state, q.Text, err)
		}
		s.noCache = true
		want, err := s.Search(ctx, q)
		s.noCache = false
		if err != nil {
			t.Fatalf("%s: %q: %v", state, q.Text, err)
		}
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%s: %q: total %d, facets %v; without the cache %d, %v", state, q.Text, got.Total, got.Facets, want.Total, want.Facets)
		}
		if len(got.Hits) != len(want.Hits) {
			t.Errorf("%s: %q: %d hits, without the cache %d", state, q.Text, len(got.Hits), len(want.Hits))
			continue
		}
		for i := range got.Hits {
			if got.Hits[i].ID != want.Hits[i].ID || got.Hits[i].Snippet != want.Hits[i].Snippet {
				t.Errorf("%s: %q: hit %d is %d, without the cache %d", state, q.Text, i, got.Hits[i].ID, want.Hits[i].ID)
			}
		}
	}
	s.bg.Wait()
}

func keptSets(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	// Phrases keep their sets with their postings (bm25.go).
	if err := s.db.QueryRow(`WITH m(e) AS (SELECT value FROM meta WHERE key = 'fts_epoch')
		SELECT count(*) FROM (SELECT expr FROM match_cache, m WHERE epoch = e UNION SELECT expr FROM phrase_freqs, m WHERE epoch = e)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMatchCacheGivesTheSameResults(t *testing.T) {
	defer func(v int) { matchCacheMin = v }(matchCacheMin)
	matchCacheMin = 20
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(5))
	addRandom(t, s, r, 1500)
	checkSame(t, s, "first searches")
	if n := keptSets(t, s); n < 5 {
		t.Fatalf("%d match sets kept after the first searches, want several", n)
	}
	checkSame(t, s, "sets in memory")
	s.Close()

	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	checkSame(t, s, "sets from the archive")
	if len(s.mc.entries) == 0 {
		t.Fatal("a new process did not load the kept sets")
	}
	addRandom(t, s, r, 300)
	checkSame(t, s, "after adding articles")
	// The extended postings are kept in memory at once; saving them is
	// done in the background and gives up when another connection
	// writes, so the table may lag behind or lack the set, never run
	// ahead.
	s.bg.Wait()
	var upto, saved, maxID, epoch int64
	s.db.QueryRow(`SELECT upto FROM phrase_freqs WHERE expr = '"the"'`).Scan(&saved)
	s.db.QueryRow(`SELECT max(id) FROM articles`).Scan(&maxID)
	s.db.QueryRow(`SELECT value FROM meta WHERE key = 'fts_epoch'`).Scan(&epoch)
	if p := s.mc.phrases.get(`"the"`, epoch); p != nil {
		upto = p.upto
	}
	if upto != maxID || saved > maxID {
		t.Errorf(`the set of "the" covers ids to %d in memory and %d saved, want %d (saved no further) after 300 new articles`, upto, saved, maxID)
	}

	if _, err := s.db.Exec("DELETE FROM articles WHERE id IN (SELECT id FROM articles WHERE text LIKE '%tariff%' LIMIT 3)"); err != nil {
		t.Fatal(err)
	}
	checkSame(t, s, "after deleting articles")
	if _, err := s.db.Exec("UPDATE articles SET text = 'nothing here but the government' WHERE id IN (SELECT id FROM articles WHERE text LIKE '%police%' LIMIT 50)"); err != nil {
		t.Fatal(err)
	}
	checkSame(t, s, "after editing texts")
	if err := s.Repair(ctx); err != nil {
		t.Fatal(err)
	}
	checkSame(t, s, "after a repair")
	s.Close()

	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	checkSame(t, ro, "read-only")
}

func TestWarmSearchKeepsCommonWords(t *testing.T) {
	defer func(v int) { matchCacheMin = v }(matchCacheMin)
	matchCacheMin = 20
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addRandom(t, s, rand.New(rand.NewSource(9)), 1000)
	n, err := s.WarmSearch(ctx, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if n < 5 || keptSets(t, s) != n {
		t.Fatalf("WarmSearch kept %d sets, the archive holds %d; want the common words", n, keptSets(t, s))
	}
	var the int
	s.db.QueryRow(`SELECT n FROM match_cache WHERE expr = '"the"'`).Scan(&the)
	if the < 500 {
		t.Errorf(`set of "the" holds %d ids, want most of 1000 articles`, the)
	}
	checkSame(t, s, "after warming")
}

func TestBitsetEncoding(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, density := range []int{1, 10, 1000} {
		b := newBitset(100000)
		for id := int64(1); id <= 100000; id++ {
			if r.Intn(density) == 0 {
				b.add(id)
			}
		}
		data := b.encode(b.count())
		got, err := decodeBitset(data, 100000)
		if err != nil || !reflect.DeepEqual(got, b) {
			t.Fatalf("density 1/%d: decoded set differs (err %v)", density, err)
		}
		if density == 1000 && data[0] != 'V' || density == 1 && data[0] != 'B' {
			t.Errorf("density 1/%d: encoded as %c", density, data[0])
		}
	}
	for _, bad := range [][]byte{nil, {'X'}, {'B', 1, 2}, {'V', 0x80}, append([]byte{'V'}, make([]byte, 3)...)} {
		if _, err := decodeBitset(bad, 1000); err == nil {
			t.Errorf("decodeBitset(%v) accepted bad data", bad)
		}
	}
}

func TestSnippetFindsTheMatch(t *testing.T) {
	long := strings.Repeat("Ärger über Straßenbau, Ölpreise und Œuvres ", 40)
	for _, tt := range []struct{ text, q, want string }{
		{long + "Then the Prime Minister spoke.", `"prime minister"`, "<mark>Prime Minister</mark>"},
		{"Tokaïev said " + long, "tokayev", "<mark>Tokaïev</mark>"},
		{long + "ministers met", "minist*", "<mark>ministers</mark>"},
		{"Title-only match here.", "absent", "Title-only match here."},
		{long + "托卡耶夫 visited", "托卡耶夫", "<mark>托卡耶夫</mark>"},
	} {
		var buf foldBuf
		got := snippet(tt.text, translate(tt.q), &buf)
		if !strings.Contains(got, tt.want) || len(got) > 400 {
			t.Errorf("snippet(%q): %q, want it to hold %q", tt.q, got, tt.want)
		}
	}
}

func TestLatinWordsInsideCJKTextAreFound(t *testing.T) {
	if got := CJKBigrams("死亡在Bishkek停火 据AFP报道 plain words 政府"); got != "死亡 亡在 Bishkek 停火 据 AFP 报道 政府" {
		t.Errorf("CJKBigrams = %q", got)
	}
	s, err := Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Add(context.Background(), []*wiretrace.Article{{Source: "X", Title: "停火", Text: "死亡在Bishkek停火。据AFP报道。", Language: "zh"}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"bishkek", "AFP", "停火"} {
		r, err := s.Search(context.Background(), Query{Text: q})
		if err != nil || r.Total != 1 {
			t.Errorf("Search(%q): %d matches, %v", q, r.Total, err)
		} else if q == "bishkek" && !strings.Contains(r.Hits[0].Snippet, "<mark>Bishkek</mark>") {
			t.Errorf("Search(%q): snippet %q", q, r.Hits[0].Snippet)
		}
	}
}

// TestMatchCacheRandomQueries checks the set algebra on random boolean
// queries over kept and unkept parts: the totals and facets must be those
// FTS5 gives for the whole expression.
func TestMatchCacheRandomQueries(t *testing.T) {
	defer func(v int) { matchCacheMin = v }(matchCacheMin)
	matchCacheMin = 20
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewSource(11))
	addRandom(t, s, r, 1200)
	words := []string{"the", "said", "minister", "government", "police", "army", "tariff", "rescue", "Bishkek", "restor*", "minist*", `"prime minister"`, `"the government"`, "état", "nothere"}
	var gen func(depth int) string
	gen = func(depth int) string {
		if depth == 0 || r.Intn(3) == 0 {
			return words[r.Intn(len(words))]
		}
		a, b := gen(depth-1), gen(depth-1)
		switch r.Intn(4) {
		case 0:
			return "(" + a + " OR " + b + ")"
		case 1:
			return a + " -" + words[r.Intn(len(words))]
		case 2:
			return "(" + a + " NOT " + b + ")"
		default:
			return a + " " + b
		}
	}
	for i := range 300 {
		q := Query{Text: gen(3), Limit: 5}
		if i%7 == 0 {
			q.Sources = []string{"Beta Post"}
		}
		got, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		s.noCache = true
		want, err := s.Search(ctx, q)
		s.noCache = false
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%q: total %d, without the cache %d", q.Text, got.Total, want.Total)
		}
	}
	s.bg.Wait()
	if n := keptSets(t, s); n < 3 { // the common words, with their postings

		t.Errorf("only %d sets kept after 300 queries", n)
	}
}
