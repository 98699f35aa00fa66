package agency_test

import (
	"context"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/provenance"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// reutersDispatch is a Reuters story as reuters.com publishes it.
const reutersDispatch = "The European Central Bank kept its key interest rate unchanged on Thursday but signalled that it " +
	"could cut borrowing costs as early as March if inflation keeps easing, sending the euro lower against the dollar.\n\n" +
	"ECB President Christine Lagarde told reporters in Frankfurt that policymakers had discussed a cut but agreed it was " +
	"premature, adding that wage growth in the euro zone remained too strong for comfort.\n\n" +
	"Economists polled before the meeting had expected no change, though markets have priced in four quarter-point cuts " +
	"over the coming year. The bank also confirmed it would stop reinvesting the proceeds of its pandemic bond purchases " +
	"by the end of next year.\n\n" +
	"Reporting by Francesco Canepa and Balazs Koranyi; Editing by Catherine Evans"

// TestOwnSiteIsOrigin: a story whose original is at reuters.com, copied by
// two outlets that credit Reuters, has the reuters.com article as its
// origin, whatever the dates say, and the copies as its children.
func TestOwnSiteIsOrigin(t *testing.T) {
	base := time.Date(2026, 12, 7, 13, 15, 0, 0, time.UTC)
	tests := []struct {
		name    string
		source  string // the reuters.com article's outlet, as the importer names it
		url     string
		stamped time.Time // its date
	}{
		{"host", "reuters.com", "https://www.reuters.com/markets/europe/ecb-holds-rates-2026-12-07/", base},
		{"www host", "www.reuters.com", "", base},
		{"url only", "", "https://www.reuters.com/markets/europe/ecb-holds-rates-2026-12-07/", base},
		// A date-only stamp after the copies' own: the site still says who wrote it.
		{"stamped later", "reuters.com", "", time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.source
			if src == "" {
				src = "Thomson Reuters" // a site name that is no outlet's host
			}
			orig := provenance.Doc{ID: 1, Source: src, Language: "en", Published: tt.stamped,
				Title: "ECB holds rates, signals March cut possible", Text: reutersDispatch}
			orig.Credits = agency.DetectAll(agency.Clues{Title: orig.Title, Text: orig.Text, Source: tt.source, URL: tt.url})
			if got := suppliers(orig.Credits); got != "Reuters" {
				t.Fatalf("the reuters.com article credits %q as supplier, want Reuters (%+v)", got, orig.Credits)
			}
			if tt.source == "" {
				// Provenance knows the outlet by its source alone: the
				// importer names a URL's outlet by its host.
				orig.Source = "reuters.com"
			}
			copy1 := provenance.Doc{ID: 2, Source: "Daily Mail", Language: "en", Published: base.Add(40 * time.Minute),
				Title: "ECB keeps rates on hold but hints at March cut",
				Text:  "FRANKFURT, Dec 7 (Reuters) - " + reutersDispatch[:len(reutersDispatch)-len("Reporting by Francesco Canepa and Balazs Koranyi; Editing by Catherine Evans")]}
			copy2 := provenance.Doc{ID: 3, Source: "Yahoo Finance", Language: "en", Published: base.Add(2 * time.Hour),
				Title: "ECB leaves rates unchanged",
				Text:  reutersDispatch + "\n\n(c) 2026 Reuters"}
			for _, d := range []*provenance.Doc{&copy1, &copy2} {
				d.Credits = agency.DetectAll(agency.Clues{Title: d.Title, Text: d.Text, Source: d.Source})
				if got := suppliers(d.Credits); got != "Reuters" {
					t.Fatalf("%s credits %q as supplier, want Reuters", d.Source, got)
				}
			}
			docs := []provenance.Doc{orig, copy1, copy2}
			idx := provenance.NewMemIndex()
			var links []wiretrace.Link
			for _, d := range docs {
				idx.Add(d)
				ls, err := (&provenance.Linker{Index: idx, Before: true}).Link(context.Background(), d)
				if err != nil {
					t.Fatal(err)
				}
				links = append(links, ls...)
			}
			if len(links) != 3 {
				t.Fatalf("got %d links, want 3 (every pair): %+v", len(links), links)
			}
			sts := provenance.Stories(docs, wiretrace.Ends(links))
			if len(sts) != 1 {
				t.Fatalf("got %d stories, want 1", len(sts))
			}
			st := sts[0]
			if st.OriginKind != wiretrace.OriginArticle || st.OriginArticle != 1 {
				t.Errorf("origin: got %s article %d, want the reuters.com article 1", st.OriginKind, st.OriginArticle)
			}
			for _, m := range st.Articles {
				switch {
				case m.Article == 1 && m.DerivedFrom != nil:
					t.Errorf("the reuters.com article derives from %+v, want nothing", *m.DerivedFrom)
				case m.Article != 1 && (m.DerivedFrom == nil || m.DerivedFrom.Article != 1):
					t.Errorf("copy %d derives from %+v, want the reuters.com article 1", m.Article, m.DerivedFrom)
				}
			}
		})
	}
}

// suppliers returns the supplier agency of credits, "" for none, "+" for
// several.
func suppliers(cs []wiretrace.Credit) string {
	out := ""
	for _, c := range cs {
		if c.Role == wiretrace.RoleSupplier {
			if out != "" {
				return "+"
			}
			out = c.Agency
		}
	}
	return out
}
