package gui

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Sizes of the story graph. Nodes are as wide as their outlet names up to
// maxNodeW, and narrow down to minNodeW (names wrap onto two lines) before
// the graph scrolls sideways.
const (
	minNodeW, maxNodeW = 120, 210
	minGapX, maxGapX   = 16, 110
	rowGap             = 28 // between a row and the next: the tree's connectors and their labels
	laneH              = 21 // one lane of lines between articles of one row, under the row
	graphPad           = 6
)

type graphRenderer struct{ g *storyGraph }

func (r *graphRenderer) Destroy() {}

// geometry is where everything goes at one width.
type geometry struct {
	size  fyne.Size
	nodeW float32
	pos   map[string]fyne.Position
	nodeH map[string]float32
	lines map[*edge][]fyne.Position // each edge's polyline
	label map[*edge]fyne.Position   // each edge label's centre
}

// slots places the tree: leaves one slot apart in order, a parent above
// the middle of its children; cited agencies in the first row after the
// roots. It returns the number of slots and sets depth and slot.
func (r *graphRenderer) slots() (n float32, rows int) {
	g := r.g
	next := float32(0)
	var place func(k string, d int)
	place = func(k string, d int) {
		nd := g.nodes[k]
		nd.depth = d
		rows = max(rows, d+1)
		if len(nd.children) == 0 || d > len(g.order) {
			nd.slot = next
			next++
			return
		}
		for _, c := range nd.children {
			place(c, d+1)
		}
		nd.slot = (g.nodes[nd.children[0]].slot + g.nodes[nd.children[len(nd.children)-1]].slot) / 2
	}
	first := float32(0)
	for _, k := range g.roots {
		place(k, 0)
		first = max(first, g.nodes[k].slot+1)
	}
	for i, k := range g.cited {
		g.nodes[k].depth = 0
		g.nodes[k].slot = first + float32(i)
	}
	return max(next, first+float32(len(g.cited))), max(rows, 1)
}

// nodeWidth is the width of the nodes at graph width w.
func (r *graphRenderer) nodeWidth(w, slots float32) float32 {
	want := float32(minNodeW)
	for _, k := range r.g.order {
		want = max(want, r.g.nodes[k].chip.titleWidth())
	}
	want = min(want, maxNodeW)
	if w > 0 && slots > 0 {
		want = min(want, (w-2*graphPad)/slots-minGapX)
	}
	return max(minNodeW, want)
}

func (r *graphRenderer) compute(width float32) *geometry {
	g := r.g
	geo := &geometry{pos: map[string]fyne.Position{}, nodeH: map[string]float32{},
		lines: map[*edge][]fyne.Position{}, label: map[*edge]fyne.Position{}}
	if len(g.order) == 0 {
		return geo
	}
	nSlots, rows := r.slots()
	nodeW := r.nodeWidth(width, nSlots)
	geo.nodeW = nodeW
	slotW := min(nodeW+maxGapX, max(nodeW+minGapX, (width-2*graphPad)/nSlots))
	left := max(graphPad, (width-nSlots*slotW)/2)
	x := func(n *gnode) float32 { return left + n.slot*slotW + (slotW-nodeW)/2 }
	rowH := make([]float32, rows)
	for _, k := range g.order {
		n := g.nodes[k]
		geo.nodeH[k] = n.chip.heightFor(nodeW)
		rowH[n.depth] = max(rowH[n.depth], geo.nodeH[k])
	}
	for _, k := range g.order { // one height per row
		geo.nodeH[k] = rowH[g.nodes[k].depth]
	}
	// Lines between nodes of one row run under it, each in a lane.
	type attach struct {
		e     *edge
		other float32 // x of the other end, to order attachments
	}
	ats := map[string][]attach{}
	var under []*edge
	for _, e := range g.edges {
		a, b := g.nodes[e.from], g.nodes[e.to]
		if e.kind == edgeCites || e.tree || e.kind == edgeTree || a.depth != b.depth {
			continue
		}
		under = append(under, e)
		ats[e.from] = append(ats[e.from], attach{e, x(b)})
		ats[e.to] = append(ats[e.to], attach{e, x(a)})
	}
	attachX := map[[2]any]float32{} // (edge, node key) -> x
	for k, as := range ats {
		// Nested lines do not cross: from left to right, the lines to
		// the left nearest first, then those to the right farthest first.
		x0 := x(g.nodes[k])
		key := func(a attach) (int, float32) {
			if a.other < x0 {
				return 0, x0 - a.other
			}
			return 1, x0 - a.other
		}
		slices.SortFunc(as, func(p, q attach) int {
			sp, dp := key(p)
			sq, dq := key(q)
			if sp != sq {
				return sp - sq
			}
			return cmpF(dp, dq)
		})
		for i, a := range as {
			attachX[[2]any{a.e, k}] = x(g.nodes[k]) + nodeW*float32(i+1)/float32(len(as)+1)
		}
	}
	lane := map[*edge]int{}
	lanes := make([]int, rows)
	type span struct{ a, b float32 }
	used := map[[2]int][]span{} // (row, lane) -> spans taken
	slices.SortStableFunc(under, func(p, q *edge) int {
		wp := abs32(attachX[[2]any{p, p.from}] - attachX[[2]any{p, p.to}])
		wq := abs32(attachX[[2]any{q, q.from}] - attachX[[2]any{q, q.to}])
		return cmpF(wp, wq)
	})
	for _, e := range under {
		x1, x2 := attachX[[2]any{e, e.from}], attachX[[2]any{e, e.to}]
		lo, hi := min(x1, x2), max(x1, x2)
		if lw := e.label.MinSize().Width; hi-lo < lw {
			mid := (lo + hi) / 2
			lo, hi = mid-lw/2, mid+lw/2
		}
		row := g.nodes[e.from].depth
		for l := 0; ; l++ {
			free := true
			for _, s := range used[[2]int{row, l}] {
				if lo < s.b+6 && s.a < hi+6 {
					free = false
				}
			}
			if free {
				used[[2]int{row, l}] = append(used[[2]int{row, l}], span{lo, hi})
				lane[e] = l
				lanes[row] = max(lanes[row], l+1)
				break
			}
		}
	}
	// Rows from the top.
	rowY := make([]float32, rows)
	y := float32(graphPad)
	for d := range rows {
		rowY[d] = y
		y += rowH[d]
		if lanes[d] > 0 {
			y += 6 + float32(lanes[d])*laneH
		}
		if d < rows-1 {
			y += rowGap
		}
	}
	for _, k := range g.order {
		n := g.nodes[k]
		geo.pos[k] = fyne.NewPos(x(n), rowY[n.depth])
	}
	maxX := float32(0)
	for _, p := range geo.pos {
		maxX = max(maxX, p.X+nodeW)
	}
	geo.size = fyne.NewSize(max(width, maxX+graphPad), y+graphPad)
	// The lines.
	bottom := func(k string) float32 { return geo.pos[k].Y + geo.nodeH[k] }
	cx := func(k string) float32 { return geo.pos[k].X + nodeW/2 }
	for _, e := range g.edges {
		a, b := g.nodes[e.from], g.nodes[e.to]
		var pts []fyne.Position
		switch {
		case e.tree || e.kind == edgeTree:
			// An elbow from the parent's bottom to the child's top; the
			// copy is always the lower end.
			par, ch := e.from, e.to
			if a.depth > b.depth {
				par, ch = ch, par
			}
			p := g.nodes[par]
			bus := bottom(par) + 11
			if lanes[p.depth] > 0 {
				bus += 6 + float32(lanes[p.depth])*laneH
			}
			pts = []fyne.Position{{X: cx(par), Y: bottom(par)}, {X: cx(par), Y: bus}, {X: cx(ch), Y: bus}, {X: cx(ch), Y: geo.pos[ch].Y}}
			if par != e.from { // an arrow up: from the child into the parent
				slices.Reverse(pts)
			}
			mid := fyne.NewPos(cx(ch), (bus+geo.pos[ch].Y)/2)
			geo.label[e] = mid
		case e.kind == edgeCites && a.depth != b.depth:
			from := fyne.NewPos(geo.pos[e.from].X+nodeW*0.8, geo.pos[e.from].Y)
			to := fyne.NewPos(cx(e.to), bottom(e.to))
			if a.depth < b.depth {
				from.Y, to.Y = bottom(e.from), geo.pos[e.to].Y
			}
			pts = []fyne.Position{from, to}
			geo.label[e] = fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
		case e.kind == edgeCites:
			ya := geo.pos[e.from].Y + geo.nodeH[e.from]/2
			xa, xb := geo.pos[e.from].X+nodeW, geo.pos[e.to].X
			if xb < xa {
				xa, xb = geo.pos[e.from].X, geo.pos[e.to].X+nodeW
			}
			pts = []fyne.Position{{X: xa, Y: ya}, {X: xb, Y: ya}}
			geo.label[e] = fyne.NewPos((xa+xb)/2, ya-10)
		case a.depth == b.depth: // under the row, in its lane
			ly := bottom(e.from) + 6 + laneH/2 + float32(lane[e])*laneH
			x1, x2 := attachX[[2]any{e, e.from}], attachX[[2]any{e, e.to}]
			pts = []fyne.Position{{X: x1, Y: bottom(e.from)}, {X: x1, Y: ly}, {X: x2, Y: ly}, {X: x2, Y: bottom(e.to)}}
			geo.label[e] = fyne.NewPos((x1+x2)/2, ly)
		default: // across rows, beside the tree's connector
			up, down := e.from, e.to
			if a.depth > b.depth {
				up, down = down, up
			}
			p1 := fyne.NewPos(geo.pos[up].X+nodeW*0.75, bottom(up))
			p2 := fyne.NewPos(geo.pos[down].X+nodeW*0.25, geo.pos[down].Y)
			pts = []fyne.Position{p1, p2}
			if up != e.from {
				pts = []fyne.Position{p2, p1}
			}
			geo.label[e] = fyne.NewPos((p1.X+p2.X)/2, (p1.Y+p2.Y)/2)
		}
		geo.lines[e] = pts
	}
	return geo
}

func cmpF(a, b float32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func abs32(f float32) float32 { return float32(math.Abs(float64(f))) }

func (r *graphRenderer) MinSize() fyne.Size {
	g := r.g
	if len(g.order) == 0 {
		return fyne.NewSize(0, 0)
	}
	n, _ := r.slots()
	w := n*(minNodeW+minGapX) + 2*graphPad
	geo := r.compute(max(w, g.Size().Width))
	return fyne.NewSize(w, geo.size.Height)
}

func (r *graphRenderer) Objects() []fyne.CanvasObject {
	g := r.g
	var objs []fyne.CanvasObject
	for _, e := range g.edges {
		objs = append(objs, e.segs[0], e.segs[1], e.segs[2], e.head[0], e.head[1])
		for _, d := range e.dashes {
			objs = append(objs, d)
		}
	}
	for _, k := range g.order {
		objs = append(objs, g.nodes[k].chip)
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
	geo := r.compute(size.Width)
	for _, k := range g.order {
		c := g.nodes[k].chip
		c.Move(geo.pos[k])
		c.Resize(fyne.NewSize(geo.nodeW, geo.nodeH[k]))
	}
	for _, e := range g.edges {
		pts := geo.lines[e]
		for i, s := range e.segs {
			if e.kind == edgeCites || i+1 >= len(pts) {
				s.Hide()
				continue
			}
			s.Position1, s.Position2 = pts[i], pts[i+1]
			s.Show()
		}
		if e.kind == edgeCites && len(pts) == 2 {
			dash(e.dashes, pts[0], pts[1])
		}
		if e.directed && len(pts) >= 2 {
			p1, p2 := pts[len(pts)-2], pts[len(pts)-1]
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
				e.head[k].Show()
			}
		} else {
			e.head[0].Hide()
			e.head[1].Hide()
		}
		if e.label != nil {
			mid := geo.label[e]
			ms := e.label.MinSize()
			e.label.Move(fyne.NewPos(mid.X-ms.Width/2, mid.Y-ms.Height/2))
			e.label.Resize(ms)
		}
	}
}

// dash draws the line from a to b as dashes of 6 px (longer on a long
// line), hiding the dashes it does not need.
func dash(ds []*canvas.Line, a, b fyne.Position) {
	l := float32(math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)))
	step := max(10, l/float32(len(ds)))
	n := int(l / step)
	for i, d := range ds {
		if i >= n+1 {
			d.Hide()
			continue
		}
		t0 := float32(i) * step / max(l, 1)
		t1 := min(1, (float32(i)*step+step*0.6)/max(l, 1))
		d.Position1 = fyne.NewPos(a.X+(b.X-a.X)*t0, a.Y+(b.Y-a.Y)*t0)
		d.Position2 = fyne.NewPos(a.X+(b.X-a.X)*t1, a.Y+(b.Y-a.Y)*t1)
		d.Show()
	}
}

func (r *graphRenderer) Refresh() {
	g := r.g
	th := g.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for _, e := range g.edges {
		c := th.Color(theme.ColorNameForeground, v)
		switch {
		case e.kind == edgeTree:
			c = th.Color(theme.ColorNameDisabled, v)
		case e.kind == edgeCites:
			c = th.Color(theme.ColorNamePlaceHolder, v)
		case e.translation:
			c = th.Color(theme.ColorNameWarning, v)
		}
		if e.link >= 0 && e.link == g.p.chosen {
			c = th.Color(theme.ColorNamePrimary, v)
		}
		if e.label != nil {
			e.label.current = e.link >= 0 && e.link == g.p.chosen
			e.label.Refresh()
		}
		for _, l := range append([]*canvas.Line{e.segs[0], e.segs[1], e.segs[2], e.head[0], e.head[1]}, e.dashes...) {
			l.StrokeColor = c
			l.Refresh()
		}
	}
	for _, k := range g.order {
		g.nodes[k].chip.Refresh()
	}
	r.Layout(g.Size())
	canvas.Refresh(g)
}
