package gui

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/bench"
)

// TestGUILatency measures the GUI's query path on a real archive: the time
// from a keystroke (the search text changing, or a facet ticked) to the
// results, count and facets being set on the widgets, with the debounce
// left out (it is idle time, added on top while the user is typing). The
// queries are the fixed mix of the bench package, with their filters ticked
// as facets, so facet queries run as the app runs them.
//
// It is skipped unless WIRETRACE_GUI_BENCH_DB names an archive, e.g. one
// from `wiretrace gen --articles 100000 --db FILE`; the archive is opened
// (and migrated) in place. WIRETRACE_GUI_BENCH_SEED is the gen seed (1)
// and WIRETRACE_GUI_BENCH_ROUNDS the timed rounds (5).
//
//	WIRETRACE_GUI_BENCH_DB=/tmp/100k.db go test ./gui -run TestGUILatency -v -timeout 30m
func TestGUILatency(t *testing.T) {
	path := os.Getenv("WIRETRACE_GUI_BENCH_DB")
	if path == "" {
		t.Skip("WIRETRACE_GUI_BENCH_DB not set")
	}
	seed, _ := strconv.ParseInt(os.Getenv("WIRETRACE_GUI_BENCH_SEED"), 10, 64)
	if seed == 0 {
		seed = 1
	}
	rounds, _ := strconv.Atoi(os.Getenv("WIRETRACE_GUI_BENCH_ROUNDS"))
	if rounds <= 0 {
		rounds = 5
	}
	s, err := archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	test.NewTempApp(t)
	events := make(chan string, 100)
	b := NewBrowser(nil)
	b.debounce = 0
	b.SetOnApplied(func(what string) { events <- what })
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(1280, 800))
	wait := func(want string) {
		for {
			select {
			case what := <-events:
				if what == want {
					return
				}
			case <-time.After(2 * time.Minute):
				t.Fatal("no result after 2 minutes")
			}
		}
	}
	start := time.Now()
	b.SetArchive(s)
	wait("search")
	articles := b.result.Total
	t.Logf("archive %s: %d articles, first view in %v", path, articles, time.Since(start).Round(time.Millisecond))

	mix := bench.Mix(seed)
	times := map[string][]float64{}
	store := map[string][]float64{}    // the same query on the store alone
	complete := map[string][]float64{} // until the ticked facets' own counts are shown
	var all, allStore []float64
	for round := 0; round <= rounds; round++ {
		for _, q := range mix {
			// The filters of the query are ticked facets; the sort is the
			// sort menu. Then the keystroke: the text changes.
			b.sources, b.languages, b.agencies = set(q.Q.Sources), set(q.Q.Languages), set(q.Q.Agencies)
			b.from, b.to = q.Q.From, q.Q.To
			b.sort = q.Q.Sort
			if b.sort == "" {
				b.sort = archive.SortRelevance
			}
			t0 := time.Now()
			if b.entry.Text == q.Q.Text {
				b.schedule(0) // same text, new filters: as a tick does
			} else {
				b.entry.SetText(q.Q.Text)
			}
			wait("search")
			ms := float64(time.Since(t0).Microseconds()) / 1000
			fms := ms
			if len(b.sources)+len(b.languages)+len(b.agencies) > 0 {
				wait("facets")
				fms = float64(time.Since(t0).Microseconds()) / 1000
			}
			if b.shown.Text != strings.TrimSpace(q.Q.Text) {
				t.Fatalf("%s: shown %q", q.Name, b.shown.Text)
			}
			t1 := time.Now()
			if _, err := s.Search(context.Background(), b.query()); err != nil {
				t.Fatalf("%s: %v", q.Name, err)
			}
			sms := float64(time.Since(t1).Microseconds()) / 1000
			if round > 0 { // round 0 warms the caches
				times[q.Name] = append(times[q.Name], ms)
				all = append(all, ms)
				complete[q.Name] = append(complete[q.Name], fms)
				store[q.Name] = append(store[q.Name], sms)
				allStore = append(allStore, sms)
			}
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "GUI keystroke to results shown, %d articles, %d rounds (debounce of %v not included); store: one Store.Search of the same query\n\n", articles, rounds, Debounce)
	fmt.Fprintf(&out, "| query | class | GUI p50 ms | GUI p95 ms | with ticked facets' counts p50 ms | store p50 ms |\n|---|---|---:|---:|---:|---:|\n")
	for _, q := range mix {
		fmt.Fprintf(&out, "| `%s` | %s | %.1f | %.1f | %.1f | %.1f |\n", q.Name, q.Class, pct(times[q.Name], 50), pct(times[q.Name], 95), pct(complete[q.Name], 50), pct(store[q.Name], 50))
	}
	fmt.Fprintf(&out, "| **all** | | **%.1f** | **%.1f** | | **%.1f** |\n", pct(all, 50), pct(all, 95), pct(allStore, 50))
	var noPrefix, noPrefixStore []float64
	for _, q := range mix {
		if q.Class != "prefix" {
			noPrefix = append(noPrefix, times[q.Name]...)
			noPrefixStore = append(noPrefixStore, store[q.Name]...)
		}
	}
	fmt.Fprintf(&out, "| **all but prefix** | | **%.1f** | **%.1f** | | **%.1f** |\n", pct(noPrefix, 50), pct(noPrefix, 95), pct(noPrefixStore, 50))
	t.Log("\n" + out.String())
	if f := os.Getenv("WIRETRACE_GUI_BENCH_OUT"); f != "" {
		if err := os.WriteFile(f, []byte(out.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
}

func set(vs []string) map[string]bool {
	m := map[string]bool{}
	for _, v := range vs {
		m[v] = true
	}
	return m
}

// pct returns the p-th percentile of ms (nearest rank).
func pct(ms []float64, p int) float64 {
	if len(ms) == 0 {
		return 0
	}
	s := slices.Clone(ms)
	slices.Sort(s)
	i := (p*len(s)+99)/100 - 1
	return s[max(0, min(len(s)-1, i))]
}
