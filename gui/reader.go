package gui

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// Reader shows one article: title, metadata, the original URL and the text
// with the words of the current query highlighted.
type Reader struct {
	widget.BaseWidget

	title   *widget.RichText
	meta    *widget.Label
	credits *widget.Label
	link    *widget.Hyperlink
	body    *widget.RichText
	scroll  *container.Scroll

	// The banner over an article that is not among the current results.
	stale       *fyne.Container
	staleText   *widget.Label
	staleAction *widget.Button

	tools readerTools

	article *wiretrace.Article
	query   string // the query highlighted
}

// NewReader returns an empty reader.
func NewReader() *Reader {
	r := &Reader{}
	r.title = widget.NewRichText()
	r.title.Wrapping = fyne.TextWrapWord
	r.meta = widget.NewLabel("")
	r.meta.Wrapping = fyne.TextWrapWord
	r.credits = widget.NewLabel("")
	r.credits.Wrapping = fyne.TextWrapWord
	r.credits.Importance = widget.MediumImportance
	r.link = widget.NewHyperlink("", nil)
	r.link.Wrapping = fyne.TextWrapBreak
	r.body = widget.NewRichText()
	r.body.Wrapping = fyne.TextWrapWord
	r.scroll = container.NewVScroll(container.NewVBox(r.title, r.meta, r.credits, r.link, widget.NewSeparator(), r.body))
	r.staleText = widget.NewLabel("")
	r.staleText.Wrapping = fyne.TextWrapWord
	r.staleText.Importance = widget.WarningImportance
	r.staleAction = widget.NewButton("", nil)
	r.stale = container.NewBorder(nil, widget.NewSeparator(), nil, r.staleAction, r.staleText)
	r.stale.Hide()
	r.newTools()
	r.ExtendBaseWidget(r)
	r.Display(nil, "")
	return r
}

// Article returns the article shown, or nil.
func (r *Reader) Article() *wiretrace.Article { return r.article }

// Display shows a (nil for none) with the words of query highlighted the
// way the archive matches them (archive.HighlightQuery).
func (r *Reader) Display(a *wiretrace.Article, query string) {
	r.article, r.query = a, query
	r.SetStale("", "", nil)
	r.tools.find.SetText("")
	r.tools.found.SetText("")
	if a == nil {
		r.title.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: "No article selected", Style: widget.RichTextStyleSubHeading}}
		r.title.Refresh()
		r.meta.SetText("Type in the search box, then pick a result (↑ ↓ to move, Enter to open).")
		r.credits.SetText("")
		r.link.Hide()
		r.body.Segments = nil
		r.body.Refresh()
		return
	}
	r.showText(query)
	r.meta.SetText(metaLine(a))
	r.credits.SetText(creditLine(a))
	if u, err := url.Parse(a.URL); err == nil && a.URL != "" {
		r.link.SetText(a.URL)
		r.link.SetURL(u)
		r.link.Show()
	} else {
		r.link.Hide()
	}
	r.scroll.Content.Refresh() // the link may have appeared or gone
	r.scroll.ScrollToTop()
}

// Highlight marks the words of query in the article shown, keeping the
// scroll position; it does nothing when query is already highlighted.
func (r *Reader) Highlight(query string) {
	if r.article == nil || query == r.query {
		return
	}
	r.query = query
	if strings.TrimSpace(r.tools.find.Text) != "" {
		return // the find box's highlights stay
	}
	r.showText(query)
}

// Query returns the query whose words are highlighted.
func (r *Reader) Query() string { return r.query }

// showText draws the title and the body with the words of query marked.
func (r *Reader) showText(query string) {
	a := r.article
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	r.title.Segments = block(segments(parseMarks(archive.HighlightQuery(title, query)), widget.RichTextStyleSubHeading))
	for _, s := range r.title.Segments {
		if t, ok := s.(*widget.TextSegment); ok {
			t.Style.SizeName = widget.RichTextStyleSubHeading.SizeName
			t.Style.TextStyle.Bold = true
		}
	}
	r.title.Refresh()
	r.body.Segments = paragraphs(a.Text, query)
	r.body.Refresh()
}

// SetStale shows msg in a banner over the article, with a button labelled
// action that calls do; an empty msg hides the banner.
func (r *Reader) SetStale(msg, action string, do func()) {
	if msg == "" {
		r.stale.Hide()
		return
	}
	r.staleText.SetText(msg)
	r.staleAction.SetText(action)
	r.staleAction.OnTapped = do
	if do == nil {
		r.staleAction.Hide()
	} else {
		r.staleAction.Show()
	}
	r.stale.Show()
}

// Stale returns the banner's message, "" when it is hidden.
func (r *Reader) Stale() string {
	if !r.stale.Visible() {
		return ""
	}
	return r.staleText.Text
}

// metaLine is the outlet, date, language, byline and origin of a.
func metaLine(a *wiretrace.Article) string {
	parts := []string{a.Source}
	if a.Published.IsZero() {
		parts = append(parts, "undated")
	} else {
		parts = append(parts, a.Published.Format("2 Jan 2006"))
	}
	if a.Language != "" {
		parts = append(parts, languageName(a.Language))
	}
	if a.Byline != "" {
		parts = append(parts, "by "+a.Byline)
	}
	if a.Dateline != "" {
		parts = append(parts, "dateline "+a.Dateline)
	}
	if a.Origin != "" {
		parts = append(parts, "file "+a.Origin)
	}
	return strings.Join(nonEmpty(parts), " · ")
}

// creditLine lists the agencies a credits and how.
func creditLine(a *wiretrace.Article) string {
	if len(a.Credits) == 0 {
		return "No wire agency credited"
	}
	var parts []string
	for _, c := range a.Credits {
		parts = append(parts, fmt.Sprintf("%s (%s)", c.Agency, c.Role))
	}
	return "Credits: " + strings.Join(parts, ", ")
}

func nonEmpty(ss []string) []string {
	out := ss[:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// CreateRenderer is part of fyne.Widget.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(container.NewVBox(r.stale, r.tools.object), nil, nil, nil, r.scroll))
}
