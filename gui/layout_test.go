package gui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// TestColumnsKeepTheirWidth: opening an article, its provenance and a
// link's evidence leaves the results column as wide as it was, at 1280x800
// and at 1024x640.
func TestColumnsKeepTheirWidth(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 640}} {
		h := newHarness(t)
		h.w.Resize(size)
		h.b.SetQuery("tokayev")
		h.wait("search")
		before := h.b.list.Size().Width
		h.b.Open(1, false)
		h.wait("open")
		h.b.ShowProvenance()
		h.b.SelectLink(0)
		h.b.SelectLink(1)
		if got := h.b.list.Size().Width; got != before {
			t.Errorf("%v: results column %.0f px wide, was %.0f before the evidence", size, got, before)
		}
		if got := h.b.tabs.Size().Width; got < size.Width*0.4 {
			t.Errorf("%v: the article and provenance side is %.0f px wide", size, got)
		}
		// A panel whose content asks for more room (a wide graph, a long
		// line of evidence) does not push the divider either.
		wide := canvas.NewRectangle(color.Transparent)
		wide.SetMinSize(fyne.NewSize(size.Width*0.8, 10))
		h.b.provTab.Content = container.NewStack(h.b.prov, wide)
		h.b.tabs.Refresh()
		h.w.Content().Refresh()
		h.w.Resize(size)
		if got := h.b.list.Size().Width; got != before {
			t.Errorf("%v: with a wide panel the results column is %.0f px wide, was %.0f", size, got, before)
		}
	}
}
