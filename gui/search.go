package gui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"
	"github.com/wiretrace/wiretrace/archive"
)

// schedule starts a search after delay, cancelling the one in flight.
func (b *Browser) schedule(delay time.Duration) {
	b.gen++
	gen := b.gen
	if b.cancel != nil {
		b.cancel()
	}
	if b.timer != nil {
		b.timer.Stop()
	}
	b.filterBar.set()
	arch := b.arch
	if arch == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	q := b.query()
	b.progress.Show()
	b.progress.Start()
	run := func() { b.run(ctx, gen, arch, q) }
	if delay <= 0 {
		go run()
	} else {
		b.timer = time.AfterFunc(delay, run)
	}
}

// page fetches the next page of results.
func (b *Browser) page() {
	if b.arch == nil || b.result == nil {
		return
	}
	gen := b.gen
	q := b.query()
	q.Offset = len(b.hits)
	arch := b.arch
	b.more.Disable()
	go func() {
		res, err := arch.Search(context.Background(), q)
		b.do(func() {
			b.more.Enable()
			if gen != b.gen || err != nil {
				if err != nil {
					b.showError(err)
				}
				return
			}
			b.hits = append(b.hits, res.Hits...)
			b.list.Refresh()
			b.showMore()
			b.checkOpen()
			b.done("page")
		})
	}()
}

// run searches in a goroutine and hands the result to the UI thread,
// unless a newer search superseded it.
func (b *Browser) run(ctx context.Context, gen uint64, arch Archive, q archive.Query) {
	if ctx.Err() != nil {
		return
	}
	// The counts of ticked facets come from queries of their own, run
	// beside the main one; the results are shown as soon as they are in.
	var ticked chan facetCounts
	if len(q.Sources)+len(q.Languages)+len(q.Agencies) > 0 || !q.From.IsZero() || !q.To.IsZero() {
		ticked = make(chan facetCounts, 1)
		go func() { ticked <- tickedFacets(ctx, arch, q) }()
	}
	res, err := safeSearch(ctx, arch, q)
	if ctx.Err() != nil {
		return
	}
	b.do(func() {
		if gen != b.gen {
			return
		}
		b.apply(q, res, err)
	})
	if ticked == nil || err != nil {
		return
	}
	fc := <-ticked
	if ctx.Err() != nil {
		return
	}
	b.do(func() {
		if gen != b.gen || b.result != res {
			return
		}
		fc.patch(&res.Facets)
		b.facets.set(res.Facets)
		b.done("facets")
	})
}

// safeSearch is arch.Search that turns a panic or a nil result into an
// error.
func safeSearch(ctx context.Context, arch Archive, q archive.Query) (res *archive.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("search failed: %v", r)
		}
	}()
	res, err = arch.Search(ctx, q)
	if err == nil && res == nil {
		err = errors.New("search returned nothing")
	}
	return res, err
}

// apply shows a search result; on the UI thread.
func (b *Browser) apply(q archive.Query, res *archive.Result, err error) {
	b.progress.Stop()
	b.progress.Hide()
	b.shown = q
	if err != nil {
		b.showError(err)
		b.done("search")
		return
	}
	b.status.Importance = widget.MediumImportance
	if prev := b.result; prev != nil {
		// Until the ticked facets' own counts arrive, show their last ones
		// rather than only the ticked values.
		if len(q.Sources) > 0 {
			res.Facets.Source = prev.Facets.Source
		}
		if len(q.Languages) > 0 {
			res.Facets.Language = prev.Facets.Language
		}
		if len(q.Agencies) > 0 {
			res.Facets.Agency = prev.Facets.Agency
		}
		if !q.From.IsZero() || !q.To.IsZero() {
			res.Facets.Day, res.Facets.Month, res.Facets.Undated = prev.Facets.Day, prev.Facets.Month, prev.Facets.Undated
		}
	}
	b.result = res
	b.hits = res.Hits
	b.status.SetText(countLine(res.Total, q))
	switch {
	case res.Notice != "":
		b.notice.SetText(userNotice(q.Text, res.Notice))
		b.notice.Show()
	case res.Total == 0 && (q.Text != "" || len(b.filters()) > 0):
		b.notice.SetText(emptyHint(q, len(b.filters())))
		b.notice.Show()
	default:
		b.notice.Hide()
	}
	b.list.UnselectAll()
	b.list.Refresh()
	b.list.ScrollToTop()
	b.syncSelection()
	b.showMore()
	b.facets.set(res.Facets)
	b.checkOpen()
	b.done("search")
}

// showError reports a failed search in place of the results.
func (b *Browser) showError(err error) {
	b.status.Importance = widget.DangerImportance
	b.status.SetText("Search failed: " + userError(err))
	if errors.Is(err, archive.ErrTooExpensive) {
		b.notice.SetText("Use fewer or rarer words, or narrow the search by source, date, language or agency.")
	} else {
		b.notice.SetText("Check the query: words, \"phrases\", prefix*, AND, OR, NOT and parentheses are understood.")
	}
	b.notice.Show()
	b.result = nil
	b.hits = nil
	b.list.UnselectAll()
	b.list.Refresh()
	b.more.Hide()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (b *Browser) showMore() {
	if b.result != nil && len(b.hits) < b.result.Total {
		b.more.SetText(fmt.Sprintf("Show more (%d of %d shown)", len(b.hits), b.result.Total))
		b.more.Show()
	} else {
		b.more.Hide()
	}
}

// countLine is "3 articles match “tokayev”" and the like.
func countLine(n int, q archive.Query) string {
	noun := "articles"
	if n == 1 {
		noun = "article"
	}
	filters := len(q.Sources) + len(q.Languages) + len(q.Agencies)
	if !q.From.IsZero() || !q.To.IsZero() {
		filters++
	}
	s := fmt.Sprintf("%d %s", n, noun)
	switch {
	case q.Text == "" && filters == 0:
		s += " in the archive"
		if n == 0 {
			s = "The archive is empty: use Archive ▸ Import to add articles"
		}
		return s
	case q.Text != "":
		s += " match " + quoted(q.Text)
	}
	if filters > 0 {
		s += fmt.Sprintf(" (%d filter", filters)
		if filters > 1 {
			s += "s"
		}
		s += ")"
	}
	return s
}
