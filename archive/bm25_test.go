package archive

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// refIndex is an FTS5 index of title and text alone, built apart from the
// archive as the relevance check builds it: the true BM25 to compare with.
func refIndex(t *testing.T, s *Store) *sql.DB {
	t.Helper()
	ref, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ref.Close() })
	if _, err := ref.Exec("CREATE VIRTUAL TABLE ref USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')"); err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query("SELECT id, title, text FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	tx, _ := ref.Begin()
	for rows.Next() {
		var id int64
		var title, text string
		if err := rows.Scan(&id, &title, &text); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec("INSERT INTO ref (rowid, title, text) VALUES (?, ?, ?)", id, title, text); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return ref
}

// refTop returns the true top n of expr among the ids where keep is true
// (every id when keep is nil), with their scores.
func refTop(t *testing.T, ref *sql.DB, expr string, keep map[int64]bool, n int) ([]int64, []float64) {
	t.Helper()
	rows, err := ref.Query("SELECT rowid, -bm25(ref, 10.0, 1.0) FROM ref WHERE ref MATCH ? ORDER BY bm25(ref, 10.0, 1.0), rowid DESC", expr)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	var scores []float64
	for rows.Next() && len(ids) < n {
		var id int64
		var sc float64
		if err := rows.Scan(&id, &sc); err != nil {
			t.Fatal(err)
		}
		if keep == nil || keep[id] {
			ids, scores = append(ids, id), append(scores, sc)
		}
	}
	return ids, scores
}

// TestRelevanceIsExactBM25 compares the first pages of relevance searches
// with the true BM25 top 20 of an independent index over the whole match
// set, with kept postings and without, before and after more articles
// arrive, and with a filter.
func TestRelevanceIsExactBM25(t *testing.T) {
	defer func(v int) { matchCacheMin = v }(matchCacheMin)
	matchCacheMin = 20
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewSource(3))
	words := []string{"the", "said", "minister", "government", "police", "army", "prime", "ministry", "restore", "restored",
		"tariff", "sanctions", "Bishkek", "earthquake", "état", "Etat", "talks", "ceasefire"}
	add := func(n int) {
		var arts []*wiretrace.Article
		for i := range n {
			var w []string
			for range 20 + r.Intn(300) {
				w = append(w, words[int(float64(len(words))*r.Float64()*r.Float64())])
			}
			arts = append(arts, &wiretrace.Article{Source: []string{"Alpha", "Beta", "Gamma"}[r.Intn(3)],
				Title: strings.Join(w[:2+r.Intn(6)], " ") + fmt.Sprint(" ", i), Text: strings.Join(w, " "), Language: "en"})
		}
		if _, err := s.Add(ctx, arts); err != nil {
			t.Fatal(err)
		}
	}
	queries := []string{"the", "said", "tariff", `"prime minister"`, "restor*", "police -army", "government minister",
		"tariff OR sanctions", "état the", `"the" "said"`, "earthquake (talks OR ceasefire)"}
	check := func(state string) {
		t.Helper()
		ref := refIndex(t, s)
		beta := map[int64]bool{}
		rows, _ := s.db.Query("SELECT id FROM articles WHERE source = 'Beta'")
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			beta[id] = true
		}
		rows.Close()
		for _, noCache := range []bool{false, true} {
			s.noCache = noCache
			for _, text := range queries {
				for _, q := range []Query{{Text: text}, {Text: text, Sources: []string{"Beta"}}} {
					res, err := s.Search(ctx, q)
					if err != nil {
						t.Fatalf("%s: %q: %v", state, text, err)
					}
					keep := map[int64]bool(nil)
					if q.Sources != nil {
						keep = beta
					}
					want, scores := refTop(t, ref, translate(text).expr, keep, 20)
					if len(res.Hits) != len(want) {
						t.Errorf("%s (no cache %v): %q %v: %d hits, want %d", state, noCache, text, q.Sources, len(res.Hits), len(want))
						continue
					}
					for i, h := range res.Hits {
						if h.ID != want[i] || math.Abs(h.Score-scores[i]) > 1e-9*math.Abs(scores[i]) {
							t.Errorf("%s (no cache %v): %q %v: hit %d is %d (%g), want %d (%g)", state, noCache, text, q.Sources, i, h.ID, h.Score, want[i], scores[i])
							break
						}
					}
				}
			}
		}
		s.noCache = false
		s.bg.Wait()
	}
	add(2000)
	check("first searches")
	check("kept postings")
	add(500)
	check("after more articles")
	if _, err := s.db.Exec("UPDATE articles SET text = 'the the the minister' WHERE id % 97 = 0"); err != nil {
		t.Fatal(err)
	}
	check("after edited texts")
}

func TestSqliteVarint(t *testing.T) {
	for _, tt := range []struct {
		in   []byte
		want uint64
		n    int
	}{
		{[]byte{0x05}, 5, 1},
		{[]byte{0x83, 0x86, 0x50}, 50000, 3},
		{[]byte{0x81}, 0, 0},
		{[]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, math.MaxUint64, 9},
	} {
		if got, n := sqliteVarint(tt.in); got != tt.want || n != tt.n {
			t.Errorf("sqliteVarint(%x) = %d, %d; want %d, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}
