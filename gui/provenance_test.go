package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/linking"
)

// drawn returns the texts a chip draws, in order.
func drawn(c *chip) []string {
	var out []string
	for _, o := range test.LaidOutObjects(c) {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && t.Text != "" {
			out = append(out, t.Text)
		}
	}
	return out
}

// checkSeedTree checks the story of the AFP seeds as the graph draws it:
// one AFP root not in the archive, DNA, The Times of Israel and The Epoch
// Times each under it, no arrow head among them, outlet names whole.
func checkSeedTree(t *testing.T, g *storyGraph, ids map[string]int64) {
	t.Helper()
	root := g.nodes["agency:AFP"]
	if root == nil || len(g.roots) != 1 || g.roots[0] != root.key {
		t.Fatalf("roots: got %v, want one AFP node", g.roots)
	}
	if txt := root.chip.Text(); !strings.HasPrefix(txt, "AFP dispatch") || !strings.Contains(txt, "not in the archive") {
		t.Errorf("AFP root says %q", txt)
	}
	copies := map[string]bool{}
	for src, id := range ids {
		n := g.node(id)
		if n == nil {
			t.Fatalf("no node for %s (#%d)", src, id)
		}
		if p := g.parentOf(id); p != root.key {
			t.Errorf("%s hangs under %q, want the AFP root", src, p)
		}
		copies[articleKey(id)] = true
		// The outlet's name is drawn whole (maybe on two rows), not cut.
		rows := drawn(n)
		title := ""
		for _, r := range rows {
			if strings.HasPrefix(src, strings.TrimSpace(title+" "+r)) {
				title = strings.TrimSpace(title + " " + r)
			}
		}
		if title != src {
			t.Errorf("node of %s draws %q", src, rows)
		}
		for _, r := range rows {
			if strings.Contains(r, "…") && strings.Contains(src, strings.TrimSuffix(r, "…")) {
				t.Errorf("node of %s truncated: %q", src, rows)
			}
		}
	}
	if len(root.children) != len(ids) {
		t.Errorf("AFP root has %d children, want %d", len(root.children), len(ids))
	}
	heads, lines := 0, 0
	for _, e := range g.edges {
		if copies[e.from] && copies[e.to] {
			lines++
			if e.hasHead() || e.directed {
				heads++
				t.Errorf("arrow head on %s → %s", e.from, e.to)
			}
		}
	}
	if heads != 0 || lines == 0 {
		t.Errorf("among the copies: %d arrow heads, %d lines; want 0 heads and some lines", heads, lines)
	}
	if n := g.arrows(); n != 0 {
		t.Errorf("graph draws %d arrows, want 0", n)
	}
}

func TestSeedStoryIsATreeUnderAFP(t *testing.T) {
	h := newHarness(t)
	h.w.Resize(fyne.NewSize(1024, 640))
	h.b.list.Select(h.b.index(1)) // seed 000, DNA
	h.wait("open")
	h.b.ShowProvenance()
	p := h.b.prov
	g := p.graph
	checkSeedTree(t, g, map[string]int64{"DNA": 1, "The Times of Israel": 2, "The Epoch Times": 5})
	for _, s := range []string{"Lines join articles that share text", "arrows only where there is evidence of copying"} {
		if !strings.Contains(p.legend.Text, s) || !p.legend.Visible() {
			t.Errorf("legend %q lacks %q", p.legend.Text, s)
		}
	}
	if strings.Contains(p.header.Text+p.legend.Text, "Arrows point from the original") {
		t.Errorf("header still says every arrow points from the original: %q", p.header.Text)
	}
	for _, s := range []string{"share text", "translations", "AP photos", "credits AFP"} {
		if !shows(g, s) {
			t.Errorf("graph does not show %q; shows %q", s, texts(g))
		}
	}
	if txt := g.node(5).Text(); !strings.Contains(txt, "credits nobody: undeclared") || !strings.Contains(txt, "translation") {
		t.Errorf("The Epoch Times node says %q", txt)
	}
	var lines []string
	for _, l := range p.list {
		lines = append(lines, p.linkLine(l))
	}
	all := strings.Join(lines, "\n")
	if !strings.Contains(all, "The Times of Israel (en) and DNA (en) share text") ||
		!strings.Contains(all, "DNA (en) and The Epoch Times (fr) are translations of each other") {
		t.Errorf("link lines: %q", lines)
	}
	if strings.Contains(all, "sure") || strings.Contains(all, "→") {
		t.Errorf("undirected links described with a direction: %q", lines)
	}
	// Tapping the translation's label shows its evidence, without
	// calling either side the original.
	var tr *edge
	for _, e := range g.edges {
		if e.label != nil && e.translation {
			tr = e
		}
	}
	if tr == nil {
		t.Fatal("no translation edge")
	}
	test.Tap(tr.label)
	ev := strings.Join(texts(p.evidence), "\n")
	if !strings.Contains(ev, "The Epoch Times (fr)") || !strings.Contains(ev, "DNA (en)") || strings.Contains(ev, "Original:") ||
		strings.Contains(ev, "Copy:") || strings.Contains(ev, "sure") || !strings.Contains(ev, "no evidence of who copied whom") {
		t.Errorf("evidence of the translation: %q", ev)
	}
	// Clicking a related article opens it.
	test.Tap(g.node(5))
	h.wait("open")
	if a := h.b.reader.Article(); a == nil || a.ID != 5 {
		t.Fatalf("after tapping The Epoch Times: reader shows %v", a)
	}
	if n := h.b.prov.graph.node(5); n == nil || !n.current {
		t.Error("opened article is not marked current in the graph")
	}
}

// TestDirectedLinkDrawsOneArrow: an agency's own article with a copy
// that credits it (directed) and a sibling that only shares text.
func TestDirectedLinkDrawsOneArrow(t *testing.T) {
	test.NewTempApp(t)
	p := NewProvenance(nil)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(700, 600))
	root := func() *wiretrace.DerivedFrom { return &wiretrace.DerivedFrom{Article: 10} }
	st := &wiretrace.Story{ID: 7, OriginKind: wiretrace.OriginArticle, OriginArticle: 10, OriginAgency: "Reuters", Articles: []wiretrace.StoryMember{
		{Article: 10, Source: "Reuters", Language: "en"},
		{Article: 11, Source: "The Sydney Morning Herald", Language: "en", DerivedFrom: root()},
		{Article: 12, Source: "Daily Mail", Language: "en", DerivedFrom: root()},
	}}
	links := []wiretrace.Link{
		{From: 10, To: 11, Kind: wiretrace.LinkReuse, Directed: true, DirectionEvidence: []string{wiretrace.EvidenceCredit},
			DirectionConfidence: 0.95, DirectionReason: "the copy credits Reuters", Reused: 0.8, ReusedOfCopy: 0.9},
		{From: 10, To: 12, Kind: wiretrace.LinkReuse, Reused: 0.7, ReusedOfCopy: 0.9, DirectionConfidence: 0.5},
		{From: 11, To: 12, Kind: wiretrace.LinkReuse, Reused: 0.6, ReusedOfCopy: 0.6, DirectionConfidence: 0.5},
	}
	credits := map[int64][]wiretrace.Credit{
		10: {},
		11: {{Agency: "Reuters", Role: wiretrace.RoleSupplier}},
		12: {{Agency: "Xinhua", Role: wiretrace.RoleCited}},
	}
	p.Display(provenanceOf(11, st, links, credits))
	g := p.graph
	if n := g.arrows(); n != 1 {
		t.Fatalf("arrows: got %d, want 1", n)
	}
	heads := 0
	for _, e := range g.edges {
		if e.hasHead() {
			heads++
			if e.from != articleKey(10) || e.to != articleKey(11) || !strings.HasPrefix(e.label.Text(), "copied 80%") {
				t.Errorf("arrow %s → %s labelled %q, want Reuters → SMH, copied 80%%", e.from, e.to, e.label.Text())
			}
		}
	}
	if heads != 1 {
		t.Errorf("edges with heads: %d, want 1", heads)
	}
	if len(g.roots) != 1 || g.roots[0] != articleKey(10) || g.parentOf(11) != articleKey(10) || g.parentOf(12) != articleKey(10) {
		t.Errorf("tree: roots %v, parents %q %q", g.roots, g.parentOf(11), g.parentOf(12))
	}
	if !strings.Contains(p.linkLine(links[0]), "Reuters (en) → The Sydney Morning Herald (en) · copied") ||
		!strings.Contains(p.linkLine(links[0]), "evidence: credit") {
		t.Errorf("directed link line: %q", p.linkLine(links[0]))
	}
	if s := p.linkLine(links[2]); !strings.Contains(s, "share text") || strings.Contains(s, "→") {
		t.Errorf("undirected link line: %q", s)
	}
	// Xinhua, only cited by the Daily Mail, hangs off it by a dashed line.
	cites := 0
	for _, e := range g.edges {
		if e.kind == edgeCites && e.from == articleKey(12) && e.to == "cited:Xinhua" {
			cites++
			if e.directed || e.segs[0].Visible() {
				t.Error("cites edge drawn as a solid line or an arrow")
			}
		}
	}
	if cites != 1 || !shows(g, "cites") || !strings.Contains(p.header.Text, "Story of Reuters's article") {
		t.Errorf("cites edges: %d; header %q", cites, p.header.Text)
	}
}

// TestRealSeedsTree links the seeds in a real archive, as wiretrace demo
// does, and checks the tree the panel draws for DNA's article.
func TestRealSeedsTree(t *testing.T) {
	if testing.Short() {
		t.Skip("links a real archive")
	}
	ctx := context.Background()
	s, err := archive.Open(filepath.Join(t.TempDir(), "seeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	opts := importer.Options{AfterBatch: func(ctx context.Context, ids []int64) error { return linking.New(s, linking.Options{}).Link(ctx, ids) }}
	if _, err := importer.Run(ctx, s, []string{"../testdata/seeds"}, opts); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t)
	h.w.Resize(fyne.NewSize(1024, 640))
	h.b.SetArchive(s)
	h.wait("search")
	ids := map[string]int64{}
	for _, hit := range h.b.hits {
		ids[hit.Source] = hit.ID
	}
	h.b.Open(ids["DNA"], false)
	h.wait("open")
	h.b.ShowProvenance()
	checkSeedTree(t, h.b.prov.graph, map[string]int64{"DNA": ids["DNA"], "The Times of Israel": ids["The Times of Israel"], "The Epoch Times": ids["The Epoch Times"]})
	if !shows(h.b.prov.graph, "AP photos") {
		t.Errorf("no AP photos badge: %q", texts(h.b.prov.graph))
	}
}
