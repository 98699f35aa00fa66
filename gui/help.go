package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// querySyntax is the help on what the search box understands, in
// Markdown.
const querySyntax = `## Searching

Type words: the results have **all of them**, accents and case aside
(*tokaiev* finds *Tokaïev*).

| Type | To find |
|---|---|
| ` + "`tokayev almaty`" + ` | both words, anywhere |
| ` + "`\"peacekeeping contingent\"`" + ` | the exact phrase |
| ` + "`restor*`" + ` | words that begin so: *restored*, *restoration* |
| ` + "`police OR army`" + ` | either word |
| ` + "`police NOT army`" + ` or ` + "`police -army`" + ` | the first without the second |
| ` + "`(police OR army) AND almaty`" + ` | groups, with parentheses |

Text that is not valid syntax is searched as plain words, and a note
says so.

## Narrowing

Tick outlets, languages or agencies in the left panel, or click or drag
across the date histogram. Each filter shows as a chip under the search
box: click it to remove it, or **Clear all**. A date range leaves out
the undated articles.

## Keys

**Ctrl+F** search box · **↑ ↓** move through the results · **Enter**
open · **Escape** clear the box · in the reader, *Find in article*
and **Enter** for the next match.

## Export

**Archive ▸ Export Results…** writes every result of the current search
as CSV (*.csv*) or JSON Lines (*.jsonl*).`

// showHelp shows the query syntax in a dialog over w.
func showHelp(w fyne.Window) {
	text := widget.NewRichTextFromMarkdown(querySyntax)
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	d := dialog.NewCustom("Wiretrace help", "Close", scroll, w)
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(min(720, size.Width*0.9), min(620, size.Height*0.9)))
	d.Show()
}

// showAbout shows what Wiretrace is, with the version of app a.
func showAbout(a fyne.App, w fyne.Window) {
	md := a.Metadata()
	version := md.Version
	if version == "" {
		version = "development build"
	}
	text := widget.NewRichTextFromMarkdown("## Wiretrace " + version + "\n\nA portable news archive that knows where every story came from: " +
		"search with facets, a reader, and the provenance of each article (its origin, the copies, the agencies credited).\n\n" +
		"Everything stays on this computer: Wiretrace does not use the network.")
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About Wiretrace", "Close", text, w)
	d.Resize(fyne.NewSize(min(520, w.Canvas().Size().Width*0.9), 280))
	d.Show()
}
