package gui

import "fmt"

// checkOpen keeps the reader in step with the results shown: it
// highlights the words of their query in the article open, and marks the
// article when it is not among them (a filter or a new query left it
// out), offering the first result instead. On the UI thread.
func (b *Browser) checkOpen() {
	art := b.reader.Article()
	if art == nil {
		return
	}
	b.reader.Highlight(b.shown.Text)
	if b.result == nil || b.index(art.ID) >= 0 {
		b.reader.SetStale("", "", nil)
		return
	}
	msg := "This article does not match the current search."
	if len(b.hits) < b.result.Total {
		msg = fmt.Sprintf("This article is not among the first %d results of the current search.", len(b.hits))
	}
	if len(b.hits) == 0 {
		b.reader.SetStale(msg, "", nil)
		return
	}
	b.reader.SetStale(msg, "Open the first result", func() {
		b.list.Select(0)
		b.list.ScrollToTop()
	})
}
