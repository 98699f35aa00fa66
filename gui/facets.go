package gui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace/archive"
)

// Date histogram granularities.
const (
	dateAuto  = "Auto"
	dateDay   = "Day"
	dateMonth = "Month"
)

// firstChecks is how many values of a facet are listed as checkboxes at
// first, the most frequent; a "Show more" button lists moreChecks more,
// and the source filter box finds any outlet.
const (
	firstChecks = 12
	moreChecks  = 50
)

// facetPanel shows the facets of the current match set: outlets (with a
// filter box), a date histogram, languages and agencies. Ticking a value
// or selecting dates calls the Browser, which searches again.
type facetPanel struct {
	b *Browser

	sourceFilter *widget.Entry
	sourceBox    *fyne.Container
	more         map[string]*widget.Button           // facet -> its "Show more" button
	limit        map[string]int                      // facet -> values listed
	checks       map[string]map[string]*widget.Check // facet -> value -> check
	pool         map[string][]*widget.Check          // facet -> checks made so far, reused

	dates

	langBox   *fyne.Container
	agencyBox *fyne.Container

	facets archive.Facets
	object fyne.CanvasObject
}

func newFacetPanel(b *Browser) *facetPanel {
	p := &facetPanel{b: b, checks: map[string]map[string]*widget.Check{}, pool: map[string][]*widget.Check{},
		more: map[string]*widget.Button{}, limit: map[string]int{}}
	for _, facet := range []string{"source", "language", "agency"} {
		facet := facet
		btn := widget.NewButton("", func() {
			p.limit[facet] = p.limitOf(facet) + moreChecks
			p.set(p.facets)
		})
		btn.Importance = widget.LowImportance
		btn.Alignment = widget.ButtonAlignLeading
		btn.Hide()
		p.more[facet] = btn
	}
	p.sourceFilter = widget.NewEntry()
	p.sourceFilter.SetPlaceHolder("Filter sources")
	p.sourceFilter.OnChanged = func(string) { p.showSources() }
	p.sourceBox = container.NewVBox()

	p.newDates()

	p.langBox = container.NewVBox()
	p.agencyBox = container.NewVBox()

	heading := func(s string) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return l
	}
	p.object = container.NewVScroll(container.NewVBox(
		// The dates first, where the lists below cannot move them.
		container.NewBorder(nil, nil, heading("Dates"), container.NewHBox(p.zoom, p.clearDate)),
		p.dateRange,
		// Clear of the panel's scroll bar.
		container.NewBorder(nil, nil, nil, gap(theme.Padding()*2), p.histo),
		p.dateInfo,
		p.dateMode,
		p.undated,
		widget.NewSeparator(),
		heading("Sources"),
		p.sourceFilter,
		p.sourceBox,
		p.more["source"],
		widget.NewSeparator(),
		heading("Languages"),
		p.langBox,
		p.more["language"],
		widget.NewSeparator(),
		heading("Agencies (supplied or cited)"),
		p.agencyBox,
		p.more["agency"],
	))
	return p
}

// set shows new facet counts.
func (p *facetPanel) set(f archive.Facets) {
	p.facets = f
	p.showSources()
	p.showDates()
	p.fill(p.langBox, "language", f.Language, p.b.languages, languageName)
	p.fill(p.agencyBox, "agency", f.Agency, p.b.agencies, nil)
	// The lists changed length: lay the panel out again, so that no
	// section is drawn over the next.
	if s, ok := p.object.(*container.Scroll); ok {
		s.Content.Refresh()
	}
}

func (p *facetPanel) showSources() {
	filter := fold(strings.TrimSpace(p.sourceFilter.Text))
	var list []archive.FacetCount
	for _, fc := range p.facets.Source {
		if filter == "" || strings.Contains(fold(fc.Value), filter) || p.b.sources[fc.Value] {
			list = append(list, fc)
		}
	}
	p.fill(p.sourceBox, "source", list, p.b.sources, nil)
}

func (p *facetPanel) limitOf(facet string) int {
	if n := p.limit[facet]; n > 0 {
		return n
	}
	return firstChecks
}

// fill lists the values of a facet as checkboxes ticked from selected;
// ticked values missing from counts stay listed with a zero count so that
// they can be unticked.
func (p *facetPanel) fill(box *fyne.Container, facet string, all []archive.FacetCount, selected map[string]bool, name func(string) string) {
	// Every ticked value first, pinned at the top, then the most frequent
	// others.
	var counts, rest []archive.FacetCount
	hidden := 0
	for _, fc := range all {
		if selected[fc.Value] {
			counts = append(counts, fc)
		}
	}
	for _, v := range keys(selected) {
		if !slices.ContainsFunc(counts, func(fc archive.FacetCount) bool { return fc.Value == v }) {
			counts = append(counts, archive.FacetCount{Value: v})
		}
	}
	for _, fc := range all {
		switch {
		case selected[fc.Value]:
		case len(rest) < p.limitOf(facet):
			rest = append(rest, fc)
		default:
			hidden++
		}
	}
	counts = append(counts, rest...)
	if btn := p.more[facet]; btn != nil {
		if hidden > 0 {
			btn.SetText(fmt.Sprintf("Show more (%d hidden)", hidden))
			btn.Show()
		} else {
			btn.Hide()
		}
	}
	checks := map[string]*widget.Check{}
	objs := make([]fyne.CanvasObject, 0, len(counts))
	for _, fc := range counts {
		label := fc.Value
		if name != nil {
			label = name(fc.Value)
		}
		if label == "" {
			label = "(unknown)"
		}
		// Reuse the checks made for earlier results: setting the fields
		// directly does not call OnChanged.
		var c *widget.Check
		if i := len(objs); i < len(p.pool[facet]) {
			c = p.pool[facet][i]
		} else {
			c = widget.NewCheck("", nil)
			p.pool[facet] = append(p.pool[facet], c)
		}
		c.Text = fmt.Sprintf("%s (%d)", label, fc.Count)
		c.Checked = selected[fc.Value]
		v := fc.Value
		c.OnChanged = func(on bool) { p.b.toggle(facet, v, on) }
		c.Refresh()
		checks[v] = c
		objs = append(objs, c)
	}
	if len(objs) == 0 {
		l := widget.NewLabelWithStyle("none", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		objs = append(objs, l)
	}
	p.checks[facet] = checks
	box.Objects = objs
	box.Refresh()
}

// languageName names common ISO 639-1 codes: "fr" becomes "French (fr)".
func languageName(code string) string {
	names := map[string]string{
		"en": "English", "fr": "French", "de": "German", "es": "Spanish",
		"it": "Italian", "pt": "Portuguese", "ru": "Russian", "zh": "Chinese",
		"ja": "Japanese", "ar": "Arabic", "nl": "Dutch", "pl": "Polish",
		"tr": "Turkish", "uk": "Ukrainian", "kk": "Kazakh", "th": "Thai",
		"ko": "Korean", "hi": "Hindi", "ur": "Urdu", "fa": "Persian",
	}
	if n, ok := names[code]; ok {
		return n + " (" + code + ")"
	}
	return code
}

// gap is empty room w wide.
func gap(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return r
}
