package gui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
	"github.com/wiretrace/wiretrace"
)

// storyGraph draws a story as the model states it: a tree under its
// origin (an article of the archive, or an agency's dispatch or an unknown
// source that is not in it), each article under what it derives from.
// Links are lines: with an arrow head only when the link is directed
// (there is evidence of who copied whom), else a plain line ("share
// text"). Agencies an article only cites hang off it by dashed lines;
// photo credits are a badge on the article.
type storyGraph struct {
	widget.BaseWidget
	p *Provenance

	nodes map[string]*gnode
	order []string // node keys in drawing order
	roots []string // tree roots, left to right
	cited []string // cited-agency nodes, drawn beside the roots
	edges []*edge
}

// gnode is a node of the story graph.
type gnode struct {
	key      string // articleKey(id), "agency:AFP", "unknown", "cited:Xinhua"
	id       int64  // the article, 0 for the others
	chip     *chip
	parent   string // key of the parent in the tree, "" for a root
	children []string
	depth    int
	slot     float32 // horizontal position in node slots, set by layout
}

// edgeKind is what an edge of the graph draws.
type edgeKind int

const (
	edgeTree  edgeKind = iota // parent to child without a link between them
	edgeLink                  // a link: head only when directed
	edgeCites                 // article to an agency it cites, dashed
)

// edge is one drawn line of the graph: up to three segments, an arrow
// head (hidden unless directed), dashes for cites, and a label.
type edge struct {
	kind        edgeKind
	from, to    string // node keys; for a directed link, original and copy
	link        int    // index into Provenance.list, -1 for none
	directed    bool
	translation bool
	tree        bool // drawn as the tree's connector from parent to child
	segs        [3]*canvas.Line
	head        [2]*canvas.Line
	dashes      []*canvas.Line
	label       *chip
}

// hasHead reports whether the edge is drawn with an arrow head.
func (e *edge) hasHead() bool { return e.head[0].Visible() && e.directed }

// maxDashes bounds the dashes of one cites edge; longer lines get longer
// dashes.
const maxDashes = 40

func articleKey(id int64) string { return fmt.Sprintf("a:%d", id) }

func newStoryGraph(p *Provenance) *storyGraph {
	g := &storyGraph{p: p, nodes: map[string]*gnode{}}
	g.ExtendBaseWidget(g)
	return g
}

// node returns the chip drawn for article id, or nil.
func (g *storyGraph) node(id int64) *chip {
	if n := g.nodes[articleKey(id)]; n != nil {
		return n.chip
	}
	return nil
}

// parentOf returns the key of the parent of article id's node, "" if none.
func (g *storyGraph) parentOf(id int64) string {
	if n := g.nodes[articleKey(id)]; n != nil {
		return n.parent
	}
	return ""
}

// arrows counts the edges drawn with an arrow head.
func (g *storyGraph) arrows() int {
	n := 0
	for _, e := range g.edges {
		if e.directed {
			n++
		}
	}
	return n
}

func (g *storyGraph) add(n *gnode) *gnode {
	if old := g.nodes[n.key]; old != nil {
		return old
	}
	g.nodes[n.key] = n
	g.order = append(g.order, n.key)
	return n
}

// originNode returns the node of an original that is not in the archive:
// an agency's dispatch, or (agency "") an unknown common source.
func (g *storyGraph) originNode(agency string) *gnode {
	if agency == "" {
		return g.add(&gnode{key: "unknown", chip: newChip(chipOrigin, []string{"Common source", "not in the archive, not known"}, nil)})
	}
	return g.add(&gnode{key: "agency:" + agency, chip: newChip(chipOrigin, []string{agency + " dispatch", "not in the archive"}, nil)})
}

// set draws the story of pv with links (pv's, as the panel lists them),
// marking pv's article as the current one; a nil pv draws nothing.
func (g *storyGraph) set(pv *wiretrace.Provenance, links []wiretrace.Link) {
	g.nodes = map[string]*gnode{}
	g.order, g.roots, g.cited, g.edges = nil, nil, nil, nil
	if pv == nil {
		g.Refresh()
		return
	}
	story, current := &pv.Story, pv.Article.ID
	langs := map[string]int{}
	for _, m := range story.Articles {
		langs[m.Language]++
	}
	common := ""
	for l, n := range langs {
		if l != "" && (common == "" || n > langs[common] || n == langs[common] && l < common) {
			common = l
		}
	}
	// Parents, as the story states them.
	parent := map[int64]string{}
	for _, m := range story.Articles {
		df := m.DerivedFrom
		switch {
		case df == nil && story.OriginKind == "" && story.OriginAgency != "":
			// A story stored before trees: its articles credit the agency.
			parent[m.Article] = g.originNode(story.OriginAgency).key
		case df == nil:
		case pv.Parent(m.Article) != 0:
			parent[m.Article] = articleKey(pv.Parent(m.Article))
		case df.Agency != "":
			parent[m.Article] = g.originNode(df.Agency).key
		case df.Unknown:
			parent[m.Article] = g.originNode("").key
		}
	}
	// A cycle of article parents (never stored, but cheap to refuse)
	// is cut where it is found.
	for id := range parent {
		seen := map[int64]bool{id: true}
		for cur := id; ; {
			k := parent[cur]
			var next int64
			if _, err := fmt.Sscanf(k, "a:%d", &next); err != nil || k == "" {
				break
			}
			if seen[next] {
				delete(parent, cur)
				break
			}
			seen[next] = true
			cur = next
		}
	}
	for _, m := range story.Articles {
		id := m.Article
		n := g.add(&gnode{key: articleKey(id), id: id})
		n.parent = parent[id]
		n.chip = g.articleChip(pv, m, common, n.parent != "", id == current)
	}
	for _, k := range g.order {
		n := g.nodes[k]
		if n.parent == "" {
			g.roots = append(g.roots, k)
		} else {
			g.nodes[n.parent].children = append(g.nodes[n.parent].children, k)
		}
	}
	// Origins first, then root articles, in publication order.
	slices.SortStableFunc(g.roots, func(a, b string) int {
		return boolInt(g.nodes[a].id != 0) - boolInt(g.nodes[b].id != 0)
	})
	g.linkEdges(pv, links)
	g.citeEdges(pv)
	g.Refresh()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// articleChip is the node of one member: its outlet (wrapped, never cut
// to a few letters), language, date and lag, what it credits, and a
// badge for photo credits.
func (g *storyGraph) articleChip(pv *wiretrace.Provenance, m wiretrace.StoryMember, common string, derived, current bool) *chip {
	id, story, credits := m.Article, &pv.Story, pv.Credits(m.Article)
	var sub []string
	if m.Language != "" {
		sub = append(sub, m.Language)
	}
	switch {
	case m.Published.IsZero():
		sub = append(sub, "undated")
	case m.DatePrecision == wiretrace.PrecisionDay || wiretrace.DateOnly(m.Published):
		sub = append(sub, m.Published.Format("2 Jan 2006"))
	default:
		sub = append(sub, m.Published.Format("2 Jan 2006 15:04"))
	}
	if m.Lag > 0 {
		sub = append(sub, "+"+m.Lag.Round(60e9).String())
	}
	from := common
	if pa := pv.Parent(id); pa != 0 {
		parent, _ := pv.Member(pa)
		from = parent.Language
	}
	if derived && m.Language != "" && from != "" && m.Language != from {
		sub = append(sub, "translation")
	}
	if story.OriginKind == wiretrace.OriginArticle && id == story.OriginArticle && m.DerivedFrom == nil {
		sub = append(sub, "origin")
	}
	var suppliers, photos []string
	for _, c := range credits {
		switch c.Role {
		case wiretrace.RoleSupplier:
			if !slices.Contains(suppliers, c.Agency) {
				suppliers = append(suppliers, c.Agency)
			}
		case wiretrace.RolePhoto:
			if !slices.Contains(photos, c.Agency) {
				photos = append(photos, c.Agency)
			}
		}
	}
	src := m.Source
	if src == "" {
		src = fmt.Sprintf("#%d", id)
	}
	lines := []string{src, strings.Join(sub, " · ")}
	warn := 0
	switch {
	case credits == nil:
	case len(suppliers) > 0:
		lines = append(lines, "credits "+strings.Join(suppliers, ", "))
	case derived:
		lines = append(lines, "credits nobody: undeclared")
		warn = len(lines) - 1
	default:
		lines = append(lines, "credits nobody")
	}
	c := newChip(chipArticle, lines, func() {
		if g.p.onOpen != nil {
			g.p.onOpen(id)
		}
	})
	c.warnLine = warn
	if len(photos) > 0 {
		c.badge = strings.Join(photos, ", ") + " photos"
	}
	c.current = current
	c.tooltip = m.Title
	return c
}

// linkEdges draws the links: along the tree's connector when they join a
// child to its parent article (the link between the two, a directed one
// first), else on their own.
func (g *storyGraph) linkEdges(pv *wiretrace.Provenance, links []wiretrace.Link) {
	onTree := map[string]int{} // child key -> link index
	for _, k := range g.order {
		n := g.nodes[k]
		if n.id == 0 || n.parent == "" || g.nodes[n.parent].id == 0 {
			continue
		}
		l, ok := pv.Between(n.id, g.nodes[n.parent].id)
		if !ok {
			continue
		}
		// The panel lists each pair of ends once.
		if i := slices.IndexFunc(links, func(x wiretrace.Link) bool { return x.From == l.From && x.To == l.To }); i >= 0 {
			onTree[k] = i
		}
	}
	used := map[int]bool{}
	for _, k := range g.order {
		n := g.nodes[k]
		if n.parent == "" {
			continue
		}
		if i, ok := onTree[k]; ok && !used[i] {
			used[i] = true
			e := g.linkEdge(links, i)
			e.tree = true
			if !e.directed { // draw it from parent to child
				e.from, e.to = n.parent, k
			}
			g.edges = append(g.edges, e)
			continue
		}
		g.edges = append(g.edges, newEdge(edgeTree, n.parent, k, -1, nil))
	}
	for i, l := range links {
		if used[i] || g.nodes[articleKey(l.From)] == nil || g.nodes[articleKey(l.To)] == nil {
			continue
		}
		g.edges = append(g.edges, g.linkEdge(links, i))
	}
}

// linkEdge is the edge of link i, labelled "share text" or
// "translations" when undirected, "copied N%" or "translated N%" when
// directed.
func (g *storyGraph) linkEdge(links []wiretrace.Link, i int) *edge {
	l := links[i]
	tr := l.Kind == wiretrace.LinkTranslation
	var text string
	switch {
	case l.Directed && tr:
		text = fmt.Sprintf("translated %.0f%%", 100*l.Reused)
	case l.Directed:
		text = fmt.Sprintf("copied %.0f%%", 100*l.Reused)
	case tr:
		text = "translations"
	default:
		text = "share text"
	}
	e := newEdge(edgeLink, articleKey(l.From), articleKey(l.To), i, newChip(chipLabel, []string{text}, func() { g.p.selectLink(i) }))
	e.directed = l.Directed
	e.translation = tr
	e.label.translation = tr
	return e
}

// citeEdges hangs the agencies an article only cites off it, dashed.
func (g *storyGraph) citeEdges(pv *wiretrace.Provenance) {
	for _, m := range pv.Story.Articles {
		for _, c := range pv.Credits(m.Article) {
			if c.Role != wiretrace.RoleCited {
				continue
			}
			key := "cited:" + c.Agency
			if n := g.nodes["agency:"+c.Agency]; n != nil {
				key = n.key
			} else if g.nodes[key] == nil {
				if len(g.cited) >= 6 {
					continue
				}
				g.add(&gnode{key: key, chip: newChip(chipCited, []string{c.Agency, "cited, not a source"}, nil)})
				g.cited = append(g.cited, key)
			}
			dup := slices.ContainsFunc(g.edges, func(e *edge) bool {
				return e.kind == edgeCites && e.from == articleKey(m.Article) && e.to == key
			})
			if !dup {
				g.edges = append(g.edges, newEdge(edgeCites, articleKey(m.Article), key, -1, newChip(chipNote, []string{"cites"}, nil)))
			}
		}
	}
}

func newEdge(kind edgeKind, from, to string, link int, label *chip) *edge {
	e := &edge{kind: kind, from: from, to: to, link: link, label: label}
	for _, l := range []**canvas.Line{&e.segs[0], &e.segs[1], &e.segs[2], &e.head[0], &e.head[1]} {
		*l = canvas.NewLine(color.Black)
		(*l).StrokeWidth = 2
	}
	if kind == edgeTree {
		for _, l := range e.segs {
			l.StrokeWidth = 1.5
		}
	}
	if kind == edgeCites {
		for range maxDashes {
			d := canvas.NewLine(color.Black)
			d.StrokeWidth = 1.5
			e.dashes = append(e.dashes, d)
		}
	}
	return e
}

// CreateRenderer is part of fyne.Widget.
func (g *storyGraph) CreateRenderer() fyne.WidgetRenderer { return &graphRenderer{g: g} }
