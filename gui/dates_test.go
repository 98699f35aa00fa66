package gui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/wiretrace/wiretrace/archive"
)

// TestHistogramTicksAndScale: eleven years of months are labelled by
// year, without overlapping labels, under a count scale; a short span of
// days is labelled by day.
func TestHistogramTicksAndScale(t *testing.T) {
	test.NewTempApp(t)
	var months []archive.FacetCount
	for y := 2015; y <= 2025; y++ {
		for m := 1; m <= 12; m++ {
			months = append(months, archive.FacetCount{Value: fmt.Sprintf("%d-%02d", y, m), Count: (y*m)%37 + 1})
		}
	}
	buckets, days := fillMonths(months)
	h := newHistogram()
	w := test.NewTempWindow(t, h)
	w.Resize(fyne.NewSize(300, 140))
	h.set(buckets, days, dateMonth, 24, 35)
	h.Resize(fyne.NewSize(300, h.MinSize().Height))
	h.Refresh()
	ticks := tickTexts(h)
	if len(ticks) < 3 || ticks[0].Text != "2015" {
		t.Fatalf("month ticks: %q, want years from 2015", names(ticks))
	}
	for i := 1; i < len(ticks); i++ {
		if ticks[i].Position().X < ticks[i-1].Position().X+ticks[i-1].MinSize().Width {
			t.Errorf("ticks %q and %q overlap", ticks[i-1].Text, ticks[i].Text)
		}
		if !strings.HasPrefix(ticks[i].Text, "20") {
			t.Errorf("tick %q is not a year", ticks[i].Text)
		}
	}
	r := test.WidgetRenderer(h).(*histogramRenderer)
	if got := r.peak.Text; got != "max 37 per month" {
		t.Errorf("count scale %q, want max 37 per month", got)
	}
	if !r.band.Visible() || r.band.Size().Width < 10*h.Size().Width/float32(len(buckets)) {
		t.Errorf("selection band of 2017: visible %v, size %v", r.band.Visible(), r.band.Size())
	}
	// Four days are labelled each.
	dayBuckets, dayStarts := fillDays([]archive.FacetCount{{Value: "2022-01-09", Count: 1}, {Value: "2022-01-12", Count: 2}})
	h.set(dayBuckets, dayStarts, dateDay, -1, -1)
	if got := strings.Join(names(tickTexts(h)), " "); got != "9 Jan 10 11 12" {
		t.Errorf("day ticks: %q", got)
	}
	if r.band.Visible() {
		t.Error("a band with no selection")
	}
}

func tickTexts(h *histogram) []*canvas.Text {
	r := test.WidgetRenderer(h).(*histogramRenderer)
	return r.ticks
}

func names(ts []*canvas.Text) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

// TestDateSelectionIsShownInContext: a selected day stays drawn as a band
// among the other days, Zoom shows the selection alone and back, and the
// undated matches the range leaves out are said.
func TestDateSelectionIsShownInContext(t *testing.T) {
	h := newHarness(t)
	p := h.b.facets
	if !p.zoom.Disabled() {
		t.Error("Zoom enabled with no date range")
	}
	test.TapAt(p.histo, fyne.NewPos(2, 20)) // 9 January
	h.wait("facets")
	if got := h.sources(); len(got) != 1 || got[0] != "Business Standard" {
		t.Fatalf("9 January: %v", got)
	}
	if got := len(p.histo.buckets); got != 4 {
		t.Errorf("with a day selected the histogram has %d bars, want the 4 days", got)
	}
	if p.histo.active != [2]int{0, 0} {
		t.Errorf("selection drawn over bars %v, want [0 0]", p.histo.active)
	}
	if got := p.undated.Text; !strings.Contains(got, "3 undated matches left out") {
		t.Errorf("undated: %q", got)
	}
	test.Tap(p.zoom)
	if got := len(p.histo.buckets); got != 1 || p.zoom.Text != "All dates" {
		t.Errorf("zoomed: %d bars, button %q; want 1 bar and All dates", got, p.zoom.Text)
	}
	test.Tap(p.zoom)
	if got := len(p.histo.buckets); got != 4 {
		t.Errorf("zoomed out: %d bars, want 4", got)
	}
	h.b.setDates(time.Time{}, time.Time{})
	h.wait("search")
	if p.histo.active != [2]int{-1, -1} || !p.zoom.Disabled() {
		t.Errorf("after clearing: selection %v, zoom disabled %v", p.histo.active, p.zoom.Disabled())
	}
}
