package gui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// Debounce is how long the browser waits after a keystroke before it
// searches; a keystroke within it restarts the wait.
const Debounce = 150 * time.Millisecond

// pageSize is how many results a search fetches; "Show more" fetches more.
const pageSize = 50

// Sort choices as shown.
const (
	sortRelevance = "Relevance"
	sortNewest    = "Newest first"
	sortOldest    = "Oldest first"
)

// Browser is the main view: a search box, the facets of the matches, the
// ranked results, and a reader and provenance panel for the article
// selected. It searches as the user types, off the UI thread, cancelling a
// search that a newer keystroke supersedes.
type Browser struct {
	widget.BaseWidget

	arch Archive

	// Search state; touched on the UI thread only.
	text      string
	sort      string
	sources   map[string]bool
	languages map[string]bool
	agencies  map[string]bool
	from, to  time.Time

	gen      uint64 // bumped by every search started
	cancel   context.CancelFunc
	timer    *time.Timer
	openGen  uint64
	openStop context.CancelFunc
	debounce time.Duration

	result   *archive.Result
	shown    archive.Query // the query of the result shown
	hits     []archive.Hit
	selected int64 // article shown, 0 for none
	syncing  bool  // set while the list selection is changed in code

	entry     *searchEntry
	sortSel   *widget.Select
	status    *widget.Label
	notice    *widget.Label
	list      *resultList
	more      *widget.Button
	facets    *facetPanel
	filterBar *filterBar
	reader    *Reader
	prov      *Provenance
	tabs      *container.AppTabs
	readTab   *container.TabItem
	provTab   *container.TabItem
	object    fyne.CanvasObject
	progress  *widget.ProgressBarInfinite

	// do runs a function on the UI thread: fyne.Do, except in tests that
	// serialise the test goroutine with the browser's goroutines.
	do func(func())

	// applied, when set, is called on the UI thread after each search
	// result or article reached the widgets (tests wait on it).
	mu      sync.Mutex
	applied func(what string)
}

// NewBrowser returns the main view over a (nil for none yet: call
// SetArchive).
func NewBrowser(a Archive) *Browser {
	b := &Browser{
		arch:      a,
		sort:      archive.SortRelevance,
		sources:   map[string]bool{},
		languages: map[string]bool{},
		agencies:  map[string]bool{},
		debounce:  Debounce,
		do:        fyne.Do,
	}
	b.entry = newSearchEntry(b)
	b.entry.SetPlaceHolder(`Search: words, "a phrase", prefix*, AND / OR / NOT   (Ctrl+F)`)
	b.entry.OnChanged = func(s string) {
		b.text = s
		b.schedule(b.debounce)
	}
	b.entry.OnSubmitted = func(string) { b.enter() }
	b.sortSel = widget.NewSelect([]string{sortRelevance, sortNewest, sortOldest}, func(s string) {
		v := map[string]string{sortRelevance: archive.SortRelevance, sortNewest: archive.SortNewest, sortOldest: archive.SortOldest}[s]
		if v != b.sort {
			b.sort = v
			b.schedule(0)
		}
	})
	b.sortSel.Selected = sortRelevance
	b.status = widget.NewLabel("")
	b.status.Truncation = fyne.TextTruncateEllipsis
	b.notice = widget.NewLabel("")
	b.notice.Wrapping = fyne.TextWrapWord
	b.notice.Importance = widget.WarningImportance
	b.notice.Hide()
	b.progress = widget.NewProgressBarInfinite()
	b.progress.Stop()
	b.progress.Hide()
	b.list = newResultList(b)
	b.more = widget.NewButton("Show more", func() { b.page() })
	b.more.Hide()
	b.facets = newFacetPanel(b)
	b.reader = NewReader()
	b.prov = NewProvenance(func(id int64) { b.Open(id, true) })
	b.readTab = container.NewTabItemWithIcon("Article", theme.DocumentIcon(), b.reader)
	b.provTab = container.NewTabItemWithIcon("Provenance", theme.HistoryIcon(), b.prov)
	b.tabs = container.NewAppTabs(b.readTab, b.provTab)

	b.filterBar = newFilterBar(b)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, b.sortSel, b.entry), b.filterBar.object)
	resultsHead := container.NewVBox(container.NewStack(b.status, b.progress), b.notice)
	results := container.NewBorder(resultsHead, b.more, nil, nil, b.list)
	// Neither side of a split may move its divider by growing.
	right := container.NewHSplit(shrink(results, fyne.NewSize(240, 200)), shrink(b.tabs, fyne.NewSize(320, 200)))
	right.Offset = 0.42
	main := container.NewHSplit(shrink(b.facets.object, fyne.NewSize(180, 200)), right)
	main.Offset = 0.2
	b.object = container.NewBorder(container.NewPadded(top), nil, nil, nil, main)
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer is part of fyne.Widget.
func (b *Browser) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.object)
}

// SetArchive switches to archive a, clearing filters and selection, and
// searches it with the current text.
func (b *Browser) SetArchive(a Archive) {
	b.arch = a
	b.sources, b.languages, b.agencies = map[string]bool{}, map[string]bool{}, map[string]bool{}
	b.from, b.to = time.Time{}, time.Time{}
	b.selected = 0
	b.reader.Display(nil, "")
	b.prov.Display(nil)
	b.Refresh()
	b.schedule(0)
}

// Research searches again with the current state, e.g. after an import.
func (b *Browser) Research() { b.schedule(0) }

// FocusSearch puts the keyboard focus in the search box and selects its
// text.
func (b *Browser) FocusSearch() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.entry); c != nil {
		c.Focus(b.entry)
	}
}

// SetQuery replaces the search text and searches at once.
func (b *Browser) SetQuery(s string) {
	b.entry.SetText(s) // OnChanged schedules a debounced search
	b.schedule(0)
}

// ShowProvenance switches the right-hand side to the provenance panel.
func (b *Browser) ShowProvenance() { b.tabs.Select(b.provTab) }

// SelectLink shows the evidence of the i-th link (from 0) of the
// provenance panel.
func (b *Browser) SelectLink(i int) { b.prov.selectLink(i) }

// query is the archive query of the current state.
func (b *Browser) query() archive.Query {
	return archive.Query{
		Text:      strings.TrimSpace(b.text),
		Sources:   keys(b.sources),
		Languages: keys(b.languages),
		Agencies:  keys(b.agencies),
		From:      b.from,
		To:        b.to,
		Sort:      b.sort,
		Limit:     pageSize,
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// toggle ticks or unticks one value of a facet and searches again.
func (b *Browser) toggle(facet, value string, on bool) {
	m := map[string]map[string]bool{"source": b.sources, "language": b.languages, "agency": b.agencies}[facet]
	if m == nil {
		return
	}
	if on {
		m[value] = true
	} else {
		delete(m, value)
	}
	b.schedule(0)
}

// setDates narrows to the days from..to (zero for open ends) and searches.
func (b *Browser) setDates(from, to time.Time) {
	b.from, b.to = from, to
	b.schedule(0)
}

// SetOnApplied sets a function called on the UI thread each time a search
// result ("search", "page") or an opened article ("open") has reached the
// widgets; nil removes it.
func (b *Browser) SetOnApplied(f func(what string)) {
	b.mu.Lock()
	b.applied = f
	b.mu.Unlock()
}

func (b *Browser) done(what string) {
	b.mu.Lock()
	f := b.applied
	b.mu.Unlock()
	if f != nil {
		f(what)
	}
}

// Open shows article id in the reader and its story in the provenance
// panel; toReader switches to the reader tab.
func (b *Browser) Open(id int64, toReader bool) {
	if b.arch == nil {
		return
	}
	b.selected = id
	if i := b.index(id); i >= 0 {
		b.syncing = true
		b.list.Select(i)
		b.list.ScrollTo(i)
		b.syncing = false
	} else {
		b.syncing = true
		b.list.UnselectAll()
		b.syncing = false
	}
	if toReader {
		b.tabs.Select(b.readTab)
	}
	b.openGen++
	gen := b.openGen
	if b.openStop != nil {
		b.openStop()
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.openStop = cancel
	arch, text := b.arch, b.text
	go func() {
		art, pv, perr, err := load(ctx, arch, id)
		if ctx.Err() != nil {
			return
		}
		b.do(func() {
			if gen != b.openGen {
				return
			}
			if err != nil {
				b.reader.Display(nil, "")
				b.reader.meta.SetText("Cannot open article: " + userError(err))
				b.prov.Display(nil)
			} else {
				b.reader.Display(art, text)
				b.checkOpen()
				if perr != nil {
					b.prov.showError(perr)
				} else {
					b.prov.Display(pv)
				}
			}
			b.done("open")
		})
	}()
}

// load fetches an article and its provenance. The provenance is
// optional: when it cannot be read, perr says why and the article still
// shows; err is for the article.
func load(ctx context.Context, arch Archive, id int64) (art *wiretrace.Article, pv *wiretrace.Provenance, perr, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("open failed: %v", r)
		}
	}()
	art, err = arch.Article(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	pv, perr = arch.Provenance(ctx, id)
	if perr == nil && pv == nil {
		perr = fmt.Errorf("gui: no provenance for article %d", id)
	}
	return art, pv, perr, nil
}
