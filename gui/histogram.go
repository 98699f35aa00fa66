package gui

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace/archive"
)

// histogram draws counts per date bucket as bars, over tick labels (years,
// months or days, as many as fit) and under the largest count. A tap
// selects one bar, a drag selects a run of bars; onSelect receives the
// bucket indexes (inclusive). The selected range is drawn as a band.
// Hovering a bar reports it through onHover (-1 on leaving).
type histogram struct {
	widget.BaseWidget

	buckets  []archive.FacetCount
	days     []time.Time // the first day of each bucket
	unit     string      // dateDay or dateMonth
	active   [2]int      // highlighted range, {-1, -1} for none
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

// set replaces the buckets (each starting on the day of days, of unit
// dateDay or dateMonth) and the highlighted range.
func (h *histogram) set(buckets []archive.FacetCount, days []time.Time, unit string, from, to int) {
	h.buckets, h.days, h.unit = buckets, days, unit
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
	r := &histogramRenderer{h: h, base: canvas.NewLine(color.Black), band: canvas.NewRectangle(color.Transparent),
		peak: canvas.NewText("", color.Black)}
	r.base.StrokeWidth = 1
	return r
}

type histogramRenderer struct {
	h      *histogram
	tickAt []int // the bucket of each tick
	bars   []*canvas.Rectangle
	base   *canvas.Line
	band   *canvas.Rectangle // behind the selected bars
	peak   *canvas.Text      // the count scale: the largest count
	ticks  []*canvas.Text
	marks  []*canvas.Line
}

// Bar area and label sizes.
const (
	barsHeight = 64
	tickGap    = 8 // the least room between two tick labels
)

func (r *histogramRenderer) Destroy() {}

func (r *histogramRenderer) textSize() float32 {
	return r.h.Theme().Size(theme.SizeNameCaptionText)
}

func (r *histogramRenderer) MinSize() fyne.Size {
	line := fyne.MeasureText("2022", r.textSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(120, barsHeight+2*line+4)
}

func (r *histogramRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(r.bars)+2*len(r.ticks)+3)
	objs = append(objs, r.band)
	for _, b := range r.bars {
		objs = append(objs, b)
	}
	objs = append(objs, r.base, r.peak)
	for i, t := range r.ticks {
		objs = append(objs, r.marks[i], t)
	}
	return objs
}

// top is the height of the count scale above the bars, bottom that of
// the tick labels below them.
func (r *histogramRenderer) margins() (top, bottom float32) {
	line := fyne.MeasureText("2022", r.textSize(), fyne.TextStyle{}).Height
	return line, line + 4
}

func (r *histogramRenderer) Layout(size fyne.Size) {
	n := len(r.h.buckets)
	top, bottom := r.margins()
	floor := size.Height - bottom
	r.base.Position1 = fyne.NewPos(0, floor-0.5)
	r.base.Position2 = fyne.NewPos(size.Width, floor-0.5)
	r.peak.Move(fyne.NewPos(0, 0))
	r.band.Hide()
	if n == 0 {
		return
	}
	peak := 1
	for _, b := range r.h.buckets {
		peak = max(peak, b.Count)
	}
	w := size.Width / float32(n)
	gap := float32(math.Min(2, float64(w)*0.2))
	room := floor - top - 1
	for i, bar := range r.bars {
		c := r.h.buckets[i].Count
		hgt := float32(0)
		if c > 0 {
			hgt = max(3, room*float32(c)/float32(peak))
		}
		bar.Move(fyne.NewPos(float32(i)*w+gap/2, floor-1-hgt))
		bar.Resize(fyne.NewSize(max(1, w-gap), hgt))
	}
	if sel := r.selection(); sel[0] >= 0 {
		r.band.Move(fyne.NewPos(float32(sel[0])*w, top))
		r.band.Resize(fyne.NewSize(float32(sel[1]-sel[0]+1)*w, floor-top))
		r.band.Show()
	}
	for i, t := range r.ticks {
		x := float32(r.tickAt[i]) * w
		r.marks[i].Position1 = fyne.NewPos(x, floor)
		r.marks[i].Position2 = fyne.NewPos(x, floor+3)
		tx := min(x, size.Width-t.MinSize().Width)
		t.Move(fyne.NewPos(max(0, tx), floor+3))
	}
}

// selection is the range drawn as selected: the one dragged, or the
// active one.
func (r *histogramRenderer) selection() [2]int {
	h := r.h
	if h.dragging {
		return [2]int{min(h.drag[0], h.drag[1]), max(h.drag[0], h.drag[1])}
	}
	return h.active
}

func (r *histogramRenderer) Refresh() {
	h := r.h
	for len(r.bars) < len(h.buckets) {
		r.bars = append(r.bars, canvas.NewRectangle(color.Transparent))
	}
	r.bars = r.bars[:len(h.buckets)]
	sel := r.selection()
	th := h.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	on := th.Color(theme.ColorNamePrimary, v)
	off := th.Color(theme.ColorNameDisabled, v)
	fg := th.Color(theme.ColorNameForeground, v)
	for i, bar := range r.bars {
		bar.FillColor = on
		if sel[0] >= 0 && (i < sel[0] || i > sel[1]) {
			bar.FillColor = off
		}
		bar.Refresh()
	}
	r.band.FillColor = th.Color(theme.ColorNameSelection, v)
	r.band.StrokeColor = on
	r.band.StrokeWidth = 1
	r.band.Refresh()
	r.base.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.base.Refresh()
	peak := 0
	for _, b := range h.buckets {
		peak = max(peak, b.Count)
	}
	r.peak.Text = ""
	if peak > 0 {
		per := "day"
		if h.unit == dateMonth {
			per = "month"
		}
		r.peak.Text = fmt.Sprintf("max %d per %s", peak, per)
	}
	r.peak.TextSize = r.textSize()
	r.peak.Color = fg
	r.peak.Refresh()
	r.makeTicks(fg, th.Color(theme.ColorNameSeparator, v))
	r.Layout(h.Size())
}

// makeTicks labels as many bucket starts as fit without overlapping, the
// coarsest first: years, then months, then days.
func (r *histogramRenderer) makeTicks(fg, mark color.Color) {
	h := r.h
	r.tickAt = r.tickAt[:0]
	width := h.Size().Width
	n := len(h.days)
	var labels []string
	if n > 0 && width > 0 {
		w := width / float32(n)
		size := r.textSize()
		for _, level := range tickLevels(h.unit) {
			at, texts := []int{}, []string{}
			for i, d := range h.days {
				if s, ok := level(d, i == 0); ok {
					at, texts = append(at, i), append(texts, s)
				}
			}
			if !fits(at, texts, w, size) {
				break
			}
			r.tickAt, labels = at, texts
		}
		if len(r.tickAt) == 0 { // not even the years fit: the first one alone
			r.tickAt, labels = []int{0}, []string{h.days[0].Format("2006")}
		}
	}
	for len(r.ticks) < len(labels) {
		r.ticks = append(r.ticks, canvas.NewText("", fg))
		r.marks = append(r.marks, canvas.NewLine(mark))
	}
	r.ticks, r.marks = r.ticks[:len(labels)], r.marks[:len(labels)]
	for i, s := range labels {
		r.ticks[i].Text = s
		r.ticks[i].TextSize = r.textSize()
		r.ticks[i].Color = fg
		r.ticks[i].Refresh()
		r.marks[i].StrokeColor = mark
		r.marks[i].StrokeWidth = 1
		r.marks[i].Refresh()
	}
}

// tickLevels are the ways of labelling bucket starts, coarsest first; each
// says whether day d gets a label (first: it is the first bucket) and
// which.
func tickLevels(unit string) []func(d time.Time, first bool) (string, bool) {
	years := func(every int) func(time.Time, bool) (string, bool) {
		return func(d time.Time, first bool) (string, bool) {
			return d.Format("2006"), first || (d.Month() == time.January && d.Day() == 1 && d.Year()%every == 0)
		}
	}
	month := func(d time.Time, first bool) (string, bool) {
		switch {
		case first || (d.Month() == time.January && d.Day() == 1):
			return d.Format("Jan 2006"), true
		case d.Day() == 1:
			return d.Format("Jan"), true
		}
		return "", false
	}
	levels := []func(time.Time, bool) (string, bool){years(10), years(5), years(2), years(1), month}
	if unit == dateDay {
		for _, every := range []int{7, 2, 1} {
			every := every
			levels = append(levels, func(d time.Time, first bool) (string, bool) {
				if s, ok := month(d, first); ok {
					if d.Day() != 1 || first {
						s = d.Format("2 Jan")
					}
					return s, true
				}
				if (d.Day()-1)%every == 0 && d.Day() < 29 {
					return d.Format("2"), true
				}
				return "", false
			})
		}
	}
	return levels
}

// fits reports whether labels at bucket indexes at, buckets w wide, leave
// tickGap between each other.
func fits(at []int, texts []string, w, size float32) bool {
	end := float32(-tickGap)
	for i, b := range at {
		x := float32(b) * w
		if x < end+tickGap {
			return false
		}
		end = x + fyne.MeasureText(texts[i], size, fyne.TextStyle{}).Width
	}
	return true
}
