// Package gui is the Wiretrace desktop app: search with facets, a reader
// and a provenance panel, built with Fyne.
//
// Views are constructors that return a fyne.CanvasObject over the small
// Archive interface defined here; the package never imports
// fyne.io/fyne/v2/app, so its tests run headless and without cgo. The app
// itself is created in cmd/wiretrace.
package gui

import "fyne.io/fyne/v2"

var _ fyne.CanvasObject
