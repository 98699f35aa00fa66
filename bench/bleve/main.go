// Command bleve is the second baseline of Wiretrace's benchmarks (issue 6):
// it indexes every article of a Wiretrace archive with Bleve
// (github.com/blevesearch/bleve/v2) and times bench.Mix on both engines
// side by side in one process: Wiretrace's Store.Search (first page of 20
// with snippets and every facet), Bleve's top 20 with highlighted
// fragments, and Bleve's top 20 with exact facet counts by source and by
// month.
//
// It lives in its own module so that the main module never depends on
// Bleve. Usage:
//
//	go run . --db ARCHIVE.db --index DIR [--rounds 5] [--rebuild] [--out RESULTS.md]
//
// The archive is opened read-only and never written.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/bench"
)

func main() {
	dbPath := flag.String("db", "", "Wiretrace archive to read (opened read-only)")
	indexDir := flag.String("index", "", "Bleve index directory; built from the archive when missing")
	rounds := flag.Int("rounds", 5, "timed rounds of the query mix, after one warm-up round")
	rebuild := flag.Bool("rebuild", false, "delete the index directory and build it again")
	batch := flag.Int("batch", 1000, "articles per Bleve batch")
	seed := flag.Int64("seed", 7, "corpus seed, for bench.Mix")
	out := flag.String("out", "", "also write the Markdown report to this file")
	flag.Parse()
	if *dbPath == "" || *indexDir == "" {
		fmt.Fprintln(os.Stderr, "usage: bleve --db ARCHIVE.db --index DIR [--rounds N] [--rebuild] [--out FILE]")
		os.Exit(2)
	}
	if err := run(context.Background(), *dbPath, *indexDir, *rounds, *rebuild, *batch, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bleve:", err)
		os.Exit(1)
	}
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s "+format+"\n", append([]any{time.Now().UTC().Format("15:04:05")}, args...)...)
}

// result is the figures of one query of the mix.
type result struct {
	bench.Query
	WTTotal, BleveTotal int
	// WT is Store.Search; Inline Bleve's first page highlighted in the
	// same request; Top the same page highlighted in a second request
	// (two-phase); Facets Top with the source and month facets.
	WT, Inline, Top, Facets bench.Latency
	// SameFragments says whether two-phase highlighting gave the same
	// hits and fragments as inline highlighting (warm-up round).
	SameFragments string
	// FacetCheck says whether Bleve's source and month counts equal
	// Wiretrace's on the warm-up round.
	FacetCheck string
	// PageOverlap is how many of Wiretrace's first-page ids Bleve's first
	// page also holds (meaningful for the date sorts).
	PageOverlap string
}

func run(ctx context.Context, dbPath, indexDir string, rounds int, rebuild bool, batchSize int, seed int64, out string) error {
	s, err := archive.OpenReadOnly(dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	var nArticles, nSources, nMonths int
	err = s.DB().QueryRowContext(ctx, `SELECT count(*), count(DISTINCT source), count(DISTINCT pubday / 100) FROM articles`).Scan(&nArticles, &nSources, &nMonths)
	if err != nil {
		return fmt.Errorf("count articles: %w", err)
	}
	logf("archive %s: %d articles, %d sources, %d months", dbPath, nArticles, nSources, nMonths)

	if rebuild {
		if err := os.RemoveAll(indexDir); err != nil {
			return fmt.Errorf("remove old index: %w", err)
		}
	}
	var bs *BuildStats
	if _, err := os.Stat(indexDir); os.IsNotExist(err) {
		logf("building Bleve index in %s", indexDir)
		bs, err = build(ctx, s, indexDir, batchSize, logf)
		if err != nil {
			return err
		}
		logf("built: %d docs in %.1f s (reading SQLite %.1f s), settled %.1f s more, %d segments, peak RSS %.0f MB",
			bs.Docs, bs.Seconds, bs.ReadSeconds, bs.SettleSecs, bs.Segments, mb(bs.PeakRSS))
	} else {
		logf("reusing the index in %s (pass --rebuild to time a build)", indexDir)
	}
	indexBytes, err := dirSize(indexDir)
	if err != nil {
		return err
	}

	openStart := time.Now()
	idx, err := bleve.Open(indexDir)
	if err != nil {
		return fmt.Errorf("open index %s: %w", indexDir, err)
	}
	defer idx.Close()
	openMs := ms(time.Since(openStart))
	docs, err := idx.DocCount()
	if err != nil {
		return fmt.Errorf("count index docs: %w", err)
	}
	if int(docs) != nArticles {
		return fmt.Errorf("index holds %d docs, the archive %d articles: pass --rebuild", docs, nArticles)
	}
	im := idx.Mapping()

	mix := bench.Mix(seed)
	res := make([]result, len(mix))
	type compiled struct {
		q      query.Query
		except map[string]query.Query // per facet, the query without that facet's own filter
	}
	cq := make([]compiled, len(mix))
	for i, m := range mix {
		res[i].Query = m
		q, err := compile(im, m.Q)
		if err != nil {
			return err
		}
		cq[i].q = q
		cq[i].except = map[string]query.Query{}
		if len(m.Q.Sources) > 0 {
			if cq[i].except["source"], err = compileExcept(im, m.Q, "source"); err != nil {
				return err
			}
		}
		if !m.Q.From.IsZero() || !m.Q.To.IsZero() {
			if cq[i].except["month"], err = compileExcept(im, m.Q, "date"); err != nil {
				return err
			}
		}
	}
	facetSize := map[string]int{"source": nSources + 1, "month": nMonths + 1}

	// request builds the Bleve request for query i: the first page with
	// the fields Wiretrace shows, and highlighted fragments of the text
	// when highlight is set. A date sort does not score.
	request := func(i int, q query.Query, highlight bool) *bleve.SearchRequest {
		m := mix[i].Q
		req := bleve.NewSearchRequestOptions(q, m.Limit, m.Offset, false)
		req.Fields = []string{"title", "source", "day", "lang", "agency"}
		if highlight {
			req.Highlight = bleve.NewHighlightWithStyle(html.Name)
			req.Highlight.AddField("text")
		}
		switch m.Sort {
		case archive.SortNewest, archive.SortOldest:
			desc := m.Sort == archive.SortNewest
			req.Score = "none"
			req.SortByCustom(search.SortOrder{
				&search.SortField{Field: "sortkey", Type: search.SortFieldAsString, Desc: desc, Missing: search.SortFieldMissingLast},
			})
		}
		return req
	}
	// highlight adds the highlighted fragments of the text to the hits of
	// r with a second request restricted to their ids. Bleve decodes term
	// locations for every match of a request that highlights, which costs
	// most for common words; a page of 20 needs them for 20 documents.
	highlight := func(q query.Query, r *bleve.SearchResult) error {
		if len(r.Hits) == 0 {
			return nil
		}
		ids := make([]string, len(r.Hits))
		for j, h := range r.Hits {
			ids[j] = h.ID
		}
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
		req.Highlight.AddField("text")
		hr, err := idx.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("highlight: %w", err)
		}
		frag := make(map[string]search.FieldFragmentMap, len(hr.Hits))
		for _, h := range hr.Hits {
			frag[h.ID] = h.Fragments
		}
		for _, h := range r.Hits {
			h.Fragments = frag[h.ID]
		}
		return nil
	}
	// page runs the first page of query i, highlighting in the same
	// request (inline) or in a second one (two-phase), with the facets
	// given.
	page := func(i int, inline bool, facets []string) (*bleve.SearchResult, error) {
		req := request(i, cq[i].q, inline)
		for _, f := range facets {
			req.AddFacet(f, bleve.NewFacetRequest(f, facetSize[f]))
		}
		r, err := idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		if !inline {
			if err := highlight(cq[i].q, r); err != nil {
				return nil, err
			}
		}
		return r, nil
	}
	// withFacets runs query i two-phase with its facets: in the same
	// request when the query has no source or date filter; otherwise, as
	// Wiretrace counts each facet over the matches passing every other
	// filter, the facet of a filtered field comes from another, hitless
	// request without that filter.
	withFacets := func(i int) (*bleve.SearchResult, map[string]*search.FacetResult, error) {
		var same []string
		for _, f := range []string{"source", "month"} {
			if cq[i].except[f] == nil {
				same = append(same, f)
			}
		}
		r, err := page(i, false, same)
		if err != nil {
			return nil, nil, err
		}
		fr := map[string]*search.FacetResult{}
		for k, v := range r.Facets {
			fr[k] = v
		}
		for _, f := range []string{"source", "month"} {
			if q := cq[i].except[f]; q != nil {
				req := bleve.NewSearchRequestOptions(q, 0, 0, false)
				req.Score = "none"
				req.AddFacet(f, bleve.NewFacetRequest(f, facetSize[f]))
				r2, err := idx.SearchInContext(ctx, req)
				if err != nil {
					return nil, nil, err
				}
				fr[f] = r2.Facets[f]
			}
		}
		return r, fr, nil
	}

	runtime.GC()
	mem := bench.StartRSS()
	wt := make([][]float64, len(mix))
	inl := make([][]float64, len(mix))
	top := make([][]float64, len(mix))
	fac := make([][]float64, len(mix))
	for round := 0; round <= rounds; round++ {
		for i, m := range mix {
			t := time.Now()
			wr, err := s.Search(ctx, m.Q)
			dWT := ms(time.Since(t))
			if err != nil {
				return fmt.Errorf("wiretrace search %s: %w", m.Name, err)
			}
			t = time.Now()
			bi, err := page(i, true, nil)
			dInl := ms(time.Since(t))
			if err != nil {
				return fmt.Errorf("bleve search %s: %w", m.Name, err)
			}
			t = time.Now()
			br, err := page(i, false, nil)
			dTop := ms(time.Since(t))
			if err != nil {
				return fmt.Errorf("bleve search %s: %w", m.Name, err)
			}
			t = time.Now()
			bf, fr, err := withFacets(i)
			dFac := ms(time.Since(t))
			if err != nil {
				return fmt.Errorf("bleve search with facets %s: %w", m.Name, err)
			}
			if bf.Total != br.Total || bi.Total != br.Total {
				return fmt.Errorf("bleve %s: %d matches with facets, %d and %d without", m.Name, bf.Total, bi.Total, br.Total)
			}
			if len(br.Hits) > m.Q.Limit {
				return fmt.Errorf("bleve %s: %d hits for a page of %d", m.Name, len(br.Hits), m.Q.Limit)
			}
			if round == 0 {
				r := &res[i]
				r.WTTotal, r.BleveTotal = wr.Total, int(br.Total)
				r.FacetCheck = checkFacets(wr, fr)
				r.PageOverlap = overlap(wr, br)
				r.SameFragments = sameFragments(bi, br)
				logf("%-45s wiretrace %7d  bleve %7d  facets %s  page overlap %s  fragments %s  %s", m.Name, wr.Total, br.Total, r.FacetCheck, r.PageOverlap, r.SameFragments, firstFragment(br))
				continue
			}
			wt[i] = append(wt[i], dWT)
			inl[i] = append(inl[i], dInl)
			top[i] = append(top[i], dTop)
			fac[i] = append(fac[i], dFac)
		}
		if round > 0 {
			logf("round %d/%d done", round, rounds)
		}
	}
	searchRSS := mem.Done()
	var allWT, allInl, allTop, allFac []float64
	for i := range mix {
		res[i].WT, res[i].Inline, res[i].Top, res[i].Facets = latency(wt[i]), latency(inl[i]), latency(top[i]), latency(fac[i])
		allWT = append(allWT, wt[i]...)
		allInl = append(allInl, inl[i]...)
		allTop = append(allTop, top[i]...)
		allFac = append(allFac, fac[i]...)
	}
	rep := &report{
		Machine: bench.Machine(), DB: dbPath, Articles: nArticles, Rounds: rounds, Build: bs,
		ArchiveBytes: fileSize(dbPath), IndexBytes: indexBytes, OpenMs: openMs, SearchRSS: searchRSS,
		Queries: res, WT: latency(allWT), Inline: latency(allInl), Top: latency(allTop), Facets: latency(allFac),
	}
	w := io.Writer(os.Stdout)
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		defer f.Close()
		w = io.MultiWriter(os.Stdout, f)
	}
	rep.write(w)
	return nil
}

// checkFacets compares Bleve's source and month counts with Wiretrace's.
func checkFacets(wr *archive.Result, fr map[string]*search.FacetResult) string {
	var bad []string
	for _, f := range []struct {
		name string
		wt   []archive.FacetCount
	}{{"source", wr.Facets.Source}, {"month", wr.Facets.Month}} {
		want := map[string]int{}
		for _, c := range f.wt {
			want[c.Value] = c.Count
		}
		got := map[string]int{}
		if r := fr[f.name]; r != nil {
			if r.Terms != nil {
				for _, t := range r.Terms.Terms() {
					got[t.Term] = t.Count
				}
			}
			if r.Other > 0 {
				bad = append(bad, f.name+" truncated")
			}
		}
		diff := 0
		for k, v := range want {
			if got[k] != v {
				diff++
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				diff++
			}
		}
		if diff > 0 {
			bad = append(bad, fmt.Sprintf("%s %d/%d differ", f.name, diff, len(want)))
		}
	}
	if len(bad) == 0 {
		return "equal"
	}
	return strings.Join(bad, ", ")
}

// overlap says how many of Wiretrace's first-page ids Bleve's first page
// holds, and whether both pages are the same ids in the same order.
func overlap(wr *archive.Result, br *bleve.SearchResult) string {
	ids := map[string]bool{}
	for _, h := range wr.Hits {
		ids[fmt.Sprint(h.ID)] = true
	}
	n, same := 0, len(wr.Hits) == len(br.Hits)
	for j, h := range br.Hits {
		if ids[h.ID] {
			n++
		}
		if same && fmt.Sprint(wr.Hits[j].ID) != h.ID {
			same = false
		}
	}
	if same && n > 0 {
		return fmt.Sprintf("%d/%d, same order", n, len(wr.Hits))
	}
	return fmt.Sprintf("%d/%d", n, len(wr.Hits))
}

func sameFragments(a, b *bleve.SearchResult) string {
	if len(a.Hits) != len(b.Hits) {
		return fmt.Sprintf("%d vs %d hits", len(a.Hits), len(b.Hits))
	}
	diff := 0
	for j := range a.Hits {
		if a.Hits[j].ID != b.Hits[j].ID || fmt.Sprint(a.Hits[j].Fragments) != fmt.Sprint(b.Hits[j].Fragments) {
			diff++
		}
	}
	if diff > 0 {
		return fmt.Sprintf("%d/%d differ", diff, len(a.Hits))
	}
	return "same"
}

func firstFragment(br *bleve.SearchResult) string {
	if len(br.Hits) == 0 {
		return ""
	}
	for _, f := range br.Hits[0].Fragments["text"] {
		f = strings.Join(strings.Fields(f), " ")
		if r := []rune(f); len(r) > 90 {
			f = string(r[:90]) + "…"
		}
		return f
	}
	return "(no text fragment: title match)"
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func mb(b int64) float64 { return float64(b) / 1e6 }

func latency(v []float64) bench.Latency {
	if len(v) == 0 {
		return bench.Latency{}
	}
	s := slices.Clone(v)
	slices.Sort(s)
	q := func(p float64) float64 {
		i := int(math.Ceil(p*float64(len(s)))) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return bench.Latency{P50: q(0.50), P95: q(0.95), P99: q(0.99), Max: s[len(s)-1], N: len(s)}
}
