package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// syncSelection selects the open article in the list when it is there.
func (b *Browser) syncSelection() {
	for i, h := range b.hits {
		if h.ID == b.selected {
			b.syncing = true
			b.list.Select(i)
			b.syncing = false
			return
		}
	}
}

// move selects the result delta places from the selected one.
func (b *Browser) move(delta int) {
	if len(b.hits) == 0 {
		return
	}
	i := b.index(b.selected)
	switch {
	case i < 0 && delta > 0:
		i = 0
	case i < 0:
		i = len(b.hits) - 1
	default:
		i = max(0, min(len(b.hits)-1, i+delta))
	}
	b.list.Select(i)
	b.list.ScrollTo(i)
}

func (b *Browser) index(id int64) int {
	for i, h := range b.hits {
		if h.ID == id {
			return i
		}
	}
	return -1
}

// enter opens the selected result, or the first one; it also searches at
// once if a debounced search is pending.
func (b *Browser) enter() {
	if b.timer != nil && b.timer.Stop() {
		b.schedule(0)
	}
	if len(b.hits) == 0 {
		return
	}
	if b.index(b.selected) < 0 {
		b.list.Select(0)
	}
	b.tabs.Select(b.readTab)
}

// searchEntry is the search box: arrows move through the results, Escape
// clears it.
type searchEntry struct {
	widget.Entry
	b *Browser
}

func newSearchEntry(b *Browser) *searchEntry {
	e := &searchEntry{b: b}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves through the results with the arrow keys.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.b.move(1)
	case fyne.KeyUp:
		e.b.move(-1)
	case fyne.KeyPageDown:
		e.b.move(10)
	case fyne.KeyPageUp:
		e.b.move(-10)
	case fyne.KeyEscape:
		e.SetText("")
	default:
		e.Entry.TypedKey(ev)
	}
}
