package wiretrace

import (
	"fmt"
	"strings"
	"testing"
)

// view is a provenance by hand: Reuters's article 10 with two copies, 11
// (directed: it credits Reuters) and 12 (only shares text), 13 whose
// stated parent is itself, 14 derived from article 99 that is not in the
// story, and article 20 outside the story, linked to 10.
func view() *Provenance {
	root := &DerivedFrom{Article: 10}
	return &Provenance{
		Article: Article{ID: 10, Source: "Reuters"},
		Story: Story{ID: 10, OriginKind: OriginArticle, OriginArticle: 10, OriginAgency: "Reuters", Articles: []StoryMember{
			{Article: 10, Source: "Reuters"},
			{Article: 11, Source: "SMH", DerivedFrom: root},
			{Article: 12, Source: "Daily Mail", DerivedFrom: root},
			{Article: 13, Source: "Loop", DerivedFrom: &DerivedFrom{Article: 13}},
			{Article: 14, Source: "Stray", DerivedFrom: &DerivedFrom{Article: 99}},
			{Article: 15, Source: "AFP copy", DerivedFrom: &DerivedFrom{Agency: "AFP"}},
		}},
		Briefs: map[int64]Article{
			10: {ID: 10, Source: "Reuters"},
			11: {ID: 11, Source: "SMH", Credits: []Credit{{Agency: "Reuters", Role: RoleSupplier}}},
			12: {ID: 12, Source: "Daily Mail"},
			20: {ID: 20, Source: "Outside"},
		},
		Links: []Link{
			{From: 10, To: 11, Kind: LinkReuse, Reused: 0.8},
			{From: 10, To: 11, Kind: LinkTranslation, Reused: 0.8, Directed: true},
			{From: 10, To: 12, Kind: LinkReuse, Reused: 0.7},
			{From: 11, To: 12, Kind: LinkReuse, Reused: 0.9},
		},
		Outside: []Link{{From: 20, To: 10, Kind: LinkReuse, Reused: 0.8}},
	}
}

func TestProvenanceParent(t *testing.T) {
	p := view()
	for _, tc := range []struct {
		id, want int64
		why      string
	}{
		{10, 0, "the root"},
		{11, 10, "a copy of the root"},
		{12, 10, "a copy of the root"},
		{13, 0, "its own parent"},
		{14, 0, "a parent outside the story"},
		{15, 0, "a copy of an agency's dispatch"},
		{20, 0, "not a member"},
	} {
		if got := p.Parent(tc.id); got != tc.want {
			t.Errorf("Parent(%d), %s: got %d, want %d", tc.id, tc.why, got, tc.want)
		}
	}
	if m, ok := p.Member(15); !ok || m.DerivedFrom == nil || m.DerivedFrom.Agency != "AFP" {
		t.Errorf("Member(15): got %+v, %v", m, ok)
	}
	if _, ok := p.Member(20); ok {
		t.Error("Member(20): an outside article is a member")
	}
}

func TestProvenanceCredits(t *testing.T) {
	p := view()
	for _, tc := range []struct {
		id   int64
		want string // "nil" for unknown
	}{{11, "Reuters/supplier"}, {12, ""}, {20, ""}, {13, "nil"}, {99, "nil"}} {
		cs := p.Credits(tc.id)
		got := "nil"
		if cs != nil {
			var parts []string
			for _, c := range cs {
				parts = append(parts, c.Agency+"/"+c.Role)
			}
			got = strings.Join(parts, ",")
		}
		if got != tc.want {
			t.Errorf("Credits(%d): got %q, want %q", tc.id, got, tc.want)
		}
	}
}

func TestProvenanceLinksOf(t *testing.T) {
	p := view()
	str := func(ls []Link) string {
		var out []string
		for _, l := range ls {
			out = append(out, fmt.Sprintf("%d-%d %s", l.From, l.To, l.Kind))
		}
		return strings.Join(out, ", ")
	}
	for _, tc := range []struct {
		id   int64
		want string
	}{
		// By share reused, then From, To and Kind; outside links too.
		{10, "10-11 reuse, 10-11 translation, 20-10 reuse, 10-12 reuse"},
		{12, "11-12 reuse, 10-12 reuse"},
		{20, "20-10 reuse"},
		{15, ""},
	} {
		if got := str(p.LinksOf(tc.id)); got != tc.want {
			t.Errorf("LinksOf(%d): got [%s], want [%s]", tc.id, got, tc.want)
		}
	}
	for _, tc := range []struct {
		a, b    int64
		ok, dir bool
		kind    string
	}{
		{11, 10, true, true, LinkTranslation}, // the directed one of two
		{12, 11, true, false, LinkReuse},
		{10, 20, true, false, LinkReuse},
		{12, 20, false, false, ""},
	} {
		l, ok := p.Between(tc.a, tc.b)
		if ok != tc.ok || l.Directed != tc.dir || l.Kind != tc.kind {
			t.Errorf("Between(%d, %d): got %s directed %v (%v), want %s directed %v (%v)", tc.a, tc.b, l.Kind, l.Directed, ok, tc.kind, tc.dir, tc.ok)
		}
	}
}
