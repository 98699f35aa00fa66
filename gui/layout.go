package gui

import "fyne.io/fyne/v2"

// shrinkable lays its one object out over its whole size but asks for no
// more than min: a split beside it then keeps its divider where it is
// when the object's own minimum grows (a long line of evidence, a wide
// graph), instead of pushing the other side narrower.
type shrinkable struct{ min fyne.Size }

// Layout is part of fyne.Layout.
func (l shrinkable) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is part of fyne.Layout.
func (l shrinkable) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(0, 0)
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.Min(l.min)
}

// shrink wraps o in a shrinkable container asking for at most min.
func shrink(o fyne.CanvasObject, min fyne.Size) *fyne.Container {
	return &fyne.Container{Layout: shrinkable{min}, Objects: []fyne.CanvasObject{o}}
}

// relayout places the objects of container o again, for a child that
// appeared, went or changed its minimum size; unlike Refresh it does not
// redraw every object inside. It does nothing for other objects.
func relayout(o fyne.CanvasObject) {
	if c, ok := o.(*fyne.Container); ok && c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
}
