package provenance_test

import (
	"context"
	"os"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/gen"
	"github.com/wiretrace/wiretrace/provenance"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// countingIndex is a MemIndex that counts the articles read in another
// language than the one being linked: the translation candidates.
type countingIndex struct {
	*provenance.MemIndex
	lang  string
	reads int
}

func (c *countingIndex) Doc(ctx context.Context, id int64) (provenance.Doc, error) {
	d, err := c.MemIndex.Doc(ctx, id)
	if err == nil && d.Language != c.lang {
		c.reads++
	}
	return d, err
}

// scriptFamily names the script family of a language of the generator.
func scriptFamily(lang string) string {
	switch lang {
	case "ru", "uk", "kk":
		return "cyrillic"
	case "zh", "ja", "ko":
		return "cjk"
	case "ar", "fa":
		return "arabic"
	case "hi":
		return "devanagari"
	}
	return "latin"
}

// TestTranslationQuality links a generated corpus in memory and reports
// translation precision and recall per script family (of the language of
// the translation), translation candidates read per article and link time
// per article. It runs only when WIRETRACE_TRANSEVAL gives the corpus
// size: WIRETRACE_TRANSEVAL=10000 go test -run TestTranslationQuality -v ./provenance/
func TestTranslationQuality(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("WIRETRACE_TRANSEVAL"))
	if n <= 0 {
		t.Skip("set WIRETRACE_TRANSEVAL=N to evaluate translations on a generated corpus of N articles")
	}
	g := gen.New(gen.Config{Articles: n, Seed: 1})
	idx := &countingIndex{MemIndex: provenance.NewMemIndex()}
	l := &provenance.Linker{Index: idx, Before: true, Cache: provenance.NewCache()}
	var truth []gen.Truth
	found := map[gen.Pair]string{}
	var linkTime, linkCPU time.Duration
	for i := 0; i < g.Len(); i++ {
		a, tr := g.Article(i)
		truth = append(truth, tr)
		d := provenance.Doc{ID: tr.ID, Source: a.Source, Title: a.Title, Text: a.Text, Language: a.Language, Published: a.Published}
		d.Credits = agency.Detect(a.Title, a.Text, a.Source)
		idx.Add(d)
		idx.lang = d.Language
		start, cpu := time.Now(), cpuTime()
		links, err := l.Link(context.Background(), d)
		linkTime += time.Since(start)
		linkCPU += cpuTime() - cpu
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range links {
			found[gen.MakePair(k.From, k.To)] = k.Kind
		}
	}
	type tally struct{ exp, rec, found, right int }
	fam := map[string]*tally{}
	get := func(p gen.Pair) *tally {
		a, b := &truth[p.A-1], &truth[p.B-1]
		f := scriptFamily(a.Language)
		if f == "latin" {
			f = scriptFamily(b.Language)
		}
		if fam[f] == nil {
			fam[f] = &tally{}
		}
		return fam[f]
	}
	for p, k := range gen.ExpectedLinks(truth) {
		if k != wiretrace.LinkTranslation {
			continue
		}
		c := get(p)
		c.exp++
		if found[p] == wiretrace.LinkTranslation {
			c.rec++
		} else if os.Getenv("WIRETRACE_TRANSEVAL_MISSES") != "" {
			t.Logf("missed %d (%s) - %d (%s)", p.A, truth[p.A-1].Language, p.B, truth[p.B-1].Language)
		}
	}
	for p, k := range found {
		if k != wiretrace.LinkTranslation {
			continue
		}
		c := get(p)
		c.found++
		if gen.ShareText(&truth[p.A-1], &truth[p.B-1]) {
			c.right++
		}
	}
	names := make([]string, 0, len(fam))
	for f := range fam {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		c := fam[f]
		t.Logf("translations %-10s recall %d/%d, precision %d/%d", f, c.rec, c.exp, c.right, c.found)
	}
	t.Logf("articles %d: %.2f translation candidates read per article, link time %.2f ms per article (in memory), %.2f ms of CPU",
		n, float64(idx.reads)/float64(n), float64(linkTime.Microseconds())/1000/float64(n), float64(linkCPU.Microseconds())/1000/float64(n))
}

// cpuTime returns the CPU time the process has used: on a loaded machine
// it measures the work of linking better than the time that passed.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
