package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/bench"
)

// analyzerName is the analyzer of the title and text fields: Unicode word
// segmentation, full-width folding, then archive.Fold (lower case, accents
// removed, as FTS5's unicode61 remove_diacritics 2 compares words), then
// CJK bigrams (which Wiretrace indexes in its cjk column).
const analyzerName = "wiretrace"

// foldName is the token filter that applies archive.Fold to every term.
// It is a token filter, not a char filter, so that offsets still point
// into the stored text and highlighting stays right for accented words.
const foldName = "wiretrace_fold"

type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = []byte(archive.Fold(string(t.Term)))
	}
	return in
}

func init() {
	err := registry.RegisterTokenFilter(foldName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}

// newMapping returns the index mapping: title and text analysed, stored
// and with term vectors (for highlighting); source, language, agencies and
// month as keywords with doc values (for filters and facets); day
// (YYYYMMDD) as a number (for date filters); sortkey, the day and the id
// as one fixed-width keyword, for the date sorts (Bleve sorts a number
// field by decoding its doc values, which hold every precision-step term
// of the number: at 100k articles, sorting "police" (57k matches) by a
// number day then a number id took 140 ms at the median, by this keyword
// 27 ms). Scoring is BM25.
func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(analyzerName, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{cjk.WidthName, foldName, cjk.BigramName},
	})
	if err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	im.DefaultAnalyzer = analyzerName
	// BM25, as Wiretrace ranks with FTS5's bm25() (Bleve's default is
	// tf-idf).
	im.ScoringModel = index.BM25Scoring
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzerName
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.Store = store
		return f
	}
	num := func(store bool) *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.IncludeInAll = false
		f.Store = store
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("title", text())
	dm.AddFieldMappingsAt("text", text())
	dm.AddFieldMappingsAt("source", kw(true))
	dm.AddFieldMappingsAt("lang", kw(true))
	dm.AddFieldMappingsAt("agency", kw(true))
	dm.AddFieldMappingsAt("month", kw(false))
	dm.AddFieldMappingsAt("day", num(true))
	dm.AddFieldMappingsAt("sortkey", kw(false))
	im.DefaultMapping = dm
	return im, nil
}

// BuildStats are the figures of one index build.
type BuildStats struct {
	Docs        int
	Seconds     float64 // from the first row read until every batch is persisted
	ReadSeconds float64 // of which reading rows from SQLite
	SettleSecs  float64 // then waiting for background merges to settle
	PeakRSS     int64
	Segments    uint64 // file segments at the root after settling
}

// build indexes every article of s into a new Bleve index at dir.
func build(ctx context.Context, s *archive.Store, dir string, batchSize int, logf func(string, ...any)) (*BuildStats, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	runtime.GC()
	mem := bench.StartRSS()
	st := &BuildStats{}
	start := time.Now()
	idx, err := bleve.New(dir, im)
	if err != nil {
		mem.Done()
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	closed := false
	defer func() {
		if !closed {
			idx.Close()
		}
	}()
	var read time.Duration
	t := time.Now()
	agencies := map[int64][]string{}
	rows, err := s.DB().QueryContext(ctx, `SELECT DISTINCT article, agency FROM article_agencies WHERE role != 'photo' ORDER BY article, agency`)
	if err != nil {
		return nil, fmt.Errorf("read agencies: %w", err)
	}
	for rows.Next() {
		var id int64
		var a string
		if err := rows.Scan(&id, &a); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read agencies: %w", err)
		}
		agencies[id] = append(agencies[id], a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read agencies: %w", err)
	}
	read += time.Since(t)

	t = time.Now()
	rows, err = s.DB().QueryContext(ctx, `SELECT id, title, text, source, coalesce(pubday, 0), language FROM articles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	defer rows.Close()
	read += time.Since(t)
	b := idx.NewBatch()
	for {
		t = time.Now()
		more := rows.Next()
		var (
			id                        int64
			title, text, source, lang string
			day                       int
		)
		if more {
			if err := rows.Scan(&id, &title, &text, &source, &day, &lang); err != nil {
				return nil, fmt.Errorf("read articles: %w", err)
			}
		}
		read += time.Since(t)
		if more {
			doc := map[string]any{
				"title":  title,
				"text":   text,
				"source": source,
				"lang":   lang,
			}
			if ag := agencies[id]; len(ag) > 0 {
				doc["agency"] = ag
			}
			if day != 0 {
				doc["day"] = float64(day)
				doc["month"] = fmt.Sprintf("%04d-%02d", day/10000, day/100%100)
				// Undated articles have none: Bleve sorts them last either way.
				doc["sortkey"] = fmt.Sprintf("%08d%012d", day, id)
			}
			if err := b.Index(strconv.FormatInt(id, 10), doc); err != nil {
				return nil, fmt.Errorf("index article %d: %w", id, err)
			}
			st.Docs++
		}
		if b.Size() >= batchSize || (!more && b.Size() > 0) {
			if err := idx.Batch(b); err != nil {
				return nil, fmt.Errorf("index batch ending at article %d: %w", id, err)
			}
			b.Reset()
			if st.Docs%20000 == 0 {
				logf("indexed %d articles in %.1f s", st.Docs, time.Since(start).Seconds())
			}
		}
		if !more {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	sc, err := scorchOf(idx)
	if err != nil {
		return nil, err
	}
	// Built means durable: every in-memory segment persisted.
	for statU(sc, "TotMemorySegmentsAtRoot") > 0 {
		time.Sleep(20 * time.Millisecond)
	}
	st.Seconds = time.Since(start).Seconds()
	st.ReadSeconds = read.Seconds()
	// Let the merger finish what it plans, so that searches do not run
	// beside merges: the segment count stays the same for 3 s.
	t = time.Now()
	last, stable := statU(sc, "TotFileSegmentsAtRoot"), time.Now()
	for time.Since(stable) < 3*time.Second {
		time.Sleep(100 * time.Millisecond)
		if n := statU(sc, "TotFileSegmentsAtRoot"); n != last {
			last, stable = n, time.Now()
		}
	}
	st.SettleSecs = time.Since(t).Seconds() - 3
	st.Segments = last
	closed = true
	if err := idx.Close(); err != nil {
		mem.Done()
		return nil, fmt.Errorf("close index: %w", err)
	}
	st.PeakRSS = mem.Done()
	return st, nil
}

func scorchOf(idx bleve.Index) (*scorch.Scorch, error) {
	ai, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index internals: %w", err)
	}
	sc, ok := ai.(*scorch.Scorch)
	if !ok {
		return nil, fmt.Errorf("index is %T, not scorch", ai)
	}
	return sc, nil
}

func statU(sc *scorch.Scorch, key string) uint64 {
	m := sc.StatsMap()
	if v, ok := m[key].(uint64); ok {
		return v
	}
	return 0
}

// dirSize returns the bytes of the files under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			n += fi.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return n, nil
}

// fileSize returns the bytes of an SQLite file with its -wal, if any.
func fileSize(p string) int64 {
	var n int64
	for _, f := range []string{p, p + "-wal"} {
		if fi, err := os.Stat(f); err == nil {
			n += fi.Size()
		}
	}
	return n
}
