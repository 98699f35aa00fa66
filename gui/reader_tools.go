package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace"
)

// readerTools is the reader's tool row: find in the article, and copy
// its citation.
type readerTools struct {
	find     *findEntry
	found    *widget.Label
	copyCite *widget.Button
	object   fyne.CanvasObject

	hits int // matches of the find text in the article
	next int // the match Enter jumps to
}

func (r *Reader) newTools() {
	t := &r.tools
	t.find = newFindEntry(r)
	t.find.SetPlaceHolder("Find in article")
	t.find.OnChanged = func(string) { r.refind() }
	t.found = widget.NewLabel("")
	t.copyCite = widget.NewButtonWithIcon("Copy citation", theme.ContentCopyIcon(), r.CopyCitation)
	t.object = container.NewBorder(nil, nil, nil, container.NewHBox(t.found, t.copyCite), t.find)
}

// findEntry is the find box: Enter jumps to the next match, Escape clears
// it.
type findEntry struct {
	widget.Entry
	r *Reader
}

func newFindEntry(r *Reader) *findEntry {
	e := &findEntry{r: r}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey jumps to the next match on Enter and clears on Escape.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.r.findNext()
	case fyne.KeyEscape:
		e.SetText("")
	default:
		e.Entry.TypedKey(ev)
	}
}

// Find highlights the words of s (each also as a prefix) in the article
// instead of the query's, and returns how many there are; an empty s
// goes back to the query's highlights.
func (r *Reader) Find(s string) int {
	r.tools.find.SetText(s) // OnChanged refinds
	return r.tools.hits
}

// refind draws the body with the find box's words marked.
func (r *Reader) refind() {
	t := &r.tools
	s := strings.TrimSpace(t.find.Text)
	t.hits, t.next = 0, 0
	if r.article == nil {
		t.found.SetText("")
		return
	}
	if s == "" {
		t.found.SetText("")
		r.showText(r.query)
		return
	}
	terms := queryTerms(s)
	for i := range terms {
		terms[i].prefix = true
	}
	var segs []widget.RichTextSegment
	for _, p := range strings.Split(r.article.Text, "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		spans := highlight(p, terms)
		for _, sp := range spans {
			if sp.marked {
				t.hits++
			}
		}
		segs = append(segs, block(segments(spans, widget.RichTextStyleInline))...)
	}
	r.body.Segments = segs
	r.body.Refresh()
	switch t.hits {
	case 0:
		t.found.SetText("not found")
	case 1:
		t.found.SetText("1 match")
	default:
		t.found.SetText(fmt.Sprintf("%d matches", t.hits))
	}
}

// findNext scrolls to the next match of the find box, as near as the
// share of text before it places it.
func (r *Reader) findNext() {
	t := &r.tools
	if t.hits == 0 {
		return
	}
	k := t.next % t.hits
	t.next++
	before, total, seen := 0, 0, 0
	for _, s := range r.body.Segments {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			continue
		}
		if ts.Style == markStyle {
			if seen == k {
				before = total
			}
			seen++
		}
		total += len(ts.Text)
	}
	if total == 0 {
		return
	}
	content := r.scroll.Content.MinSize().Height
	bodyTop := r.body.Position().Y
	y := bodyTop + r.body.Size().Height*float32(before)/float32(total) - r.scroll.Size().Height/3
	r.scroll.Offset.Y = max(0, min(y, content-r.scroll.Size().Height))
	r.scroll.Refresh()
	t.found.SetText(fmt.Sprintf("%d of %d", k+1, t.hits))
}

// Citation is the reference of the article shown: outlet, “title”, date,
// URL, and the agencies it credits; "" with no article.
func (r *Reader) Citation() string { return citation(r.article) }

// CopyCitation puts the citation of the article shown on the clipboard.
func (r *Reader) CopyCitation() {
	c := r.Citation()
	if c == "" {
		return
	}
	fyne.CurrentApp().Clipboard().SetContent(c)
	r.tools.found.SetText("citation copied")
}

func citation(a *wiretrace.Article) string {
	if a == nil {
		return ""
	}
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	date := "undated"
	if !a.Published.IsZero() {
		date = a.Published.Format("2 January 2006")
	}
	parts := nonEmpty([]string{a.Source, "“" + title + "”", date, a.URL})
	s := strings.Join(parts, ", ")
	var credits []string
	for _, c := range a.Credits {
		credits = append(credits, fmt.Sprintf("%s (%s)", c.Agency, c.Role))
	}
	if len(credits) > 0 {
		s += ". Credits: " + strings.Join(credits, ", ")
	}
	return s + "."
}
