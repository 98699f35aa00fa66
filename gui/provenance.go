package gui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace/archive"
)

// Provenance shows where an article came from: its story as a graph (the
// agency, then each outlet, with arrows in the direction of copying), the
// links with their kind and share reused, and the evidence of the selected
// link side by side.
type Provenance struct {
	widget.BaseWidget

	header   *widget.Label
	graph    *storyGraph
	links    *widget.List
	evidence *fyne.Container
	evScroll *container.Scroll
	object   fyne.CanvasObject

	story   *archive.Story
	current int64
	list    []archive.Link
	names   map[int64]archive.StoryMember
	chosen  int // index into list, -1 for none

	// onOpen is called when the user clicks an article of the story.
	onOpen func(id int64)
}

// NewProvenance returns an empty provenance panel; onOpen is called with
// the id of an article the user clicks in the graph.
func NewProvenance(onOpen func(id int64)) *Provenance {
	p := &Provenance{onOpen: onOpen, chosen: -1}
	p.header = widget.NewLabel("")
	p.header.Wrapping = fyne.TextWrapWord
	p.graph = newStoryGraph(p)
	p.links = widget.NewList(
		func() int { return len(p.list) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.list) {
				o.(*widget.Label).SetText(p.linkLine(p.list[i]))
			}
		})
	p.links.OnSelected = func(i widget.ListItemID) { p.selectLink(i) }
	p.evidence = container.NewVBox()
	p.evScroll = container.NewVScroll(p.evidence)
	linksBox := container.NewBorder(widget.NewLabelWithStyle("Links (select one to see its evidence)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, p.links)
	lower := container.NewVSplit(linksBox, p.evScroll)
	lower.Offset = 0.42
	upper := container.NewBorder(p.header, nil, nil, nil, container.NewScroll(p.graph))
	split := container.NewVSplit(upper, lower)
	split.Offset = 0.45
	p.object = split
	p.ExtendBaseWidget(p)
	p.Display(0, nil, nil)
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *Provenance) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.object)
}

// Story returns the story shown, or nil.
func (p *Provenance) Story() *archive.Story { return p.story }

// Display shows the story of article current with the links among its
// articles. A nil story shows that the article has no known provenance.
func (p *Provenance) Display(current int64, story *archive.Story, links []archive.Link) {
	p.current, p.story, p.chosen = current, story, -1
	p.names = map[int64]archive.StoryMember{}
	p.list = nil
	if story != nil {
		for _, m := range story.Articles {
			p.names[m.Article] = m
		}
	}
	seen := map[[2]int64]bool{}
	for _, l := range links {
		k := [2]int64{l.From, l.To}
		if seen[k] {
			continue
		}
		seen[k] = true
		p.list = append(p.list, l)
	}
	// Links of the current article first, then by share reused.
	slices.SortStableFunc(p.list, func(a, b archive.Link) int {
		ac, bc := a.From == current || a.To == current, b.From == current || b.To == current
		if ac != bc {
			if ac {
				return -1
			}
			return 1
		}
		switch {
		case a.Reused > b.Reused:
			return -1
		case a.Reused < b.Reused:
			return 1
		}
		return 0
	})
	switch {
	case current == 0:
		p.header.SetText("Select an article to see where its text came from.")
	case story == nil || len(story.Articles) <= 1 && len(p.list) == 0:
		msg := "No provenance found: this article shares no text with another article of the archive."
		if story != nil && story.OriginAgency != "" {
			msg += " It credits " + story.OriginAgency + " as its supplier."
		}
		p.header.SetText(msg)
	default:
		origin := "original without a credited agency"
		if story.OriginAgency != "" {
			origin = story.OriginAgency + " dispatch"
		}
		p.header.SetText(fmt.Sprintf("Story of the %s: %d articles, %d links. Arrows point from the original to the copy, labelled with the share of the original reused; orange arrows are translations. Click an article to open it, a label to see the evidence.",
			origin, len(story.Articles), len(p.list)))
	}
	p.links.UnselectAll()
	p.links.Refresh()
	p.graph.set(story, p.list, current)
	p.showEvidence()
}

// name is how an article is called in the panel: its outlet and language.
func (p *Provenance) name(id int64) string {
	if m, ok := p.names[id]; ok {
		s := m.Source
		if s == "" {
			s = fmt.Sprintf("#%d", id)
		}
		if m.Language != "" {
			s += " (" + m.Language + ")"
		}
		return s
	}
	return fmt.Sprintf("article #%d", id)
}

// linkLine describes a link: "DNA → The Times of Israel · reuse · 82% reused".
func (p *Provenance) linkLine(l archive.Link) string {
	s := fmt.Sprintf("%s → %s · %s · %.0f%% of the original reused", p.name(l.From), p.name(l.To), l.Kind, 100*l.Reused)
	if l.DirectionConfidence > 0 {
		s += fmt.Sprintf(" · direction %.0f%% sure", 100*l.DirectionConfidence)
	}
	return s
}

// selectLink shows the evidence of link i.
func (p *Provenance) selectLink(i int) {
	if i < 0 || i >= len(p.list) {
		return
	}
	if p.chosen != i {
		p.chosen = i
		p.links.Select(i)
	}
	p.graph.Refresh()
	p.showEvidence()
}

// showEvidence lays out the passages of the chosen link side by side, the
// text both share highlighted.
func (p *Provenance) showEvidence() {
	if p.chosen < 0 || p.chosen >= len(p.list) {
		msg := "Select a link to compare the passages the two articles share."
		if len(p.list) == 0 {
			msg = ""
		}
		p.evidence.Objects = []fyne.CanvasObject{lowLabel(msg)}
		p.evidence.Refresh()
		return
	}
	l := p.list[p.chosen]
	objs := []fyne.CanvasObject{
		widget.NewLabelWithStyle(p.linkLine(l), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	}
	if l.DirectionReason != "" {
		objs = append(objs, wrapLabel("Why this direction: "+l.DirectionReason))
	}
	if c := changesLine(l); c != "" {
		objs = append(objs, wrapLabel(c))
	}
	minRun := 3
	if l.Kind == archive.LinkTranslation {
		minRun = 1 // names and figures are what a translation keeps
	}
	objs = append(objs, container.NewGridWithColumns(2,
		widget.NewLabelWithStyle("Original: "+p.name(l.From), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Copy: "+p.name(l.To), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})))
	if len(l.Evidence) == 0 {
		objs = append(objs, lowLabel("No passages stored for this link."))
	}
	for _, ps := range l.Evidence {
		left := widget.NewRichText(block(segments(shared(ps.FromText, ps.ToText, minRun), widget.RichTextStyleInline))...)
		right := widget.NewRichText(block(segments(shared(ps.ToText, ps.FromText, minRun), widget.RichTextStyleInline))...)
		left.Wrapping, right.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
		objs = append(objs, container.NewGridWithColumns(2, left, right), widget.NewSeparator())
	}
	p.evidence.Objects = objs
	p.evidence.Refresh()
	p.evScroll.ScrollToTop()
}

// changesLine summarises what the copy changed.
func changesLine(l archive.Link) string {
	c := l.Changes
	var parts []string
	if c.NewHeadline {
		parts = append(parts, "new headline")
	}
	if n := len(c.Cut); n > 0 {
		parts = append(parts, fmt.Sprintf("%d paragraph(s) cut", n))
	}
	if n := len(c.Added); n > 0 {
		parts = append(parts, fmt.Sprintf("%d paragraph(s) added", n))
	}
	for _, a := range c.Altered {
		parts = append(parts, "altered: "+a)
	}
	if c.Credited {
		parts = append(parts, "source credited")
	} else {
		parts = append(parts, "source NOT credited")
	}
	return "Changes: " + strings.Join(parts, "; ")
}

func lowLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// storyGraph draws a story: the agency on the left, then the articles in
// columns by copying depth, with an arrow per link from original to copy.
type storyGraph struct {
	widget.BaseWidget
	p *Provenance

	agency *chip
	nodes  map[int64]*chip
	order  []int64 // node ids in drawing order
	depth  map[int64]int
	edges  []*edge
	roots  []int64
}

// edge is one drawn link: a line, an arrow head and a tappable label.
type edge struct {
	from, to int64           // 0 for the agency
	link     int             // index into Provenance.list, -1 for agency edges
	segs     [3]*canvas.Line // a straight line, or up-across-down around nodes
	head     [2]*canvas.Line
	label    *chip
}

func newStoryGraph(p *Provenance) *storyGraph {
	g := &storyGraph{p: p, nodes: map[int64]*chip{}}
	g.ExtendBaseWidget(g)
	return g
}

// node returns the chip drawn for article id, or nil.
func (g *storyGraph) node(id int64) *chip { return g.nodes[id] }

func (g *storyGraph) set(story *archive.Story, links []archive.Link, current int64) {
	g.nodes = map[int64]*chip{}
	g.order = nil
	g.edges = nil
	g.agency = nil
	g.depth = map[int64]int{}
	g.roots = nil
	if story == nil {
		g.Refresh()
		return
	}
	members := slices.Clone(story.Articles)
	for _, m := range members {
		id := m.Article
		sub := []string{}
		if m.Language != "" {
			sub = append(sub, m.Language)
		}
		if !m.Published.IsZero() {
			sub = append(sub, m.Published.Format("2 Jan 2006"))
		} else {
			sub = append(sub, "undated")
		}
		if m.Lag > 0 {
			sub = append(sub, "+"+m.Lag.Round(60e9).String())
		}
		if id == story.OriginArticle {
			sub = append(sub, "earliest")
		}
		c := newChip([]string{m.Source, strings.Join(sub, " · ")}, func() {
			if g.p.onOpen != nil {
				g.p.onOpen(id)
			}
		})
		c.current = id == current
		c.tooltip = m.Title
		g.nodes[id] = c
		g.order = append(g.order, id)
	}
	// Depth: longest chain of links from a root, with a guard on cycles.
	incoming := map[int64]bool{}
	for _, l := range links {
		if g.nodes[l.From] != nil && g.nodes[l.To] != nil {
			incoming[l.To] = true
		}
	}
	for _, id := range g.order {
		if !incoming[id] {
			g.roots = append(g.roots, id)
		}
	}
	if len(g.roots) == 0 && len(g.order) > 0 {
		g.roots = []int64{story.OriginArticle}
	}
	for _, r := range g.roots {
		g.depth[r] = 0
	}
	for range len(g.order) {
		changed := false
		for _, l := range links {
			d, ok := g.depth[l.From]
			if !ok || g.nodes[l.To] == nil {
				continue
			}
			if cur, ok := g.depth[l.To]; !ok || (cur < d+1 && d+1 < len(g.order)) {
				g.depth[l.To] = d + 1
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, id := range g.order {
		if _, ok := g.depth[id]; !ok {
			g.depth[id] = 0
		}
	}
	if story.OriginAgency != "" {
		g.agency = newChip([]string{story.OriginAgency, "wire agency"}, nil)
		g.agency.agency = true
		for _, r := range g.roots {
			g.edges = append(g.edges, newEdge(0, r, -1, nil))
		}
	}
	for i, l := range links {
		if g.nodes[l.From] == nil || g.nodes[l.To] == nil {
			continue
		}
		text := fmt.Sprintf("%.0f%%", 100*l.Reused)
		if l.Kind == archive.LinkTranslation {
			text = fmt.Sprintf("%s %.0f%%", g.p.names[l.To].Language, 100*l.Reused)
		}
		i := i
		e := newEdge(l.From, l.To, i, newChip([]string{text}, func() { g.p.selectLink(i) }))
		e.label.small = true
		e.label.translation = l.Kind == archive.LinkTranslation
		g.edges = append(g.edges, e)
	}
	g.Refresh()
}

func newEdge(from, to int64, link int, label *chip) *edge {
	e := &edge{from: from, to: to, link: link, label: label}
	for _, l := range []**canvas.Line{&e.segs[0], &e.segs[1], &e.segs[2], &e.head[0], &e.head[1]} {
		*l = canvas.NewLine(color.Black)
		(*l).StrokeWidth = 2
	}
	return e
}

// CreateRenderer is part of fyne.Widget.
func (g *storyGraph) CreateRenderer() fyne.WidgetRenderer { return &graphRenderer{g: g} }

// Node sizes and gaps of the story graph: nodes narrow down to minNodeW
// before the graph scrolls sideways.
const (
	minNodeW, maxNodeW, nodeH = 110, 220, 54
	minGapX, gapY, skipGap    = 40, 26, 16
)

type graphRenderer struct{ g *storyGraph }

func (r *graphRenderer) Destroy() {}

// columns returns the node ids per column; column 0 is the agency.
func (r *graphRenderer) columns() [][]int64 {
	g := r.g
	maxD := 0
	for _, d := range g.depth {
		maxD = max(maxD, d)
	}
	cols := make([][]int64, maxD+2)
	for _, id := range g.order {
		d := g.depth[id] + 1
		cols[d] = append(cols[d], id)
	}
	return cols
}

func (r *graphRenderer) MinSize() fyne.Size {
	if len(r.g.order) == 0 {
		return fyne.NewSize(0, 0)
	}
	cols := r.columns()
	rows := 1
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	return fyne.NewSize(float32(len(cols))*(minNodeW+minGapX)-minGapX+8, r.topPad()+float32(rows)*(nodeH+gapY)-gapY+8)
}

// column returns the column of every node; the agency (id 0) is in 0.
func (r *graphRenderer) column() map[int64]int {
	col := map[int64]int{0: 0}
	for c, ids := range r.columns() {
		for _, id := range ids {
			col[id] = c
		}
	}
	return col
}

// skips counts the edges that jump over a column; they are routed above
// the nodes, each at its own height.
func (r *graphRenderer) skips() int {
	col := r.column()
	n := 0
	for _, e := range r.g.edges {
		if col[e.to]-col[e.from] > 1 {
			n++
		}
	}
	return n
}

// topPad is the room above the nodes for the routed edges.
func (r *graphRenderer) topPad() float32 {
	if n := r.skips(); n > 0 {
		return 12 + float32(n)*skipGap + 8
	}
	return 0
}

func (r *graphRenderer) Objects() []fyne.CanvasObject {
	g := r.g
	var objs []fyne.CanvasObject
	for _, e := range g.edges {
		objs = append(objs, e.segs[0], e.segs[1], e.segs[2], e.head[0], e.head[1])
	}
	if g.agency != nil {
		objs = append(objs, g.agency)
	}
	for _, id := range g.order {
		objs = append(objs, g.nodes[id])
	}
	for _, e := range g.edges {
		if e.label != nil {
			objs = append(objs, e.label)
		}
	}
	return objs
}

func (r *graphRenderer) Layout(size fyne.Size) {
	g := r.g
	if len(g.order) == 0 {
		return
	}
	cols := r.columns()
	rows := 1
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	top := r.topPad()
	height := max(size.Height-top, float32(rows)*(nodeH+gapY)-gapY)
	n := float32(len(cols))
	nodeW := max(minNodeW, min(maxNodeW, (size.Width-8)/n*0.7))
	gapX := float32(0)
	if len(cols) > 1 {
		gapX = max(minGapX, (size.Width-8-n*nodeW)/(n-1))
	}
	pos := map[int64]fyne.Position{}
	place := func(col, row, n int) fyne.Position {
		colH := float32(n)*(nodeH+gapY) - gapY
		return fyne.NewPos(4+float32(col)*(nodeW+gapX), top+4+(height-colH)/2+float32(row)*(nodeH+gapY))
	}
	if g.agency != nil {
		p := place(0, 0, 1)
		g.agency.Move(p)
		g.agency.Resize(fyne.NewSize(nodeW, nodeH))
		pos[0] = p
	}
	for c, ids := range cols {
		for i, id := range ids {
			p := place(c, i, len(ids))
			g.nodes[id].Move(p)
			g.nodes[id].Resize(fyne.NewSize(nodeW, nodeH))
			pos[id] = p
		}
	}
	col := r.column()
	skip := 0
	for _, e := range g.edges {
		a, okA := pos[e.from]
		b, okB := pos[e.to]
		if !okA || !okB {
			continue
		}
		var p1, p2, mid fyne.Position
		e.segs[1].Hide()
		e.segs[2].Hide()
		switch d := col[e.to] - col[e.from]; {
		case d == 1:
			p1 = fyne.NewPos(a.X+nodeW, a.Y+nodeH/2)
			p2 = fyne.NewPos(b.X, b.Y+nodeH/2)
			e.segs[0].Position1, e.segs[0].Position2 = p1, p2
			mid = fyne.NewPos((p1.X+p2.X)/2, (p1.Y+p2.Y)/2)
		case d > 1: // over the columns between: up, across, down
			level := min(a.Y, b.Y) - 12 - float32(skip)*skipGap
			skip++
			s := fyne.NewPos(a.X+nodeW*0.75, a.Y)
			w1 := fyne.NewPos(s.X, level)
			w2 := fyne.NewPos(b.X+nodeW*0.3, level)
			p2 = fyne.NewPos(w2.X, b.Y)
			e.segs[0].Position1, e.segs[0].Position2 = s, w1
			e.segs[1].Position1, e.segs[1].Position2 = w1, w2
			e.segs[2].Position1, e.segs[2].Position2 = w2, p2
			e.segs[1].Show()
			e.segs[2].Show()
			p1 = w2
			mid = fyne.NewPos((w1.X+w2.X)/2, level)
		default: // same column or backwards: vertical arrow
			p1 = fyne.NewPos(a.X+nodeW/2, a.Y+nodeH)
			p2 = fyne.NewPos(b.X+nodeW/2, b.Y)
			if b.Y < a.Y {
				p1.Y, p2.Y = a.Y, b.Y+nodeH
			}
			e.segs[0].Position1, e.segs[0].Position2 = p1, p2
			mid = fyne.NewPos((p1.X+p2.X)/2, (p1.Y+p2.Y)/2)
		}
		dx, dy := float64(p2.X-p1.X), float64(p2.Y-p1.Y)
		l := math.Hypot(dx, dy)
		if l == 0 {
			l = 1
		}
		ux, uy := dx/l, dy/l
		for k, ang := range []float64{0.45, -0.45} {
			c, s := math.Cos(ang), math.Sin(ang)
			hx := -(ux*c - uy*s) * 11
			hy := -(ux*s + uy*c) * 11
			e.head[k].Position1 = p2
			e.head[k].Position2 = fyne.NewPos(p2.X+float32(hx), p2.Y+float32(hy))
		}
		if e.label != nil {
			ms := e.label.MinSize()
			e.label.Move(fyne.NewPos(mid.X-ms.Width/2, mid.Y-ms.Height/2))
			e.label.Resize(ms)
		}
	}
}

func (r *graphRenderer) Refresh() {
	g := r.g
	th := g.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for _, e := range g.edges {
		c := th.Color(theme.ColorNameForeground, v)
		switch {
		case e.link < 0:
			c = th.Color(theme.ColorNameDisabled, v)
		case e.label != nil && e.label.translation:
			c = th.Color(theme.ColorNameWarning, v)
		}
		if e.link >= 0 && e.link == g.p.chosen {
			c = th.Color(theme.ColorNamePrimary, v)
		}
		if e.label != nil {
			e.label.current = e.link == g.p.chosen
			e.label.Refresh()
		}
		for _, l := range []*canvas.Line{e.segs[0], e.segs[1], e.segs[2], e.head[0], e.head[1]} {
			l.StrokeColor = c
			l.Refresh()
		}
	}
	if g.agency != nil {
		g.agency.Refresh()
	}
	for _, n := range g.nodes {
		n.Refresh()
	}
	r.Layout(g.Size())
	canvas.Refresh(g)
}

// fitText shortens s with an ellipsis until it fits in width w.
func fitText(s string, w, size float32, style fyne.TextStyle) string {
	if w <= 0 || fyne.MeasureText(s, size, style).Width <= w {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimSpace(string(rs[:n])) + "…"
		if fyne.MeasureText(t, size, style).Width <= w {
			return t
		}
	}
	return "…"
}

// chip is a tappable rounded box with one or two lines of text: a node of
// the story graph or the label of a link.
type chip struct {
	widget.BaseWidget
	lines       []string
	onTap       func()
	current     bool // the article shown, or the link selected
	agency      bool
	small       bool
	translation bool
	tooltip     string
}

var (
	_ fyne.Tappable      = (*chip)(nil)
	_ desktop.Cursorable = (*chip)(nil)
)

func newChip(lines []string, onTap func()) *chip {
	c := &chip{lines: lines, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped calls the chip's action.
func (c *chip) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

// Cursor is a pointer when the chip does something.
func (c *chip) Cursor() desktop.Cursor {
	if c.onTap != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// Text returns the chip's lines joined by newlines.
func (c *chip) Text() string { return strings.Join(c.lines, "\n") }

// CreateRenderer is part of fyne.Widget.
func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c, bg: canvas.NewRectangle(color.Transparent)}
	for i, l := range c.lines {
		t := canvas.NewText(l, color.Black)
		if i == 0 {
			t.TextStyle.Bold = !c.small
		}
		r.texts = append(r.texts, t)
	}
	r.Refresh()
	return r
}

type chipRenderer struct {
	c     *chip
	bg    *canvas.Rectangle
	texts []*canvas.Text
}

func (r *chipRenderer) Destroy() {}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg}
	for _, t := range r.texts {
		objs = append(objs, t)
	}
	return objs
}

func (r *chipRenderer) MinSize() fyne.Size {
	w, h := float32(0), float32(0)
	for _, t := range r.texts {
		s := t.MinSize()
		w = max(w, s.Width)
		h += s.Height
	}
	return fyne.NewSize(w+12, h+6)
}

func (r *chipRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	h := float32(0)
	for _, t := range r.texts {
		h += t.MinSize().Height
	}
	y := (size.Height - h) / 2
	for i, t := range r.texts {
		t.Text = fitText(r.c.lines[i], size.Width-12, t.TextSize, t.TextStyle)
		s := t.MinSize()
		t.Move(fyne.NewPos(6, y))
		t.Resize(fyne.NewSize(size.Width-12, s.Height))
		y += s.Height
	}
}

func (r *chipRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	r.bg.CornerRadius = 6
	r.bg.StrokeWidth = 1
	r.bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	switch {
	case c.current && !c.small:
		r.bg.FillColor = th.Color(theme.ColorNamePrimary, v)
		fg = th.Color(theme.ColorNameForegroundOnPrimary, v)
	case c.current:
		r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		r.bg.StrokeWidth = 2
	case c.agency:
		r.bg.FillColor = th.Color(theme.ColorNameButton, v)
		r.bg.StrokeColor = th.Color(theme.ColorNameSuccess, v)
		r.bg.StrokeWidth = 2
	case c.small:
		r.bg.FillColor = th.Color(theme.ColorNameBackground, v)
	}
	if c.translation {
		r.bg.StrokeColor = th.Color(theme.ColorNameWarning, v)
	}
	for i, t := range r.texts {
		t.Color = fg
		t.TextSize = th.Size(theme.SizeNameText)
		if i > 0 || c.small {
			t.TextSize = th.Size(theme.SizeNameCaptionText)
		}
		if i > 0 && !c.current {
			t.Color = th.Color(theme.ColorNamePlaceHolder, v)
		}
		t.Refresh()
	}
	r.bg.Refresh()
}
