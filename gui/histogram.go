package gui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace/archive"
)

// histogram draws counts per date bucket as bars. A tap selects one bar,
// a drag selects a run of bars; onSelect receives the bucket indexes
// (inclusive). Hovering a bar reports it through onHover (-1 on leaving).
type histogram struct {
	widget.BaseWidget

	buckets  []archive.FacetCount
	active   [2]int // highlighted range, {-1, -1} for none
	drag     [2]int
	dragging bool

	onSelect func(from, to int)
	onHover  func(i int)
}

var (
	_ fyne.Tappable     = (*histogram)(nil)
	_ fyne.Draggable    = (*histogram)(nil)
	_ desktop.Hoverable = (*histogram)(nil)
)

func newHistogram() *histogram {
	h := &histogram{active: [2]int{-1, -1}}
	h.ExtendBaseWidget(h)
	return h
}

// set replaces the buckets and the highlighted range.
func (h *histogram) set(buckets []archive.FacetCount, from, to int) {
	h.buckets = buckets
	h.active = [2]int{from, to}
	h.dragging = false
	h.Refresh()
}

// index returns the bucket under x, clamped to the buckets.
func (h *histogram) index(x float32) int {
	n := len(h.buckets)
	if n == 0 {
		return -1
	}
	i := int(x / (h.Size().Width / float32(n)))
	return max(0, min(n-1, i))
}

// Tapped selects the bar under the pointer.
func (h *histogram) Tapped(ev *fyne.PointEvent) {
	if i := h.index(ev.Position.X); i >= 0 && h.onSelect != nil {
		h.onSelect(i, i)
	}
}

// Dragged extends the selection over the bars dragged across.
func (h *histogram) Dragged(ev *fyne.DragEvent) {
	i := h.index(ev.Position.X)
	if i < 0 {
		return
	}
	if !h.dragging {
		h.dragging = true
		h.drag[0] = h.index(ev.Position.X - ev.Dragged.DX)
	}
	h.drag[1] = i
	h.Refresh()
}

// DragEnd selects the dragged range.
func (h *histogram) DragEnd() {
	if !h.dragging {
		return
	}
	h.dragging = false
	from, to := min(h.drag[0], h.drag[1]), max(h.drag[0], h.drag[1])
	h.Refresh()
	if h.onSelect != nil {
		h.onSelect(from, to)
	}
}

// MouseIn is part of desktop.Hoverable.
func (h *histogram) MouseIn(ev *desktop.MouseEvent) { h.MouseMoved(ev) }

// MouseMoved reports the bar under the pointer.
func (h *histogram) MouseMoved(ev *desktop.MouseEvent) {
	if h.onHover != nil {
		h.onHover(h.index(ev.Position.X))
	}
}

// MouseOut reports that the pointer left the bars.
func (h *histogram) MouseOut() {
	if h.onHover != nil {
		h.onHover(-1)
	}
}

// Cursor shows that the bars can be clicked.
func (h *histogram) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer is part of fyne.Widget.
func (h *histogram) CreateRenderer() fyne.WidgetRenderer {
	r := &histogramRenderer{h: h, base: canvas.NewLine(color.Black)}
	r.base.StrokeWidth = 1
	return r
}

type histogramRenderer struct {
	h    *histogram
	bars []*canvas.Rectangle
	base *canvas.Line
}

func (r *histogramRenderer) Destroy() {}

func (r *histogramRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 72) }

func (r *histogramRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(r.bars)+1)
	for _, b := range r.bars {
		objs = append(objs, b)
	}
	return append(objs, r.base)
}

func (r *histogramRenderer) Layout(size fyne.Size) {
	n := len(r.h.buckets)
	r.base.Position1 = fyne.NewPos(0, size.Height-0.5)
	r.base.Position2 = fyne.NewPos(size.Width, size.Height-0.5)
	if n == 0 {
		return
	}
	peak := 1
	for _, b := range r.h.buckets {
		peak = max(peak, b.Count)
	}
	w := size.Width / float32(n)
	gap := float32(math.Min(2, float64(w)*0.2))
	for i, bar := range r.bars {
		c := r.h.buckets[i].Count
		hgt := float32(0)
		if c > 0 {
			hgt = max(3, (size.Height-2)*float32(c)/float32(peak))
		}
		bar.Move(fyne.NewPos(float32(i)*w+gap/2, size.Height-1-hgt))
		bar.Resize(fyne.NewSize(max(1, w-gap), hgt))
	}
}

func (r *histogramRenderer) Refresh() {
	h := r.h
	for len(r.bars) < len(h.buckets) {
		r.bars = append(r.bars, canvas.NewRectangle(color.Transparent))
	}
	r.bars = r.bars[:len(h.buckets)]
	sel := h.active
	if h.dragging {
		sel = [2]int{min(h.drag[0], h.drag[1]), max(h.drag[0], h.drag[1])}
	}
	th := h.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	on := th.Color(theme.ColorNamePrimary, v)
	off := th.Color(theme.ColorNameDisabled, v)
	for i, bar := range r.bars {
		bar.FillColor = on
		if sel[0] >= 0 && (i < sel[0] || i > sel[1]) {
			bar.FillColor = off
		}
		bar.Refresh()
	}
	r.base.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.base.Refresh()
	r.Layout(h.Size())
}
