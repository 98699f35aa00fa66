package provenance

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
)

// parents formats a story's tree as "kind root | id<-parent ...", parent
// being an article id, an agency, "?" for an unknown source or "-" for
// the root.
func parents(st wiretrace.Story) string {
	var out []string
	for _, m := range st.Articles {
		p := "-"
		switch d := m.DerivedFrom; {
		case d == nil:
		case d.Agency != "":
			p = d.Agency
		case d.Article != 0:
			p = fmt.Sprint(d.Article)
		case d.Unknown:
			p = "?"
		}
		out = append(out, fmt.Sprintf("%d<-%s", m.Article, p))
	}
	sort.Strings(out)
	root := fmt.Sprint(st.OriginArticle)
	if st.OriginKind != wiretrace.OriginArticle {
		root = "-"
	}
	return st.OriginKind + " " + root + " | " + strings.Join(out, " ")
}

// linkEnds links docs as the Linker would: each pair (from, to) directed
// or not from the Verdict of their texts' metadata. The pairs say which
// articles share text.
func linkEnds(docs []Doc, pairs [][2]int64) []wiretrace.LinkEnd {
	byID := map[int64]Doc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	var out []wiretrace.LinkEnd
	for _, p := range pairs {
		a, b := byID[p[0]], byID[p[1]]
		v := DirectionOf(a, b, wiretrace.LinkReuse, 0.5, 0.5)
		l := wiretrace.Link{From: a.ID, To: b.ID, Kind: wiretrace.LinkReuse, Directed: v.Directed, DirectionEvidence: v.Kinds}
		if !v.AIsOrig {
			l.From, l.To = b.ID, a.ID
		}
		out = append(out, wiretrace.Ends([]wiretrace.Link{l})...)
	}
	return out
}

func TestStoryTree(t *testing.T) {
	day := time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC)
	sup := func(a ...string) []wiretrace.Credit {
		var cs []wiretrace.Credit
		for _, x := range a {
			cs = append(cs, wiretrace.Credit{Agency: x, Role: wiretrace.RoleSupplier})
		}
		return cs
	}
	tests := []struct {
		name  string
		docs  []Doc
		pairs [][2]int64
		ends  []wiretrace.LinkEnd // used instead of pairs when set
		want  string
	}{
		{"siblings of an agency's dispatch, dated the same day", []Doc{
			{ID: 1, Source: "DNA", Credits: sup("AFP"), Published: day},
			{ID: 2, Source: "The Times of Israel", Credits: sup("AFP"), Published: day.Add(7 * time.Hour)},
			{ID: 3, Source: "The Epoch Times", Language: "fr"},
		}, [][2]int64{{1, 2}, {1, 3}, {2, 3}}, nil, "agency - | 1<-AFP 2<-AFP 3<-AFP"},
		{"siblings days apart stay siblings", []Doc{
			{ID: 1, Source: "DNA", Credits: sup("AFP"), Published: day},
			{ID: 2, Source: "ToI", Credits: sup("AFP"), Published: day.Add(72 * time.Hour)},
		}, [][2]int64{{1, 2}}, nil, "agency - | 1<-AFP 2<-AFP"},
		{"the agency's own article with copies crediting it", []Doc{
			{ID: 1, Source: "Daily Mail", Credits: sup("Reuters"), Published: day.Add(-2 * time.Hour)},
			{ID: 2, Source: "reuters.com", Published: day.Add(5 * time.Hour)},
			{ID: 3, Source: "Yahoo News", Credits: sup("Reuters")},
			{ID: 4, Source: "Undeclared Blog"},
		}, [][2]int64{{1, 2}, {2, 3}, {3, 4}}, nil, "article 2 | 1<-2 2<-- 3<-2 4<-2"},
		{"a copy crediting another copy's outlet hangs under it", []Doc{
			{ID: 1, Source: "The Times of Israel", Credits: sup("AFP"), Text: "Text."},
			{ID: 2, Source: "Daily Sabah", Credits: sup("AFP"), Text: "Text.\n\nThis article first appeared in The Times of Israel."},
			{ID: 3, Source: "DNA", Credits: sup("AFP")},
		}, [][2]int64{{1, 2}, {1, 3}, {2, 3}}, nil, "agency - | 1<-AFP 2<-1 3<-AFP"},
		{"dates a day apart order copies of no agency", []Doc{
			{ID: 1, Source: "X", Published: day},
			{ID: 2, Source: "Y", Published: day.Add(24 * time.Hour)},
			{ID: 3, Source: "Z", Published: day.Add(48 * time.Hour)},
		}, [][2]int64{{1, 2}, {2, 3}}, nil, "article 1 | 1<-- 2<-1 3<-2"},
		{"same-day date-only stamps say nothing", []Doc{
			{ID: 1, Source: "X", Published: day},
			{ID: 2, Source: "Y", Published: day},
		}, [][2]int64{{1, 2}}, nil, "unknown - | 1<-? 2<-?"},
		{"no credits, no evidence: an unknown common source", []Doc{
			{ID: 1, Source: "X"}, {ID: 2, Source: "Y"}, {ID: 3, Source: "Z"},
		}, [][2]int64{{1, 2}, {2, 3}}, nil, "unknown - | 1<-? 2<-? 3<-?"},
		{"a cycle of directed links is broken", []Doc{
			{ID: 1, Source: "X"}, {ID: 2, Source: "Y"}, {ID: 3, Source: "Z"},
		}, nil, []wiretrace.LinkEnd{
			{From: 1, To: 2, Kind: wiretrace.LinkReuse, Directed: true, Strength: 1},
			{From: 2, To: 3, Kind: wiretrace.LinkReuse, Directed: true, Strength: 1},
			{From: 3, To: 1, Kind: wiretrace.LinkReuse, Directed: true, Strength: 1},
		}, "unknown - | 1<-? 2<-1 3<-2"},
		{"the strongest evidence wins a copy", []Doc{
			{ID: 1, Source: "X"}, {ID: 2, Source: "Y"}, {ID: 3, Source: "Z"},
		}, nil, []wiretrace.LinkEnd{
			{From: 1, To: 3, Kind: wiretrace.LinkReuse, Directed: true, Strength: 1},
			{From: 2, To: 3, Kind: wiretrace.LinkReuse, Directed: true, Strength: 3},
			{From: 1, To: 2, Kind: wiretrace.LinkReuse, Directed: true, Strength: 1},
		}, "article 1 | 1<-- 2<-1 3<-2"},
		{"a lone article is its own root", []Doc{{ID: 7, Source: "X"}}, nil, nil, "article 7 | 7<--"},
		{"a lone copy of an agency", []Doc{{ID: 7, Source: "Business Standard", Credits: sup("IANS")}}, nil, nil, "agency - | 7<-IANS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ends := tt.ends
			if ends == nil {
				ends = linkEnds(tt.docs, tt.pairs)
			}
			sts := Stories(tt.docs, ends)
			if len(sts) != 1 {
				t.Fatalf("%d stories, want 1: %+v", len(sts), sts)
			}
			if got := parents(sts[0]); got != tt.want {
				t.Errorf("got  %s\nwant %s\nlinks %+v", got, tt.want, ends)
			}
		})
	}
}

// TestSeedsAttribution: the seeds 000, 001 and 004 are three copies of
// one AFP dispatch that is not in the archive: no link among them is
// directed, and each derives from the agency.
func TestSeedsAttribution(t *testing.T) {
	docs := seedDocs(t)
	links := linkAll(t, docs)
	for _, l := range links {
		if l.Directed {
			t.Errorf("link %d -> %d is directed (%v: %s)", l.From, l.To, l.DirectionEvidence, l.DirectionReason)
		}
	}
	for _, st := range Stories(docs, wiretrace.Ends(links)) {
		if len(st.Articles) < 2 {
			continue
		}
		if got := parents(st); got != "agency - | 1<-AFP 2<-AFP 5<-AFP" || st.OriginAgency != "AFP" {
			t.Errorf("story %d: %s, origin %q", st.ID, got, st.OriginAgency)
		}
	}
}

// An outlet is an agency by its name or its own site, never by a
// lookalike domain.
func TestOutletAgency(t *testing.T) {
	for _, tc := range []struct{ source, want string }{
		{"Reuters", "Reuters"}, {"reuters.com", "Reuters"}, {"www.afp.com", "AFP"}, {"uk.reuters.com", "Reuters"},
		{"evil.afp.co", ""}, {"reuters.com.evil.example", ""}, {"notreuters.com", ""}, {"The Times of Israel", ""}, {"", ""},
	} {
		if got := outletAgency(tc.source); got != tc.want {
			t.Errorf("outletAgency(%q) = %q, want %q", tc.source, got, tc.want)
		}
	}
}
