package gui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace/archive"
)

// resultList lists the hits of the current search.
type resultList struct {
	widget.List
	b *Browser
}

func newResultList(b *Browser) *resultList {
	l := &resultList{b: b}
	l.Length = func() int { return len(b.hits) }
	l.CreateItem = func() fyne.CanvasObject { return newResultRow() }
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(b.hits) {
			o.(*resultRow).set(b.hits[i])
		}
	}
	l.OnSelected = func(i widget.ListItemID) {
		if b.syncing || i >= len(b.hits) {
			return
		}
		if b.hits[i].ID != b.selected {
			b.Open(b.hits[i].ID, false)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey selects with the arrow keys and opens with Enter.
func (l *resultList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		l.b.move(1)
	case fyne.KeyUp:
		l.b.move(-1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		l.b.enter()
	default:
		l.List.TypedKey(ev)
	}
}

// resultRow is one hit: title, then outlet · date · language, then the
// snippet with the matches highlighted.
type resultRow struct {
	widget.BaseWidget
	title   *widget.Label
	meta    *widget.Label
	snippet *widget.RichText
	spans   []span // the whole snippet

	fitted     bool    // set once the snippet was cut to fittedRoom
	fittedRoom float32 // the width of text it was cut to
}

func newResultRow() *resultRow {
	r := &resultRow{
		title:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		meta:    widget.NewLabel(""),
		snippet: widget.NewRichText(),
	}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.meta.Importance = widget.MediumImportance // LowImportance is the disabled colour: unreadable
	r.meta.SizeName = theme.SizeNameCaptionText
	r.snippet.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

func (r *resultRow) set(h archive.Hit) {
	title := h.Title
	if title == "" {
		title = "(untitled)"
	}
	r.title.SetText(title)
	r.meta.SetText(hitMeta(h))
	snip := h.Snippet
	if snip == "" {
		snip = "…"
	}
	r.spans = parseMarks(strings.Join(strings.Fields(snip), " "))
	r.fitted = false
	r.fit(r.Size().Width)
}

// fit shows as much of the snippet as fits in snippetLines lines of width
// w, cutting it at a word with an ellipsis. The text is measured in the
// row's font, so that wide glyphs (Chinese, Japanese, Korean) are cut
// sooner than Latin letters.
func (r *resultRow) fit(w float32) {
	if w <= 0 {
		w = 400
	}
	th := r.Theme()
	size := th.Size(theme.SizeNameText)
	// A line loses up to a word's width to wrapping, and a highlight may
	// start a line of its own: keep a fifth in hand.
	room := float32(snippetLines) * (w - 2*th.Size(theme.SizeNameInnerPadding)) * 0.8
	if room == r.fittedRoom && r.fitted {
		return
	}
	r.fittedRoom, r.fitted = room, true
	ellipsis := fyne.MeasureText("…", size, fyne.TextStyle{}).Width
	var out []span
	used := float32(0)
	for i, sp := range r.spans {
		style := fyne.TextStyle{Bold: sp.marked}
		width := fyne.MeasureText(sp.text, size, style).Width
		last := i == len(r.spans)-1
		if used+width <= room && (last || used+width+ellipsis <= room) {
			out = append(out, sp)
			used += width
			continue
		}
		cut := ""
		if !sp.marked { // a highlight is shown whole or not at all
			cut = fitPrefix(sp.text, room-used-ellipsis, size, style)
		}
		out = append(out, span{text: cut}, span{text: "…"})
		break
	}
	r.snippet.Segments = segments(out, widget.RichTextStyleInline)
	r.snippet.Refresh()
}

// fitPrefix returns the longest prefix of s no wider than room, cut after
// a space when s has one there (CJK text, without spaces, is cut
// anywhere).
func fitPrefix(s string, room float32, size float32, style fyne.TextStyle) string {
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest fitting prefix has lo..hi runes
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid]), size, style).Width <= room {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	cut := string(rs[:lo])
	if lo < len(rs) && !unicode.IsSpace(rs[lo]) {
		if i := strings.LastIndex(cut, " "); i > 0 {
			cut = cut[:i+1]
		}
	}
	return cut
}

// hitMeta is "The Epoch Times · 12 Jan 2022 · French (fr) · AFP".
func hitMeta(h archive.Hit) string {
	date := "undated"
	if !h.Published.IsZero() {
		date = h.Published.Format("2 Jan 2006")
	}
	parts := []string{h.Source, date}
	if h.Language != "" {
		parts = append(parts, languageName(h.Language))
	}
	if len(h.Credits) > 0 {
		parts = append(parts, strings.Join(h.Credits, ", "))
	}
	return strings.Join(nonEmpty(parts), " · ")
}

// CreateRenderer is part of fyne.Widget.
func (r *resultRow) CreateRenderer() fyne.WidgetRenderer {
	return &rowRenderer{r: r}
}

type rowRenderer struct{ r *resultRow }

func (rr *rowRenderer) Destroy() {}
func (rr *rowRenderer) Refresh() {
	rr.r.title.Refresh()
	rr.r.meta.Refresh()
	rr.r.snippet.Refresh()
}
func (rr *rowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.title, rr.r.meta, rr.r.snippet}
}

// snippetLines is how many lines of snippet a row shows.
const snippetLines = 3

func (rr *rowRenderer) MinSize() fyne.Size {
	th := rr.r.Theme()
	line := fyne.MeasureText("Mg", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
	t := rr.r.title.MinSize()
	m := rr.r.meta.MinSize()
	pad := th.Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(100, t.Height+m.Height-pad+float32(snippetLines)*line+pad)
}

func (rr *rowRenderer) Layout(size fyne.Size) {
	th := rr.r.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	t := rr.r.title.MinSize()
	m := rr.r.meta.MinSize()
	rr.r.title.Move(fyne.NewPos(0, 0))
	rr.r.title.Resize(fyne.NewSize(size.Width, t.Height))
	rr.r.meta.Move(fyne.NewPos(0, t.Height-pad))
	rr.r.meta.Resize(fyne.NewSize(size.Width, m.Height))
	y := t.Height + m.Height - 2*pad
	rr.r.fit(size.Width)
	rr.r.snippet.Move(fyne.NewPos(0, y))
	rr.r.snippet.Resize(fyne.NewSize(size.Width, size.Height-y))
}
