package gui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
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

	histo     *histogram
	dateMode  *widget.RadioGroup
	dateInfo  *widget.Label
	dateRange *widget.Label
	clearDate *widget.Button
	undated   *widget.Label
	days      []time.Time // first day of each histogram bucket
	unit      string      // dateDay or dateMonth, as drawn

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

	p.histo = newHistogram()
	p.histo.onSelect = p.selectBuckets
	p.histo.onHover = p.hover
	p.dateMode = widget.NewRadioGroup([]string{dateAuto, dateDay, dateMonth}, func(string) { p.showDates() })
	p.dateMode.Horizontal = true
	p.dateMode.Required = true
	p.dateMode.Selected = dateAuto
	p.dateInfo = widget.NewLabel("")
	p.dateInfo.Importance = widget.LowImportance
	p.dateInfo.Truncation = fyne.TextTruncateEllipsis
	p.dateRange = widget.NewLabel("All dates")
	p.dateRange.Truncation = fyne.TextTruncateEllipsis
	p.clearDate = widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), func() { b.setDates(time.Time{}, time.Time{}) })
	p.clearDate.Importance = widget.LowImportance
	p.clearDate.Disable()
	p.undated = widget.NewLabel("")
	p.undated.Importance = widget.LowImportance

	p.langBox = container.NewVBox()
	p.agencyBox = container.NewVBox()

	heading := func(s string) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return l
	}
	p.object = container.NewVScroll(container.NewVBox(
		heading("Sources"),
		p.sourceFilter,
		p.sourceBox,
		p.more["source"],
		widget.NewSeparator(),
		container.NewBorder(nil, nil, heading("Dates"), p.clearDate),
		p.dateRange,
		p.histo,
		p.dateInfo,
		p.dateMode,
		p.undated,
		widget.NewSeparator(),
		heading("Languages"),
		p.langBox,
		p.more["language"],
		widget.NewSeparator(),
		heading("Wire agencies"),
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
	// The most frequent values, and every ticked one.
	var counts []archive.FacetCount
	hidden := 0
	for _, fc := range all {
		if selected[fc.Value] || len(counts) < p.limitOf(facet) {
			counts = append(counts, fc)
		} else {
			hidden++
		}
	}
	if btn := p.more[facet]; btn != nil {
		if hidden > 0 {
			btn.SetText(fmt.Sprintf("Show more (%d hidden)", hidden))
			btn.Show()
		} else {
			btn.Hide()
		}
	}
	for v := range selected {
		if !slices.ContainsFunc(counts, func(fc archive.FacetCount) bool { return fc.Value == v }) {
			counts = append(counts, archive.FacetCount{Value: v})
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
		l := widget.NewLabel("none")
		l.Importance = widget.LowImportance
		objs = append(objs, l)
	}
	p.checks[facet] = checks
	box.Objects = objs
	box.Refresh()
}

// showDates draws the histogram in the granularity chosen (or, in Auto,
// days for spans up to two months and months beyond).
func (p *facetPanel) showDates() {
	f := p.facets
	unit := p.dateMode.Selected
	if unit == dateAuto || unit == "" {
		unit = dateMonth
		if len(f.Day) > 0 {
			first, _ := time.Parse(time.DateOnly, f.Day[0].Value)
			last, _ := time.Parse(time.DateOnly, f.Day[len(f.Day)-1].Value)
			if last.Sub(first) <= 62*24*time.Hour {
				unit = dateDay
			}
		}
	}
	p.unit = unit
	var buckets []archive.FacetCount
	if unit == dateDay {
		buckets, p.days = fillDays(f.Day)
	} else {
		buckets, p.days = fillMonths(f.Month)
	}
	p.histo.set(buckets, -1, -1)
	p.showDatesInfo()
	from, to := p.b.from, p.b.to
	switch {
	case from.IsZero() && to.IsZero():
		p.dateRange.SetText("All dates")
		p.clearDate.Disable()
	default:
		p.dateRange.SetText("From " + dayOrOpen(from) + " to " + dayOrOpen(to))
		p.clearDate.Enable()
	}
	p.undated.SetText(fmt.Sprintf("Undated: %d", f.Undated))
}

func dayOrOpen(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return t.Format(time.DateOnly)
}

// hover shows the count of the bar under the pointer.
func (p *facetPanel) hover(i int) {
	if i < 0 || i >= len(p.histo.buckets) {
		p.showDatesInfo()
		return
	}
	b := p.histo.buckets[i]
	p.dateInfo.SetText(fmt.Sprintf("%s: %d", b.Value, b.Count))
}

func (p *facetPanel) showDatesInfo() {
	bs := p.histo.buckets
	if len(bs) == 0 {
		p.dateInfo.SetText("no dated matches")
		return
	}
	total := 0
	for _, b := range bs {
		total += b.Count
	}
	p.dateInfo.SetText(fmt.Sprintf("%s – %s: %d dated", bs[0].Value, bs[len(bs)-1].Value, total))
}

// selectBuckets narrows the search to the days of buckets from..to.
func (p *facetPanel) selectBuckets(from, to int) {
	if from < 0 || to >= len(p.days) {
		return
	}
	start := p.days[from]
	end := p.days[to]
	if p.unit == dateMonth {
		end = end.AddDate(0, 1, -1)
	}
	p.b.setDates(start, end)
}

// fillDays returns one bucket per day from the first to the last day of
// counts, zero where there are none, and each bucket's day.
func fillDays(counts []archive.FacetCount) ([]archive.FacetCount, []time.Time) {
	return fill(counts, time.DateOnly, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) })
}

// fillMonths is fillDays for months.
func fillMonths(counts []archive.FacetCount) ([]archive.FacetCount, []time.Time) {
	return fill(counts, "2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) })
}

// maxBuckets caps the bars of a histogram; beyond it the first buckets are
// dropped (switch to months to see them).
const maxBuckets = 1500

func fill(counts []archive.FacetCount, layout string, next func(time.Time) time.Time) ([]archive.FacetCount, []time.Time) {
	byDay := map[time.Time]int{}
	var first, last time.Time
	for _, fc := range counts {
		t, err := time.Parse(layout, fc.Value)
		if err != nil {
			continue
		}
		byDay[t] += fc.Count
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	if first.IsZero() {
		return nil, nil
	}
	var out []archive.FacetCount
	var days []time.Time
	for t := first; !t.After(last); t = next(t) {
		out = append(out, archive.FacetCount{Value: t.Format(layout), Count: byDay[t]})
		days = append(days, t)
	}
	if len(out) > maxBuckets {
		out, days = out[len(out)-maxBuckets:], days[len(days)-maxBuckets:]
	}
	return out, days
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
