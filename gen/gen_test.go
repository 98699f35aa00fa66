package gen

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/wiretrace/wiretrace"
)

func corpusHash(t testing.TB, g *Generator) string {
	t.Helper()
	h := sha256.New()
	for a, tr := range g.All() {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
		b, _ = json.Marshal(tr)
		h.Write(b)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name     string
		a, b     Config
		wantSame bool
	}{
		{"same seed", Config{Articles: 400, Seed: 7}, Config{Articles: 400, Seed: 7}, true},
		{"other seed", Config{Articles: 400, Seed: 7}, Config{Articles: 400, Seed: 8}, false},
		{"other size", Config{Articles: 400, Seed: 7}, Config{Articles: 401, Seed: 7}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ha, hb := corpusHash(t, New(tt.a)), corpusHash(t, New(tt.b))
			if (ha == hb) != tt.wantSame {
				t.Errorf("hashes equal = %v, want %v", ha == hb, tt.wantSame)
			}
		})
	}
}

func TestRandomAccessMatchesIteration(t *testing.T) {
	g := New(Config{Articles: 300, Seed: 3})
	var all []string
	for a := range g.All() {
		all = append(all, a.Text)
	}
	for _, i := range []int{299, 0, 150, 17} {
		a, _ := g.Article(i)
		if a.Text != all[i] {
			t.Errorf("Article(%d) differs from the %dth of All", i, i)
		}
	}
}

// TestZipf checks that word frequencies of English text follow a power law
// with an exponent near 1 over the top ranks.
func TestZipf(t *testing.T) {
	g := New(Config{Articles: 3000, Seed: 1})
	counts := map[string]int{}
	total := 0
	for a, tr := range g.All() {
		if tr.Language != "en" || tr.Kind != KindDispatch {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			counts[w]++
			total++
		}
	}
	freq := make([]int, 0, len(counts))
	for _, c := range counts {
		freq = append(freq, c)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(freq)))
	if len(freq) < 1000 {
		t.Fatalf("vocabulary of %d words, want at least 1000", len(freq))
	}
	// Least-squares slope of log(frequency) on log(rank), ranks 5..500.
	var sx, sy, sxx, sxy, n float64
	for r := 5; r <= 500; r++ {
		x, y := math.Log(float64(r)), math.Log(float64(freq[r-1]))
		sx, sy, sxx, sxy, n = sx+x, sy+y, sxx+x*x, sxy+x*y, n+1
	}
	slope := (n*sxy - sx*sy) / (n*sxx - sx*sx)
	t.Logf("%d words, %d distinct, slope %.2f, top: the=%.3f", total, len(freq), slope, float64(counts["the"])/float64(total))
	if slope > -0.7 || slope < -1.5 {
		t.Errorf("rank-frequency slope %.2f, want between -1.5 and -0.7", slope)
	}
	if share := float64(counts["the"]) / float64(total); share < 0.02 || share > 0.12 {
		t.Errorf(`share of "the" %.3f, want 0.02-0.12`, share)
	}
	for _, w := range []string{"the", "said", "government", "minister", "prime", "police", "army", "restored"} {
		if counts[w] == 0 {
			t.Errorf("word %q never appears", w)
		}
	}
}

func TestTruthConsistent(t *testing.T) {
	const n = 5000
	g := New(Config{Articles: n, Seed: 11})
	truth := make([]Truth, 0, n)
	arts := make([]string, 0, n)
	kinds := map[string]int{}
	origins := map[string]bool{}
	for a, tr := range g.All() {
		truth = append(truth, tr)
		arts = append(arts, a.Text)
		kinds[tr.Kind]++
		if tr.ID != int64(len(truth)) || a.ID != tr.ID {
			t.Fatalf("article %d has ID %d, truth ID %d", len(truth), a.ID, tr.ID)
		}
		if origins[filepath.Base(tr.Origin)] {
			t.Errorf("origin %s used twice", tr.Origin)
		}
		origins[filepath.Base(tr.Origin)] = true
		if a.Source == "" || a.Title == "" || a.Text == "" || a.Language == "" {
			t.Errorf("article %d lacks source, title, text or language", a.ID)
		}
	}
	t.Logf("kinds: %v", kinds)
	for _, k := range []string{KindDispatch, KindCopy, KindTranslation, KindMerge, KindEvent, KindStandalone} {
		if kinds[k] == 0 {
			t.Errorf("no article of kind %s", k)
		}
	}
	for _, tr := range truth {
		switch tr.Kind {
		case KindDispatch, KindEvent, KindStandalone:
			if len(tr.From) != 0 || tr.Story != tr.ID {
				t.Errorf("%d (%s): from %v, story %d", tr.ID, tr.Kind, tr.From, tr.Story)
			}
			continue
		}
		want := 1
		if tr.Kind == KindMerge {
			want = 2
		}
		if len(tr.From) != want {
			t.Errorf("%d (%s): from %v, want %d dispatches", tr.ID, tr.Kind, tr.From, want)
			continue
		}
		for _, f := range tr.From {
			if f < 1 || f >= tr.ID {
				t.Errorf("%d (%s): from %d, want an earlier article", tr.ID, tr.Kind, f)
				continue
			}
			d := truth[f-1]
			if d.Kind != KindDispatch || d.Event != tr.Event {
				t.Errorf("%d (%s) from %d, which is a %s of event %d, want a dispatch of event %d", tr.ID, tr.Kind, f, d.Kind, d.Event, tr.Event)
			}
		}
		d := truth[tr.From[0]-1]
		if tr.Story != d.ID || tr.Supplier != d.Source {
			t.Errorf("%d: story %d supplier %s, want %d %s", tr.ID, tr.Story, tr.Supplier, d.ID, d.Source)
		}
		supplierCredited := slices.ContainsFunc(tr.Credits, func(c wiretrace.Credit) bool {
			return c.Agency == tr.Supplier && c.Role == wiretrace.RoleSupplier
		})
		if tr.Credited != supplierCredited {
			t.Errorf("%d: credited %v, credits %v", tr.ID, tr.Credited, tr.Credits)
		}
		switch tr.Kind {
		case KindTranslation:
			if tr.Language == d.Language || tr.SourceLanguage != d.Language {
				t.Errorf("translation %d: language %s, source %s, dispatch in %s", tr.ID, tr.Language, tr.SourceLanguage, d.Language)
			}
		default:
			if tr.Language != d.Language {
				t.Errorf("copy %d in %s of a dispatch in %s", tr.ID, tr.Language, d.Language)
			}
		}
		if tr.Kind == KindCopy && slices.Contains(tr.Edits, EditVerbatim) {
			// A verbatim copy carries every paragraph of the dispatch body.
			for _, p := range strings.Split(arts[d.ID-1], "\n\n")[1:] {
				if !strings.Contains(arts[tr.ID-1], p) && !isSignoff(p) {
					t.Errorf("verbatim copy %d lacks paragraph %q of %d", tr.ID, p, d.ID)
					break
				}
			}
		}
	}
}

func isSignoff(p string) bool { return len(p) < 80 && !strings.Contains(p, ". ") }

// TestSameEventSharesNoText checks that reports of the same event that are
// not copies share no paragraph with the dispatches.
func TestSameEventSharesNoText(t *testing.T) {
	g := New(Config{Articles: 3000, Seed: 5})
	byEvent := map[int][]int{}
	var texts []string
	var truth []Truth
	for a, tr := range g.All() {
		texts = append(texts, a.Text)
		truth = append(truth, tr)
		byEvent[tr.Event] = append(byEvent[tr.Event], len(truth)-1)
	}
	checked := 0
	for _, ids := range byEvent {
		for _, i := range ids {
			if truth[i].Kind != KindEvent {
				continue
			}
			for _, j := range ids {
				if truth[j].Kind != KindDispatch {
					continue
				}
				checked++
				for _, p := range strings.Split(texts[i], "\n\n") {
					if len(p) > 120 && strings.Contains(texts[j], p) {
						t.Errorf("event report %d shares paragraph %q with dispatch %d", i+1, p, j+1)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no event report beside a dispatch")
	}
}

func TestLengthAndLanguages(t *testing.T) {
	g := New(Config{Articles: 2000, Seed: 2})
	langsSeen := map[string]int{}
	var words []int
	for a, tr := range g.All() {
		langsSeen[a.Language]++
		if tr.Language == "en" {
			words = append(words, len(strings.Fields(a.Text)))
		}
	}
	for _, l := range []string{"en", "fr", "es", "de", "ru", "zh"} {
		if langsSeen[l] == 0 {
			t.Errorf("no article in %s", l)
		}
	}
	sort.Ints(words)
	p5, p95 := words[len(words)*5/100], words[len(words)*95/100]
	t.Logf("English words per article: p5 %d, median %d, p95 %d", p5, words[len(words)/2], p95)
	if p5 < 100 || p95 > 700 {
		t.Errorf("words per article p5 %d p95 %d, want within 100-700", p5, p95)
	}
}

func TestNames(t *testing.T) {
	tests := []struct{ name, lang, want string }{
		{"Kassym Tokayev", "fr", "Kassym Tokaïev"},
		{"Kassym Tokayev", "de", "Kassym Tokajew"},
		{"Kassym Tokayev", "ru", "Кассым Токаев"},
		{"Kassym Tokayev", "en", "Kassym Tokayev"},
	}
	for _, tt := range tests {
		if got := nameIn(tt.name, tt.lang); got != tt.want {
			t.Errorf("nameIn(%q, %s) = %q, want %q", tt.name, tt.lang, got, tt.want)
		}
	}
	if got := langs()[langIndex("fr")].formatNumber(2000); got != "2.000" {
		t.Errorf("French 2000 = %q", got)
	}
	if got := langs()[0].formatNumber(1234567); got != "1,234,567" {
		t.Errorf("English 1234567 = %q", got)
	}
}

func dirHash(t *testing.T, dir string) (string, int) {
	t.Helper()
	h := sha256.New()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil)), n
}

func TestWriteDir(t *testing.T) {
	const n = 600
	g := New(Config{Articles: n, Seed: 9})
	dir1, dir2 := t.TempDir(), t.TempDir()
	st, err := WriteDir(context.Background(), g, dir1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != n || st.Text+st.HTML != n || st.HTML == 0 || st.Text == 0 {
		t.Errorf("stats %+v", st)
	}
	prev := runtime.GOMAXPROCS(1)
	_, err = WriteDir(context.Background(), New(Config{Articles: n, Seed: 9}), dir2, nil)
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	h1, files := dirHash(t, dir1)
	h2, _ := dirHash(t, dir2)
	if h1 != h2 {
		t.Error("two writes of the same corpus differ")
	}
	if want := n + st.Folders + 1; files != want {
		t.Errorf("%d files, want %d", files, want)
	}

	// The truth file: one line per article, in ID order.
	b, err := os.ReadFile(filepath.Join(dir1, TruthName))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != n {
		t.Fatalf("%s has %d lines, want %d", TruthName, len(lines), n)
	}
	var truth []Truth
	for i, l := range lines {
		var tr Truth
		if err := json.Unmarshal([]byte(l), &tr); err != nil || tr.ID != int64(i+1) {
			t.Fatalf("truth line %d: %v (id %d)", i+1, err, tr.ID)
		}
		truth = append(truth, tr)
	}

	// Every file has an importable shape; every text file is in its
	// folder's manifest.
	listed := map[string][]string{}
	folders, _ := os.ReadDir(dir1)
	for _, f := range folders {
		if !f.IsDir() {
			continue
		}
		mf, err := os.Open(filepath.Join(dir1, f.Name(), ManifestName))
		if err != nil {
			t.Fatalf("folder %s: %v", f.Name(), err)
		}
		rows, err := csv.NewReader(mf).ReadAll()
		mf.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], ManifestColumns) {
			t.Errorf("manifest header %v", rows[0])
		}
		for _, r := range rows[1:] {
			listed[f.Name()+"/"+r[0]] = r
		}
	}
	for _, tr := range truth {
		b, err := os.ReadFile(filepath.Join(dir1, filepath.FromSlash(tr.Origin)))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		switch filepath.Ext(tr.Origin) {
		case ".txt":
			title, rest, ok := strings.Cut(s, "\n\n")
			if !ok || title == "" || strings.Contains(title, "\n") || rest == "" {
				t.Errorf("%s: want a title line, a blank line and the text", tr.Origin)
			}
			row := listed[tr.Origin]
			if row == nil {
				t.Errorf("%s not in its manifest", tr.Origin)
			} else if row[1] != tr.Source || row[4] != tr.Language || (row[3] == "") != tr.Published.IsZero() {
				t.Errorf("%s: manifest row %v, truth %s %s %v", tr.Origin, row, tr.Source, tr.Language, tr.Published)
			}
		case ".html":
			for _, want := range []string{`<html lang="` + tr.Language + `">`, `<meta property="og:site_name"`, "<h1>", "<nav>", "<footer"} {
				if !strings.Contains(s, want) {
					t.Errorf("%s lacks %s", tr.Origin, want)
				}
			}
			if strings.Contains(s, "article:published_time") == tr.Published.IsZero() {
				t.Errorf("%s: published_time present = %v, undated = %v", tr.Origin, !tr.Published.IsZero(), tr.Published.IsZero())
			}
		default:
			t.Errorf("%s: unexpected extension", tr.Origin)
		}
	}
}

func BenchmarkArticle(b *testing.B) {
	g := New(Config{Articles: 100000, Seed: 1})
	b.ResetTimer()
	var bytes int64
	for i := 0; b.Loop(); i++ {
		a, _ := g.Article(i % g.Len())
		bytes += int64(len(a.Text))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.SetBytes(bytes / int64(max(b.N, 1)))
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		New(Config{Articles: 100000, Seed: 1})
	}
}

func TestScore(t *testing.T) {
	g := New(Config{Articles: 2000, Seed: 4})
	var truth []Truth
	for _, tr := range g.All() {
		truth = append(truth, tr)
	}
	exp := ExpectedLinks(truth)
	var perfect []Pair
	for p := range exp {
		perfect = append(perfect, p)
	}
	s := Score(truth, perfect)
	if s.Precision != 1 || s.Recall != 1 || s.StoryRecall != 1 {
		t.Errorf("perfect links score %+v", s)
	}
	// Linking every same-event pair adds only false links.
	var sameEvent []Pair
	byEvent := map[int][]int64{}
	for _, tr := range truth {
		byEvent[tr.Event] = append(byEvent[tr.Event], tr.ID)
	}
	for _, ids := range byEvent {
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				if !ShareText(&truth[ids[i]-1], &truth[ids[j]-1]) {
					sameEvent = append(sameEvent, MakePair(ids[i], ids[j]))
				}
			}
		}
	}
	if len(sameEvent) == 0 {
		t.Fatal("no same-event pair without shared text")
	}
	s = Score(truth, append(perfect, sameEvent...))
	if s.Recall != 1 || s.Precision >= 1 || s.FalseSameEvent != len(sameEvent) {
		t.Errorf("with same-event links: %+v (%d same-event pairs)", s, len(sameEvent))
	}
	for p, kind := range exp {
		a, b := truth[p.A-1], truth[p.B-1]
		if (kind == wiretrace.LinkTranslation) != (a.Language != b.Language) {
			t.Errorf("link %v kind %s between %s and %s", p, kind, a.Language, b.Language)
		}
	}
}

func BenchmarkWriteDir(b *testing.B) {
	const n = 5000
	g := New(Config{Articles: n, Seed: 1})
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		if _, err := WriteDir(context.Background(), g, dir, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
}
