package gui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace/archive"
)

// dates is the date section of the facet panel: a histogram of the
// matches per day or month with year and month ticks and a count scale,
// the selected range drawn as a band over the whole span, a zoom into the
// selection and back, and the undated matches that a date filter leaves
// out.
type dates struct {
	histo     *histogram
	dateMode  *widget.RadioGroup
	dateInfo  *widget.Label
	dateRange *widget.Label
	clearDate *widget.Button
	zoom      *widget.Button
	undated   *widget.Label
	zoomed    bool        // showing only the selected range
	days      []time.Time // first day of each histogram bucket
	unit      string      // dateDay or dateMonth, as drawn
}

func (p *facetPanel) newDates() {
	b := p.b
	p.histo = newHistogram()
	p.histo.onSelect = p.selectBuckets
	p.histo.onHover = p.hover
	p.dateMode = widget.NewRadioGroup([]string{dateAuto, dateDay, dateMonth}, func(string) { p.showDates() })
	p.dateMode.Horizontal = true
	p.dateMode.Required = true
	p.dateMode.Selected = dateAuto
	p.dateInfo = widget.NewLabel("")
	p.dateInfo.Wrapping = fyne.TextWrapWord
	p.dateRange = widget.NewLabel("All dates")
	p.dateRange.Truncation = fyne.TextTruncateEllipsis
	p.clearDate = widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), func() { b.setDates(time.Time{}, time.Time{}) })
	p.clearDate.Importance = widget.LowImportance
	p.clearDate.Disable()
	p.zoom = widget.NewButtonWithIcon("Zoom", theme.ZoomInIcon(), func() {
		p.zoomed = !p.zoomed
		p.showDates()
	})
	p.zoom.Importance = widget.LowImportance
	p.zoom.Disable()
	p.undated = widget.NewLabel("")
	p.undated.Wrapping = fyne.TextWrapWord
}

// showDates draws the histogram in the granularity chosen (or, in Auto,
// days for spans up to two months and months beyond), over the whole
// span of the matches or, zoomed, over the selected range only.
func (p *facetPanel) showDates() {
	f := p.facets
	from, to := p.b.from, p.b.to
	selected := !from.IsZero() || !to.IsZero()
	if !selected {
		p.zoomed = false
	}
	day, month := f.Day, f.Month
	if p.zoomed {
		day, month = within(day, time.DateOnly, from, to), within(month, "2006-01", monthOf(from), to)
	}
	unit := p.dateMode.Selected
	if unit == dateAuto || unit == "" {
		unit = dateMonth
		if len(day) > 0 {
			first, _ := time.Parse(time.DateOnly, day[0].Value)
			last, _ := time.Parse(time.DateOnly, day[len(day)-1].Value)
			if last.Sub(first) <= 62*24*time.Hour {
				unit = dateDay
			}
		}
	}
	p.unit = unit
	var buckets []archive.FacetCount
	if unit == dateDay {
		buckets, p.days = fillDays(day)
	} else {
		buckets, p.days = fillMonths(month)
	}
	lo, hi := -1, -1
	if selected && !p.zoomed {
		lo, hi = p.bucketsIn(from, to)
	}
	p.histo.set(buckets, p.days, unit, lo, hi)
	p.showDatesInfo()
	switch {
	case !selected:
		p.dateRange.SetText("All dates")
		p.clearDate.Disable()
		p.zoom.Disable()
	default:
		p.dateRange.SetText("Selected: " + dateSpan(from, to))
		p.clearDate.Enable()
		p.zoom.Enable()
	}
	if p.zoomed {
		p.zoom.SetText("All dates")
		p.zoom.SetIcon(theme.ZoomOutIcon())
	} else {
		p.zoom.SetText("Zoom")
		p.zoom.SetIcon(theme.ZoomInIcon())
	}
	switch {
	case f.Undated == 0:
		p.undated.SetText("No undated matches")
		p.undated.Importance = widget.MediumImportance
	case selected:
		p.undated.SetText(fmt.Sprintf("%d undated %s left out by the date range: Clear it to include them", f.Undated, plural(f.Undated, "match", "matches")))
		p.undated.Importance = widget.WarningImportance
	default:
		p.undated.SetText(fmt.Sprintf("%d undated %s: shown, but a date range leaves them out", f.Undated, plural(f.Undated, "match", "matches")))
		p.undated.Importance = widget.MediumImportance
	}
	p.undated.Refresh()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// bucketsIn returns the first and last buckets drawn that overlap the days
// from..to (zero for open ends), or -1, -1 when none does.
func (p *facetPanel) bucketsIn(from, to time.Time) (int, int) {
	lo, hi := -1, -1
	for i, start := range p.days {
		end := start
		if p.unit == dateMonth {
			end = start.AddDate(0, 1, -1)
		}
		if (from.IsZero() || !end.Before(from)) && (to.IsZero() || !start.After(to)) {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	return lo, hi
}

// within keeps the counts whose value (in layout) lies in from..to.
func within(counts []archive.FacetCount, layout string, from, to time.Time) []archive.FacetCount {
	var out []archive.FacetCount
	for _, fc := range counts {
		t, err := time.Parse(layout, fc.Value)
		if err != nil || (!from.IsZero() && t.Before(from)) || (!to.IsZero() && t.After(to)) {
			continue
		}
		out = append(out, fc)
	}
	return out
}

func monthOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// hover shows the count of the bar under the pointer.
func (p *facetPanel) hover(i int) {
	if i < 0 || i >= len(p.histo.buckets) {
		p.showDatesInfo()
		return
	}
	b := p.histo.buckets[i]
	p.dateInfo.SetText(fmt.Sprintf("%s: %d %s", bucketName(p.days[i], p.unit), b.Count, plural(b.Count, "match", "matches")))
}

// bucketName is "12 Jan 2022" for a day, "Jan 2022" for a month.
func bucketName(t time.Time, unit string) string {
	if unit == dateMonth {
		return t.Format("Jan 2006")
	}
	return t.Format("2 Jan 2006")
}

func (p *facetPanel) showDatesInfo() {
	bs := p.histo.buckets
	if len(bs) == 0 {
		p.dateInfo.SetText("No dated matches")
		return
	}
	total := 0
	for _, b := range bs {
		total += b.Count
	}
	per := "day"
	if p.unit == dateMonth {
		per = "month"
	}
	p.dateInfo.SetText(fmt.Sprintf("%d dated, %s – %s, one bar per %s", total, bucketName(p.days[0], p.unit), bucketName(p.days[len(p.days)-1], p.unit), per))
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
