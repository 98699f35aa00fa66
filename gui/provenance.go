package gui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/wiretrace/wiretrace"
)

// Provenance shows where an article came from: its story as a tree under
// its origin (storyGraph), the links with their kind and shares, and the
// evidence of the selected link side by side. It states what the archive
// states: two articles that share text are joined by a line, and only a
// directed link (evidence of who copied whom) is drawn or described as a
// copy.
type Provenance struct {
	widget.BaseWidget

	header   *widget.Label
	legend   *widget.Label // how to read the graph, in caption size
	graph    *storyGraph
	links    *widget.List
	evidence *fyne.Container
	evScroll *container.Scroll
	object   fyne.CanvasObject

	pv      *wiretrace.Provenance // what is shown, nil for nothing
	story   *wiretrace.Story      // &pv.Story, nil for nothing
	current int64                 // pv.Article.ID, 0 for nothing
	list    []wiretrace.Link      // pv's links, each pair once, the current article's first
	chosen  int                   // index into list, -1 for none

	// onOpen is called when the user clicks an article of the story.
	onOpen func(id int64)
}

// NewProvenance returns an empty provenance panel; onOpen is called with
// the id of an article the user clicks in the graph.
func NewProvenance(onOpen func(id int64)) *Provenance {
	p := &Provenance{onOpen: onOpen, chosen: -1}
	p.header = widget.NewLabel("")
	p.header.Wrapping = fyne.TextWrapWord
	p.legend = widget.NewLabel(legend)
	p.legend.Wrapping = fyne.TextWrapWord
	p.legend.SizeName = theme.SizeNameCaptionText
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
	top := container.New(&tightVBox{}, p.header, p.legend)
	upper := container.NewBorder(top, nil, nil, nil, container.NewScroll(p.graph))
	split := container.NewVSplit(upper, lower)
	split.Offset = 0.65
	p.object = split
	p.ExtendBaseWidget(p)
	p.Display(nil)
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *Provenance) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.object)
}

// Story returns the story shown, or nil.
func (p *Provenance) Story() *wiretrace.Story { return p.story }

// Display shows the provenance of article pv.Article.ID: its story as a
// tree, the links among the story's articles and to articles outside it,
// and their credits. A nil pv empties the panel.
func (p *Provenance) Display(pv *wiretrace.Provenance) {
	p.pv, p.story, p.current, p.chosen, p.list = pv, nil, 0, -1, nil
	if pv != nil {
		p.story, p.current = &pv.Story, pv.Article.ID
		// Links of the current article first, the strongest first, then
		// the others by share reused.
		rest := slices.Concat(pv.Links, pv.Outside)
		slices.SortStableFunc(rest, func(a, b wiretrace.Link) int { return cmp.Compare(b.Reused, a.Reused) })
		seen := map[[2]int64]bool{}
		for _, l := range slices.Concat(pv.LinksOf(p.current), rest) {
			if k := [2]int64{l.From, l.To}; !seen[k] {
				seen[k] = true
				p.list = append(p.list, l)
			}
		}
	}
	story := p.story
	switch {
	case pv == nil:
		p.header.SetText("Select an article to see where its text came from.")
	case len(story.Articles) <= 1 && len(p.list) == 0:
		msg := "No provenance found: this article shares no text with another article of the archive."
		if story.OriginAgency != "" {
			msg += " It credits " + story.OriginAgency + " as its supplier."
		}
		p.header.SetText(msg)
	default:
		p.header.SetText(fmt.Sprintf("%s: %d articles, %d links.", originPhrase(pv), len(story.Articles), len(p.list)))
	}
	p.legend.Hidden = pv == nil || len(story.Articles) <= 1 && len(p.list) == 0
	p.links.UnselectAll()
	p.links.Refresh()
	p.graph.set(pv, p.list)
	p.showEvidence()
}

// showError empties the panel and says why the provenance of the open
// article could not be read.
func (p *Provenance) showError(err error) {
	p.Display(nil)
	p.header.SetText("Cannot read where this article came from: " + oneLine(err.Error()))
}

// name is how an article is called in the panel: its outlet and language.
func (p *Provenance) name(id int64) string {
	var src, lang string
	if m, ok := p.member(id); ok {
		src, lang = m.Source, m.Language
	} else if b, ok := p.brief(id); ok {
		src, lang = b.Source, b.Language
	} else {
		return fmt.Sprintf("article #%d", id)
	}
	if src == "" {
		src = fmt.Sprintf("#%d", id)
	}
	if lang != "" {
		src += " (" + lang + ")"
	}
	return src
}

// member returns the story's member id, if it is one.
func (p *Provenance) member(id int64) (wiretrace.StoryMember, bool) {
	if p.pv == nil {
		return wiretrace.StoryMember{}, false
	}
	return p.pv.Member(id)
}

// brief returns the metadata of article id (a member, or the far end of
// an outside link), if the provenance has it.
func (p *Provenance) brief(id int64) (wiretrace.Article, bool) {
	if p.pv == nil {
		return wiretrace.Article{}, false
	}
	b, ok := p.pv.Briefs[id]
	return b, ok
}

// legend says how to read the graph.
const legend = "Lines join articles that share text; arrows only where there is evidence of copying. Orange: translation; dashed: cites. Click an article to open it."

// tightVBox stacks objects with no padding between them.
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if o.Visible() {
			m := o.MinSize()
			s = fyne.NewSize(max(s.Width, m.Width), s.Height+m.Height)
		}
	}
	return s
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h := o.MinSize().Height
			o.Move(fyne.NewPos(0, y))
			o.Resize(fyne.NewSize(size.Width, h))
			y += h - theme.Padding()
		}
	}
}

// originPhrase names a story by its origin: "Story of the AFP dispatch
// (not in the archive)".
func originPhrase(pv *wiretrace.Provenance) string {
	st := &pv.Story
	switch {
	case st.OriginKind == wiretrace.OriginAgency && st.OriginAgency != "":
		return "Story of the " + st.OriginAgency + " dispatch (not in the archive)"
	case st.OriginKind == wiretrace.OriginUnknown:
		return "Story of a common source that is not in the archive"
	case st.OriginKind == wiretrace.OriginArticle:
		m, _ := pv.Member(st.OriginArticle)
		src := m.Source
		if src == "" {
			src = fmt.Sprintf("article #%d", st.OriginArticle)
		}
		if st.OriginAgency != "" {
			return "Story of " + src + "'s article, supplied by " + st.OriginAgency
		}
		return "Story of " + src + "'s article"
	case st.OriginAgency != "":
		return "Story crediting " + st.OriginAgency
	}
	return "Story"
}

// linkLine describes a link as the archive states it: "DNA (en) and The
// Times of Israel (en) share text · 93% of DNA (en), 38% of The Times of
// Israel (en)" when undirected, "A → B · copied · 82% of A reused ·
// evidence: credit" when directed.
func (p *Provenance) linkLine(l wiretrace.Link) string {
	a, b := p.name(l.From), p.name(l.To)
	tr := l.Kind == wiretrace.LinkTranslation
	if !l.Directed {
		what := "share text"
		if tr {
			what = "are translations of each other"
		}
		// Reused is the share of From's text found in To, ReusedOfCopy
		// the share of To's text found in From.
		return fmt.Sprintf("%s and %s %s · %.0f%% of %s, %.0f%% of %s", a, b, what, 100*l.Reused, a, 100*l.ReusedOfCopy, b)
	}
	what := "copied"
	if tr {
		what = "translated"
	}
	s := fmt.Sprintf("%s → %s · %s · %.0f%% of the original reused", a, b, what, 100*l.Reused)
	if len(l.DirectionEvidence) > 0 {
		s += " · evidence: " + strings.ReplaceAll(strings.Join(l.DirectionEvidence, ", "), "_", " ")
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
	head := widget.NewLabelWithStyle(p.linkLine(l), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord // a long line must not widen the panel
	objs := []fyne.CanvasObject{head}
	switch {
	case l.Directed && l.DirectionReason != "":
		objs = append(objs, wrapLabel("Why this direction: "+l.DirectionReason))
	case !l.Directed:
		why := "no evidence of who copied whom"
		if l.DirectionReason != "" {
			why = l.DirectionReason
		}
		objs = append(objs, wrapLabel("Direction: none drawn ("+why+")."))
	}
	if c := p.changesLine(l); c != "" {
		objs = append(objs, wrapLabel(c))
	}
	minRun := 3
	if l.Kind == wiretrace.LinkTranslation {
		minRun = 1 // names and figures are what a translation keeps
	}
	left, right := p.name(l.From), p.name(l.To)
	if l.Directed {
		left, right = "Original: "+left, "Copy: "+right
	}
	objs = append(objs, container.NewGridWithColumns(2,
		widget.NewLabelWithStyle(left, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(right, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})))
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

// changesLine summarises what the copy changed, or, for an undirected
// link, how the two differ (without saying who changed what).
func (p *Provenance) changesLine(l wiretrace.Link) string {
	c := l.Changes
	var parts []string
	if !l.Directed {
		if c.NewHeadline {
			parts = append(parts, "different headlines")
		}
		if n := len(c.Cut); n > 0 {
			parts = append(parts, fmt.Sprintf("%d paragraph(s) only in %s", n, p.name(l.From)))
		}
		if n := len(c.Added); n > 0 {
			parts = append(parts, fmt.Sprintf("%d paragraph(s) only in %s", n, p.name(l.To)))
		}
		for _, a := range c.Altered {
			parts = append(parts, "differs: "+a)
		}
		if len(parts) == 0 {
			return ""
		}
		return "Differences: " + strings.Join(parts, "; ")
	}
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
