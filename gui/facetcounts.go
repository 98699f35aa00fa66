package gui

import (
	"context"
	"time"

	"github.com/wiretrace/wiretrace/archive"
)

// facetCounts are the counts of the facets the user ticked values of; nil
// for a facet that was not ticked or whose query failed.
type facetCounts struct {
	source, language, agency []archive.FacetCount
	// The dates of the matches without the date range, when one is set:
	// the histogram draws the range over them.
	day, month []archive.FacetCount
	undated    int
}

// patch replaces the counts of f with those of c.
func (c facetCounts) patch(f *archive.Facets) {
	if c.source != nil {
		f.Source = c.source
	}
	if c.language != nil {
		f.Language = c.language
	}
	if c.agency != nil {
		f.Agency = c.agency
	}
	if c.day != nil {
		f.Day, f.Month, f.Undated = c.day, c.month, c.undated
	}
}

// tickedFacets runs, for each facet the user has ticked values of, the
// query without that facet's filter, so that a ticked facet still lists
// its other values with their counts (the other filters applied); and,
// for a date range, the query without it, for the histogram's context.
func tickedFacets(ctx context.Context, arch Archive, q archive.Query) facetCounts {
	var c facetCounts
	run := func(clear func(*archive.Query)) *archive.Result {
		qq := q
		clear(&qq)
		qq.Limit, qq.Offset = 1, 0
		r, err := safeSearch(ctx, arch, qq)
		if err != nil {
			return nil
		}
		return r
	}
	if len(q.Sources) > 0 {
		if r := run(func(q *archive.Query) { q.Sources = nil }); r != nil {
			c.source = nonNil(r.Facets.Source)
		}
	}
	if len(q.Languages) > 0 {
		if r := run(func(q *archive.Query) { q.Languages = nil }); r != nil {
			c.language = nonNil(r.Facets.Language)
		}
	}
	if len(q.Agencies) > 0 {
		if r := run(func(q *archive.Query) { q.Agencies = nil }); r != nil {
			c.agency = nonNil(r.Facets.Agency)
		}
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		if r := run(func(q *archive.Query) { q.From, q.To = time.Time{}, time.Time{} }); r != nil {
			c.day, c.month, c.undated = nonNil(r.Facets.Day), nonNil(r.Facets.Month), r.Facets.Undated
		}
	}
	return c
}

func nonNil(f []archive.FacetCount) []archive.FacetCount {
	if f == nil {
		return []archive.FacetCount{}
	}
	return f
}
