package gui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// filterBar shows the active filters under the search box as chips that
// remove themselves when tapped ("Source: DNA ×", "Dates: 2022-01-09 –
// 2022-01-12 ×"), and a "Clear all" button. It is hidden when no filter is
// set.
type filterBar struct {
	b      *Browser
	chips  []*widget.Button
	clear  *widget.Button
	row    *fyne.Container
	object fyne.CanvasObject
	shown  string // the filters the chips were made for
}

func newFilterBar(b *Browser) *filterBar {
	f := &filterBar{b: b}
	f.clear = widget.NewButtonWithIcon("Clear all", theme.ContentClearIcon(), b.clearFilters)
	f.clear.Importance = widget.LowImportance
	f.row = container.NewHBox()
	label := widget.NewLabel("Filters:")
	label.TextStyle.Italic = true
	f.object = container.NewHScroll(container.NewHBox(label, f.row, f.clear))
	f.object.Hide()
	return f
}

// filter is one active filter: its chip's text and how to remove it.
type filter struct {
	text   string
	remove func()
}

// filters lists the active filters of b in the order the facets show
// them.
func (b *Browser) filters() []filter {
	var out []filter
	add := func(kind string, m map[string]bool, name func(string) string) {
		for _, v := range keys(m) {
			label := v
			if name != nil {
				label = name(v)
			}
			if label == "" {
				label = "(unknown)"
			}
			out = append(out, filter{kind + ": " + label, func() { b.toggle(facetKey(kind), v, false) }})
		}
	}
	add("Source", b.sources, nil)
	if !b.from.IsZero() || !b.to.IsZero() {
		out = append(out, filter{"Dates: " + dateSpan(b.from, b.to), func() { b.setDates(time.Time{}, time.Time{}) }})
	}
	add("Language", b.languages, languageName)
	add("Agency", b.agencies, nil)
	return out
}

// facetKey is the facet name that toggle takes for a chip's kind.
func facetKey(kind string) string {
	return map[string]string{"Source": "source", "Language": "language", "Agency": "agency"}[kind]
}

// dateSpan is "2022-01-09 – 2022-01-12", "from 2022-01-09" or "to
// 2022-01-12"; a single day is shown once.
func dateSpan(from, to time.Time) string {
	switch {
	case to.IsZero():
		return "from " + from.Format(time.DateOnly)
	case from.IsZero():
		return "to " + to.Format(time.DateOnly)
	case from.Equal(to):
		return from.Format(time.DateOnly)
	}
	return from.Format(time.DateOnly) + " – " + to.Format(time.DateOnly)
}

// set shows the chips of the browser's filters; on the UI thread.
func (f *filterBar) set() {
	fs := f.b.filters()
	var key strings.Builder
	for _, x := range fs {
		key.WriteString(x.text + "\n")
	}
	if key.String() == f.shown {
		return
	}
	f.shown = key.String()
	f.chips = f.chips[:0]
	objs := make([]fyne.CanvasObject, 0, len(fs))
	for _, x := range fs {
		chip := widget.NewButtonWithIcon(x.text, theme.CancelIcon(), x.remove)
		chip.IconPlacement = widget.ButtonIconTrailingText
		chip.Importance = widget.MediumImportance
		f.chips = append(f.chips, chip)
		objs = append(objs, chip)
	}
	f.row.Objects = objs
	f.row.Refresh()
	if show := len(fs) > 0; show != f.object.Visible() {
		if show {
			f.object.Show()
		} else {
			f.object.Hide()
		}
		// The box above the results grows or shrinks: place the
		// browser's parts again (without redrawing them all).
		relayout(f.b.object)
	}
}

// clearFilters removes every filter and searches again.
func (b *Browser) clearFilters() {
	b.sources, b.languages, b.agencies = map[string]bool{}, map[string]bool{}, map[string]bool{}
	b.from, b.to = time.Time{}, time.Time{}
	b.schedule(0)
}
