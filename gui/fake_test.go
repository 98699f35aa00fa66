package gui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// fakeArchive is an in-memory Archive over the five seed articles. Its
// search is naive (every query word must occur, accent-folded) but honours
// the filters and computes facets over the whole match set, like the store.
type fakeArchive struct {
	mu       sync.Mutex
	articles []*wiretrace.Article
	links    []wiretrace.Link
	stories  []*wiretrace.Story
	searches int
	// SearchFn, when set, replaces Search (to inject errors or delays).
	SearchFn func(ctx context.Context, q archive.Query) (*archive.Result, error)
	// provErr, when set, is what Provenance returns (under mu).
	provErr error
}

var _ Archive = (*fakeArchive)(nil)

// seedMeta is what the manifest says about each seed file.
var seedMeta = []struct {
	source, lang, date string
	credits            []wiretrace.Credit
}{
	{"DNA", "en", "", []wiretrace.Credit{{Agency: "AFP", Role: wiretrace.RoleSupplier}}},
	{"The Times of Israel", "en", "", []wiretrace.Credit{{Agency: "AFP", Role: wiretrace.RoleSupplier}, {Agency: "AP", Role: wiretrace.RolePhoto}}},
	{"Business Standard", "en", "2022-01-09", []wiretrace.Credit{{Agency: "IANS", Role: wiretrace.RoleSupplier}, {Agency: "Xinhua", Role: wiretrace.RoleCited}}},
	{"Pakistan Point News", "en", "2022-01-12", []wiretrace.Credit{{Agency: "Sputnik", Role: wiretrace.RoleSupplier}}},
	{"The Epoch Times", "fr", "", nil}, // it credits no agency
}

// newFake reads the seeds from ../testdata/seeds. Article ids are 1..5 in
// file order (seed 000 is id 1).
func newFake(tb testing.TB) *fakeArchive {
	tb.Helper()
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) != 5 {
		tb.Fatalf("seeds: got %d files (%v), want 5", len(files), err)
	}
	sort.Strings(files)
	f := &fakeArchive{}
	for i, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		text := strings.TrimSpace(string(data))
		title, _, _ := strings.Cut(text, "\n")
		m := seedMeta[i]
		a := &wiretrace.Article{
			ID: int64(i + 1), Source: m.source, Language: m.lang, Credits: m.credits,
			Title: strings.TrimSpace(title), Text: text, Origin: filepath.Base(name),
			URL: fmt.Sprintf("https://example.org/seed/%d", i),
		}
		if m.date != "" {
			a.Published, _ = time.Parse(time.DateOnly, m.date)
		}
		f.articles = append(f.articles, a)
	}
	para := func(id int64, n int) string {
		ps := strings.Split(f.articles[id-1].Text, "\n")
		var out []string
		for _, p := range ps {
			if strings.TrimSpace(p) != "" {
				out = append(out, p)
			}
		}
		return out[min(n, len(out)-1)]
	}
	// What the archive stores for the seeds since links are directed only
	// on evidence: DNA, The Times of Israel and The Epoch Times each derive
	// from an AFP dispatch that is not in the archive; none copied another.
	f.links = []wiretrace.Link{
		{From: 2, To: 1, Kind: wiretrace.LinkReuse, Reused: 0.38, ReusedOfCopy: 0.93, DirectionConfidence: 0.5,
			DirectionReason:   "no evidence of who copied whom: both share text (both credit AFP)",
			DirectionEvidence: []string{},
			Evidence:          []wiretrace.Passage{{FromText: para(2, 5), ToText: para(1, 1)}},
			Changes:           wiretrace.Changes{NewHeadline: true, Cut: []string{"a", "b"}, Credited: true}},
		{From: 1, To: 5, Kind: wiretrace.LinkTranslation, Reused: 0.72, ReusedOfCopy: 0.53, DirectionConfidence: 0.5,
			DirectionReason:   "no evidence of who copied whom: translations of each other",
			DirectionEvidence: []string{},
			Evidence:          []wiretrace.Passage{{FromText: para(1, 1), ToText: para(5, 0)}},
			Changes:           wiretrace.Changes{NewHeadline: true}},
	}
	afp := func() *wiretrace.DerivedFrom { return &wiretrace.DerivedFrom{Agency: "AFP"} }
	f.stories = []*wiretrace.Story{{ID: 1, OriginAgency: "AFP", OriginArticle: 1, OriginKind: wiretrace.OriginAgency, Articles: []wiretrace.StoryMember{
		{Article: 1, Source: "DNA", Language: "en", Title: f.articles[0].Title, DerivedFrom: afp()},
		{Article: 2, Source: "The Times of Israel", Language: "en", Title: f.articles[1].Title, DerivedFrom: afp()},
		{Article: 5, Source: "The Epoch Times", Language: "fr", Title: f.articles[4].Title, DerivedFrom: afp()},
	}}}
	return f
}

// setSearch replaces Search with fn (nil restores the fake's own).
func (f *fakeArchive) setSearch(fn func(ctx context.Context, q archive.Query) (*archive.Result, error)) {
	f.mu.Lock()
	f.SearchFn = fn
	f.mu.Unlock()
}

func (f *fakeArchive) Article(_ context.Context, id int64) (*wiretrace.Article, error) {
	for _, a := range f.articles {
		if a.ID == id {
			c := *a
			return &c, nil
		}
	}
	return nil, fmt.Errorf("fake: article %d: %w", id, ErrNotFound)
}

// Provenance assembles what the store's Provenance reads: the article's
// story (a story of its own, under its supplier agency when it credits
// one, when it is in none), its members' briefs, the links among them and
// the article's links to articles outside it.
func (f *fakeArchive) Provenance(ctx context.Context, id int64) (*wiretrace.Provenance, error) {
	f.mu.Lock()
	perr := f.provErr
	f.mu.Unlock()
	if perr != nil {
		return nil, perr
	}
	a, err := f.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	brief := func(a *wiretrace.Article) wiretrace.Article {
		b := *a
		b.Text = ""
		return b
	}
	pv := &wiretrace.Provenance{Article: brief(a), Briefs: map[int64]wiretrace.Article{}}
	found := false
	for _, st := range f.stories {
		if slices.ContainsFunc(st.Articles, func(m wiretrace.StoryMember) bool { return m.Article == id }) {
			pv.Story, found = *st, true
		}
	}
	if !found {
		m := wiretrace.StoryMember{Article: id, Source: a.Source, Title: a.Title, Language: a.Language, Published: a.Published,
			DatePrecision: wiretrace.DatePrecision(a.Published)}
		pv.Story = wiretrace.Story{ID: id, OriginArticle: id, OriginKind: wiretrace.OriginArticle}
		if ag := a.Agencies(wiretrace.RoleSupplier); len(ag) > 0 {
			pv.Story.OriginAgency, pv.Story.OriginKind = ag[0], wiretrace.OriginAgency
			m.DerivedFrom = &wiretrace.DerivedFrom{Agency: ag[0]}
		}
		pv.Story.Articles = []wiretrace.StoryMember{m}
	}
	in := map[int64]bool{}
	for _, m := range pv.Story.Articles {
		in[m.Article] = true
		if b, err := f.Article(ctx, m.Article); err == nil {
			pv.Briefs[m.Article] = brief(b)
		}
	}
	for _, l := range f.links {
		switch {
		case in[l.From] && in[l.To]:
			pv.Links = append(pv.Links, l)
		case l.From == id || l.To == id:
			pv.Outside = append(pv.Outside, l)
			for _, e := range []int64{l.From, l.To} {
				if b, err := f.Article(ctx, e); err == nil {
					pv.Briefs[e] = brief(b)
				}
			}
		}
	}
	return pv, nil
}

func (f *fakeArchive) Search(ctx context.Context, q archive.Query) (*archive.Result, error) {
	f.mu.Lock()
	f.searches++
	fn := f.SearchFn
	f.mu.Unlock()
	if fn != nil {
		return fn(ctx, q)
	}
	return f.search(ctx, q)
}

func (f *fakeArchive) search(ctx context.Context, q archive.Query) (*archive.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &archive.Result{}
	terms := queryTerms(q.Text)
	if strings.Count(q.Text, `"`)%2 == 1 || strings.Contains(q.Text, "((") {
		res.Notice = "The query is not valid syntax; it was searched as plain words."
	}
	counts := map[string]map[string]int{"source": {}, "day": {}, "month": {}, "language": {}, "agency": {}}
	for _, a := range f.articles {
		if !all(a.Title+" "+a.Text, terms) {
			continue
		}
		if len(q.Sources) > 0 && !slices.Contains(q.Sources, a.Source) ||
			len(q.Languages) > 0 && !slices.Contains(q.Languages, a.Language) ||
			len(q.Agencies) > 0 && !slices.ContainsFunc(a.Agencies(), func(s string) bool { return slices.Contains(q.Agencies, s) }) {
			continue
		}
		if !q.From.IsZero() || !q.To.IsZero() {
			if a.Published.IsZero() || !q.From.IsZero() && a.Published.Before(q.From) || !q.To.IsZero() && a.Published.After(q.To) {
				continue
			}
		}
		res.Total++
		counts["source"][a.Source]++
		counts["language"][a.Language]++
		for _, ag := range a.Agencies() {
			counts["agency"][ag]++
		}
		if a.Published.IsZero() {
			res.Facets.Undated++
		} else {
			counts["day"][a.Published.Format(time.DateOnly)]++
			counts["month"][a.Published.Format("2006-01")]++
		}
		snippet := ""
		for _, sp := range highlight(a.Text[:min(len(a.Text), 300)], terms) {
			if sp.marked {
				snippet += archive.MarkStart + sp.text + archive.MarkEnd
			} else {
				snippet += sp.text
			}
		}
		res.Hits = append(res.Hits, archive.Hit{ID: a.ID, Title: a.Title, Source: a.Source, Origin: a.Origin,
			Published: a.Published, Language: a.Language, Credits: a.Agencies(), Snippet: snippet, Score: 1})
	}
	switch q.Sort {
	case archive.SortNewest:
		slices.SortStableFunc(res.Hits, func(a, b archive.Hit) int { return b.Published.Compare(a.Published) })
	case archive.SortOldest:
		slices.SortStableFunc(res.Hits, func(a, b archive.Hit) int { return a.Published.Compare(b.Published) })
	}
	limit := q.Limit
	if limit == 0 {
		limit = 20
	}
	res.Hits = res.Hits[min(q.Offset, len(res.Hits)):min(q.Offset+limit, len(res.Hits))]
	fc := func(m map[string]int, byValue bool) []archive.FacetCount {
		var out []archive.FacetCount
		for v, n := range m {
			out = append(out, archive.FacetCount{Value: v, Count: n})
		}
		slices.SortFunc(out, func(a, b archive.FacetCount) int {
			if !byValue && a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		return out
	}
	res.Facets.Source = fc(counts["source"], false)
	res.Facets.Language = fc(counts["language"], false)
	res.Facets.Agency = fc(counts["agency"], false)
	res.Facets.Day = fc(counts["day"], true)
	res.Facets.Month = fc(counts["month"], true)
	return res, nil
}

// all reports whether every term occurs in text.
func all(text string, terms []term) bool {
	if len(terms) == 0 {
		return true
	}
	found := map[term]bool{}
	for _, w := range words(text) {
		for _, t := range terms {
			if matches(w.text, []term{t}) {
				found[t] = true
			}
		}
	}
	return len(found) == len(terms)
}

var errBoom = errors.New("fake: database is locked")
