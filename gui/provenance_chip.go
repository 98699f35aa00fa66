package gui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chipStyle is what a chip of the story graph stands for.
type chipStyle int

const (
	chipArticle chipStyle = iota // an article of the archive
	chipOrigin                   // an original not in the archive (agency dispatch, unknown source)
	chipCited                    // an agency an article only cites
	chipLabel                    // the label of a link
	chipNote                     // a caption on a line ("cites"), not a box
)

// chip is a tappable rounded box: a node of the story graph (a title that
// wraps onto two lines, then one-line details and an optional badge) or
// the one-line label of a link.
type chip struct {
	widget.BaseWidget
	lines       []string // lines[0] is the title; it wraps, the others are cut
	badge       string   // drawn as a pill under the lines ("AP photos")
	warnLine    int      // index of a line drawn in the warning colour, 0 for none
	onTap       func()
	style       chipStyle
	current     bool // the article shown, or the link selected
	translation bool
	tooltip     string
}

var (
	_ fyne.Tappable      = (*chip)(nil)
	_ desktop.Cursorable = (*chip)(nil)
)

func newChip(style chipStyle, lines []string, onTap func()) *chip {
	c := &chip{lines: lines, onTap: onTap, style: style}
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

// Text returns the chip's lines (and badge) joined by newlines.
func (c *chip) Text() string {
	s := strings.Join(c.lines, "\n")
	if c.badge != "" {
		s += "\n" + c.badge
	}
	return s
}

// small reports whether the chip is a one-line label.
func (c *chip) small() bool { return c.style == chipLabel || c.style == chipNote }

// Chip padding and the number of lines a title may wrap onto.
const (
	chipPadX, chipPadY = 6, 3
	maxLineRows        = 2
)

func (c *chip) textSize(i int) float32 {
	th := c.Theme()
	if i > 0 || c.small() {
		return th.Size(theme.SizeNameCaptionText)
	}
	return th.Size(theme.SizeNameText)
}

func (c *chip) titleStyle() fyne.TextStyle { return fyne.TextStyle{Bold: !c.small()} }

// row is one drawn row of a chip: text of its line line.
type row struct {
	text string
	line int
}

// rows returns the text drawn in a chip of width w: each line wrapped
// onto at most two rows, cut with an ellipsis only beyond.
func (c *chip) rows(w float32) []row {
	inner := w - 2*chipPadX
	var out []row
	for i, l := range c.lines {
		st := fyne.TextStyle{}
		if i == 0 {
			st = c.titleStyle()
		}
		for _, t := range wrapText(l, inner, c.textSize(i), st, maxLineRows) {
			out = append(out, row{t, i})
		}
	}
	return out
}

// heightFor is the height the chip needs at width w.
func (c *chip) heightFor(w float32) float32 {
	h := float32(2 * chipPadY)
	for _, r := range c.rows(w) {
		h += fyne.MeasureText("Mg", c.textSize(r.line), fyne.TextStyle{}).Height
	}
	if c.badge != "" {
		h += fyne.MeasureText("Mg", c.textSize(1), fyne.TextStyle{}).Height + 4
	}
	return h
}

// titleWidth is the width the title needs on one line, padding included.
func (c *chip) titleWidth() float32 {
	if len(c.lines) == 0 {
		return 0
	}
	return fyne.MeasureText(c.lines[0], c.textSize(0), c.titleStyle()).Width + 2*chipPadX
}

// CreateRenderer is part of fyne.Widget.
func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c, bg: canvas.NewRectangle(color.Transparent),
		pill: canvas.NewRectangle(color.Transparent), pillText: canvas.NewText("", color.Black)}
	r.Refresh()
	return r
}

type chipRenderer struct {
	c        *chip
	bg       *canvas.Rectangle
	texts    []*canvas.Text
	pill     *canvas.Rectangle
	pillText *canvas.Text
}

func (r *chipRenderer) Destroy() {}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg}
	for _, t := range r.texts {
		objs = append(objs, t)
	}
	return append(objs, r.pill, r.pillText)
}

func (r *chipRenderer) MinSize() fyne.Size {
	c := r.c
	w := float32(0)
	for i, l := range c.lines {
		st := fyne.TextStyle{}
		if i == 0 {
			st = c.titleStyle()
		}
		w = max(w, fyne.MeasureText(l, c.textSize(i), st).Width)
	}
	w += 2 * chipPadX
	return fyne.NewSize(w, c.heightFor(w))
}

// sync makes one canvas.Text per row drawn at width w.
func (r *chipRenderer) sync(w float32) {
	c := r.c
	rows := c.rows(w)
	for len(r.texts) < len(rows) {
		r.texts = append(r.texts, canvas.NewText("", color.Black))
	}
	r.texts = r.texts[:len(rows)]
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	if c.current && !c.small() {
		fg = th.Color(theme.ColorNameForegroundOnPrimary, v)
	}
	for i, t := range r.texts {
		line := rows[i].line
		t.Text = rows[i].text
		t.TextStyle = fyne.TextStyle{}
		if line == 0 {
			t.TextStyle = c.titleStyle()
		}
		t.TextSize = c.textSize(line)
		t.Color = fg
		switch {
		case line > 0 && line == c.warnLine && !c.current:
			t.Color = th.Color(theme.ColorNameWarning, v)
		case line > 0 && !c.current:
			t.Color = th.Color(theme.ColorNamePlaceHolder, v)
		case c.style == chipNote:
			t.Color = th.Color(theme.ColorNamePlaceHolder, v)
		}
	}
}

func (r *chipRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.sync(size.Width)
	h := float32(0)
	for _, t := range r.texts {
		h += t.MinSize().Height
	}
	pillH := float32(0)
	if r.c.badge != "" {
		pillH = r.pillText.MinSize().Height + 4
	}
	y := (size.Height - h - pillH) / 2
	for _, t := range r.texts {
		s := t.MinSize()
		t.Move(fyne.NewPos(chipPadX, y))
		t.Resize(fyne.NewSize(size.Width-2*chipPadX, s.Height))
		y += s.Height
	}
	if r.c.badge != "" {
		r.pillText.Text = fitText(r.c.badge, size.Width-2*chipPadX-8, r.pillText.TextSize, fyne.TextStyle{})
		s := r.pillText.MinSize()
		r.pill.Move(fyne.NewPos(chipPadX, y+2))
		r.pill.Resize(fyne.NewSize(s.Width+8, s.Height))
		r.pillText.Move(fyne.NewPos(chipPadX+4, y+2))
		r.pillText.Resize(s)
	}
}

func (r *chipRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.CornerRadius = 6
	r.bg.StrokeWidth = 1
	r.bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	switch {
	case c.style == chipNote:
		r.bg.FillColor, r.bg.StrokeWidth = th.Color(theme.ColorNameBackground, v), 0
	case c.current && !c.small():
		r.bg.FillColor = th.Color(theme.ColorNamePrimary, v)
	case c.current:
		r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		r.bg.StrokeWidth = 2
	case c.style == chipOrigin:
		r.bg.FillColor = th.Color(theme.ColorNameButton, v)
		r.bg.StrokeColor = th.Color(theme.ColorNameSuccess, v)
		r.bg.StrokeWidth = 2
	case c.style == chipCited:
		r.bg.FillColor = th.Color(theme.ColorNameBackground, v)
		r.bg.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	case c.small():
		r.bg.FillColor = th.Color(theme.ColorNameBackground, v)
	}
	if c.translation {
		r.bg.StrokeColor = th.Color(theme.ColorNameWarning, v)
	}
	r.pill.CornerRadius = 4
	r.pill.FillColor = th.Color(theme.ColorNameHover, v)
	r.pill.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.pill.StrokeWidth = 1
	r.pillText.TextSize = th.Size(theme.SizeNameCaptionText)
	r.pillText.Color = th.Color(theme.ColorNameForeground, v)
	if c.current {
		r.pillText.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
	}
	r.pill.Hidden = c.badge == ""
	r.pillText.Hidden = c.badge == ""
	r.Layout(c.Size())
	for _, t := range r.texts {
		t.Refresh()
	}
	r.bg.Refresh()
	r.pill.Refresh()
	r.pillText.Refresh()
}

// wrapText breaks s into at most n lines of width w at spaces; the last
// line is cut with an ellipsis if the rest does not fit.
func wrapText(s string, w, size float32, style fyne.TextStyle, n int) []string {
	fits := func(t string) bool { return w <= 0 || fyne.MeasureText(t, size, style).Width <= w }
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var out []string
	cur := ""
	for i, word := range words {
		next := strings.TrimSpace(cur + " " + word)
		if fits(next) || cur == "" {
			cur = next
			continue
		}
		if len(out) == n-1 {
			cur = strings.Join(append([]string{cur}, words[i:]...), " ")
			break
		}
		out = append(out, cur)
		cur = word
	}
	out = append(out, cur)
	for i := range out {
		out[i] = fitText(out[i], w, size, style)
	}
	return out
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
