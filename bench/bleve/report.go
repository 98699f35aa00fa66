package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/wiretrace/wiretrace/bench"
)

// report is everything one run measured.
type report struct {
	Machine                 string
	DB                      string
	Articles                int
	Rounds                  int
	Build                   *BuildStats // nil when an existing index was reused
	ArchiveBytes            int64
	IndexBytes              int64
	OpenMs                  float64
	SearchRSS               int64 // peak RSS of the process during the timed mix (both engines)
	Queries                 []result
	WT, Inline, Top, Facets bench.Latency
}

func (r *report) write(w io.Writer) {
	fmt.Fprintf(w, "Machine: %s. Archive: `%s`, %d articles. %d timed rounds after one warm-up round; both engines timed in the same rounds, query by query.\n\n",
		r.Machine, r.DB, r.Articles, r.Rounds)
	if b := r.Build; b != nil {
		fmt.Fprintf(w, "Bleve index build: %.1f s for %d articles (%.0f/s; %.1f s of it reading rows from SQLite), then %.1f s for background merges to settle (%d segments); peak RSS %.0f MB.\n\n",
			b.Seconds, b.Docs, float64(b.Docs)/b.Seconds, b.ReadSeconds, b.SettleSecs, b.Segments, mb(b.PeakRSS))
	}
	fmt.Fprintf(w, "Size: Wiretrace archive %.0f MB (the whole SQLite file: rows, FTS5 index, other tables), Bleve index %.0f MB (%.2f× the archive: inverted index with term vectors, stored title, text and fields, doc values). Bleve open: %.1f ms. Peak RSS during the timed mix (both engines in one process): %.0f MB.\n\n",
		mb(r.ArchiveBytes), mb(r.IndexBytes), float64(r.IndexBytes)/float64(max(r.ArchiveBytes, 1)), r.OpenMs, mb(r.SearchRSS))
	fmt.Fprintln(w, "| | p50 | p95 | p99 | max |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
	for _, x := range []struct {
		name string
		l    bench.Latency
	}{{"Wiretrace Store.Search (page of 20 + snippets + all facets)", r.WT}, {"Bleve top 20, highlighted in the same request", r.Inline}, {"Bleve top 20, highlighted in a second request (two-phase)", r.Top}, {"Bleve top 20 two-phase + source/month facets", r.Facets}} {
		fmt.Fprintf(w, "| %s | %.1f | %.1f | %.1f | %.1f |\n", x.name, x.l.P50, x.l.P95, x.l.P99, x.l.Max)
	}
	fmt.Fprintf(w, "\nPer query (ms, p50 / p95):\n\n")
	fmt.Fprintln(w, "| class | query | Wiretrace matches | Bleve matches | Wiretrace | Bleve top-20 inline | Bleve top-20 two-phase | Bleve top-20+facets | Bleve+facets / Wiretrace (p50) | facets vs Wiretrace | page overlap |")
	fmt.Fprintln(w, "|---|---|---:|---:|---|---|---|---|---:|---|---:|")
	for _, q := range r.Queries {
		fmt.Fprintf(w, "| %s | `%s` | %d | %d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.2f× | %s | %s |\n",
			q.Class, strings.ReplaceAll(q.Name, "|", `\|`), q.WTTotal, q.BleveTotal,
			q.WT.P50, q.WT.P95, q.Inline.P50, q.Inline.P95, q.Top.P50, q.Top.P95, q.Facets.P50, q.Facets.P95,
			q.Facets.P50/max(q.WT.P50, 0.001), q.FacetCheck, q.PageOverlap)
	}
}
