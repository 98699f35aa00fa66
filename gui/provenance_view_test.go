package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/wiretrace/wiretrace"
)

// provenanceOf is the provenance of article current in story st with
// links, the members' briefs holding their outlet, language and credits
// (an article absent from credits has unknown credits).
func provenanceOf(current int64, st *wiretrace.Story, links []wiretrace.Link, credits map[int64][]wiretrace.Credit) *wiretrace.Provenance {
	pv := &wiretrace.Provenance{Story: *st, Briefs: map[int64]wiretrace.Article{}, Links: links}
	for _, m := range st.Articles {
		b := wiretrace.Article{ID: m.Article, Source: m.Source, Title: m.Title, Language: m.Language, Published: m.Published}
		if cs, ok := credits[m.Article]; ok {
			b.Credits = cs
			pv.Briefs[m.Article] = b
		}
		if m.Article == current {
			pv.Article = b
		}
	}
	return pv
}

// agencyStory is a fake Provenance of Le Monde's copy (21) of AFP's own
// French article (20): Le Monde credits AFP (a directed link), DNA (22)
// translated Le Monde's copy without credit, and AFP's article is also
// linked to an article outside the story (30, Outside Outlet).
func agencyStory() *wiretrace.Provenance {
	from := func(id int64) *wiretrace.DerivedFrom { return &wiretrace.DerivedFrom{Article: id} }
	st := &wiretrace.Story{ID: 20, OriginKind: wiretrace.OriginArticle, OriginArticle: 20, OriginAgency: "AFP", Articles: []wiretrace.StoryMember{
		{Article: 20, Source: "AFP", Language: "fr", Title: "Dépêche"},
		{Article: 21, Source: "Le Monde", Language: "fr", Title: "Copie", DerivedFrom: from(20)},
		{Article: 22, Source: "DNA", Language: "en", Title: "Translation", DerivedFrom: from(21)},
	}}
	links := []wiretrace.Link{
		{From: 20, To: 21, Kind: wiretrace.LinkReuse, Directed: true, DirectionEvidence: []string{wiretrace.EvidenceCredit},
			DirectionReason: "the copy credits AFP", Reused: 0.9, ReusedOfCopy: 0.95, Changes: wiretrace.Changes{Credited: true}},
		{From: 21, To: 22, Kind: wiretrace.LinkTranslation, Reused: 0.7, ReusedOfCopy: 0.8,
			DirectionReason: "no evidence of who copied whom: translations of each other"},
	}
	pv := provenanceOf(21, st, links, map[int64][]wiretrace.Credit{
		20: {},
		21: {{Agency: "AFP", Role: wiretrace.RoleSupplier}},
		22: {},
	})
	pv.Outside = []wiretrace.Link{{From: 20, To: 30, Kind: wiretrace.LinkReuse, Reused: 0.4, ReusedOfCopy: 0.5}}
	pv.Briefs[30] = wiretrace.Article{ID: 30, Source: "Outside Outlet", Language: "en"}
	return pv
}

// TestPanelRendersProvenance: the panel draws a fake Provenance as its
// tree (each article under the one it derives from), one arrow for the
// one directed link, the current article's links listed first, and the
// outside link named from its brief, without a node in the graph.
func TestPanelRendersProvenance(t *testing.T) {
	test.NewTempApp(t)
	p := NewProvenance(nil)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(800, 700))
	p.Display(agencyStory())
	g := p.graph
	if len(g.roots) != 1 || g.roots[0] != articleKey(20) || g.parentOf(21) != articleKey(20) || g.parentOf(22) != articleKey(21) {
		t.Errorf("tree: roots %v, parent of 21 %q, of 22 %q; want 20 <- 21 <- 22", g.roots, g.parentOf(21), g.parentOf(22))
	}
	if n := g.arrows(); n != 1 {
		t.Errorf("arrows: got %d, want 1 (AFP → Le Monde)", n)
	}
	if g.node(30) != nil {
		t.Error("the outside article has a node in the story's graph")
	}
	if txt := g.node(21).Text(); !strings.Contains(txt, "credits AFP") || !g.node(21).current {
		t.Errorf("Le Monde's node says %q (current %v), want credits AFP and current", txt, g.node(21).current)
	}
	if txt := g.node(22).Text(); !strings.Contains(txt, "translation") || !strings.Contains(txt, "credits nobody: undeclared") {
		t.Errorf("DNA's node says %q, want an undeclared translation", txt)
	}
	if !strings.Contains(p.header.Text, "Story of AFP's article, supplied by AFP: 3 articles, 3 links.") {
		t.Errorf("header: %q", p.header.Text)
	}
	var lines []string
	for _, l := range p.list {
		lines = append(lines, p.linkLine(l))
	}
	want := []string{
		"AFP (fr) → Le Monde (fr) · copied · 90% of the original reused · evidence: credit",
		"Le Monde (fr) and DNA (en) are translations of each other · 70% of Le Monde (fr), 80% of DNA (en)",
		"AFP (fr) and Outside Outlet (en) share text · 40% of AFP (fr), 50% of Outside Outlet (en)",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("link list:\ngot  %q\nwant %q", lines, want)
	}
	// The list draws what it holds.
	if !shows(p.links, "Outside Outlet (en)") {
		t.Errorf("the outside link is not drawn in the list: %q", texts(p.links))
	}
	test.Tap(g.edges[0].label)
	if ev := strings.Join(texts(p.evidence), "\n"); !strings.Contains(ev, "Original: AFP (fr)") || !strings.Contains(ev, "Why this direction: the copy credits AFP") {
		t.Errorf("evidence of the directed link: %q", ev)
	}
	p.Display(nil)
	if len(p.list) != 0 || len(g.nodes) != 0 || !strings.HasPrefix(p.header.Text, "Select an article") {
		t.Errorf("after Display(nil): %d links, %d nodes, header %q", len(p.list), len(g.nodes), p.header.Text)
	}
}

// TestPanelOneArticle: an article that shares nothing is a story of its
// own; the panel says so and names the supplier it credits.
func TestPanelOneArticle(t *testing.T) {
	h := newHarness(t)
	h.b.list.Select(h.b.index(3)) // Business Standard, IANS
	h.wait("open")
	p := h.b.prov
	if !strings.Contains(p.header.Text, "No provenance found") || !strings.Contains(p.header.Text, "It credits IANS as its supplier.") || p.legend.Visible() {
		t.Errorf("header %q (legend shown %v)", p.header.Text, p.legend.Visible())
	}
	if len(p.list) != 0 || p.graph.node(3) == nil || p.graph.parentOf(3) != "agency:IANS" {
		t.Errorf("%d links; node of 3 %v under %q, want none and a node under IANS", len(p.list), p.graph.node(3), p.graph.parentOf(3))
	}
}

// TestPanelProvenanceError: when the provenance cannot be read the
// article still shows, and the panel says why.
func TestPanelProvenanceError(t *testing.T) {
	h := newHarness(t)
	h.f.mu.Lock()
	h.f.provErr = errBoom
	h.f.mu.Unlock()
	h.b.list.Select(h.b.index(1))
	h.wait("open")
	if a := h.b.reader.Article(); a == nil || a.ID != 1 {
		t.Fatalf("reader shows %v, want article 1", a)
	}
	p := h.b.prov
	if !strings.Contains(p.header.Text, "Cannot read where this article came from: fake: database is locked") || len(p.list) != 0 {
		t.Errorf("header %q, %d links", p.header.Text, len(p.list))
	}
}
