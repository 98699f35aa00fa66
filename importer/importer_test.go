package importer_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/importer/charset"
)

const seeds = "../testdata/seeds"

func open(t *testing.T) *archive.Store {
	t.Helper()
	s, err := archive.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func run(t *testing.T, s *archive.Store, o importer.Options, paths ...string) *importer.Summary {
	t.Helper()
	sum, err := importer.Run(context.Background(), s, paths, o)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

func byOrigin(t *testing.T, s *archive.Store) map[string]*wiretrace.Article {
	t.Helper()
	m := map[string]*wiretrace.Article{}
	err := s.Each(context.Background(), func(a *wiretrace.Article) error {
		m[a.Origin[:3]] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func credits(a *wiretrace.Article) string {
	var c []string
	for _, cr := range a.Credits {
		c = append(c, cr.Agency+":"+cr.Role)
	}
	return strings.Join(c, ",")
}

// TestSeeds imports the founding articles (their folder manifest applies by
// itself) and checks what was read from each.
func TestSeeds(t *testing.T) {
	s := open(t)
	sum := run(t, s, importer.Options{}, seeds)
	if sum.Imported != 5 || sum.Failed != 0 || sum.Skipped != 0 {
		t.Fatalf("summary %+v, want 5 imported", sum.Progress)
	}
	ist := time.FixedZone("", 5*3600+1800)
	tests := []struct {
		origin, title, source, lang, credits, dateline string
		published                                      time.Time
	}{
		{"000", "Kazakh leader vows to rebuild city hit by deadly clashes", "DNA", "en", "AFP:supplier", "Nur-Sultan, JAN 22", time.Time{}},
		{"001", "Kazakh leader vows to restore city hit by fatal clashes; Russian-led troops to leave", "The Times of Israel", "en", "AFP:supplier,AP:photo", "ALMATY, Kazakhstan", time.Time{}},
		{"002", "Kazakhstan President urges post-riot restoration as situation stabilises", "Business Standard", "en", "IANS:supplier,Xinhua:cited", "Nur-Sultan", time.Date(2022, 1, 9, 11, 7, 0, 0, ist)},
		{"003", "Kazakh President Arrives In Almaty To Meet With Counter-terrorism Task Force - Spokesman", "Pakistan Point News", "en", "Sputnik:supplier", "NUR-SULTAN", time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC)},
		{"004", "", "The Epoch Times", "fr", "", "", time.Time{}},
	}
	got := byOrigin(t, s)
	for _, tt := range tests {
		a := got[tt.origin]
		if a == nil {
			t.Errorf("%s not imported", tt.origin)
			continue
		}
		if tt.title != "" && a.Title != tt.title {
			t.Errorf("%s title %q, want %q", tt.origin, a.Title, tt.title)
		}
		if a.Source != tt.source || a.Language != tt.lang || a.Dateline != tt.dateline {
			t.Errorf("%s source/lang/dateline %q/%q/%q, want %q/%q/%q", tt.origin, a.Source, a.Language, a.Dateline, tt.source, tt.lang, tt.dateline)
		}
		// Sputnik's article may also cite Tengrinews; only the listed credits must be there with their roles.
		c := credits(a)
		for _, want := range strings.Split(tt.credits, ",") {
			if want != "" && !strings.Contains(","+c+",", ","+want+",") {
				t.Errorf("%s credits %q lack %q", tt.origin, c, want)
			}
		}
		if tt.credits == "" && c != "" {
			t.Errorf("%s credits %q, want none", tt.origin, c)
		}
		if !a.Published.Equal(tt.published) {
			t.Errorf("%s published %v, want %v", tt.origin, a.Published, tt.published)
		}
		for _, junk := range []string{"Related News", "Dear Reader", "Never miss breaking news", "Rejoignez Epoch Times"} {
			if strings.Contains(a.Text, junk) {
				t.Errorf("%s text holds boilerplate %q", tt.origin, junk)
			}
		}
	}

	// Importing again stores nothing and reports duplicates, fast.
	sum = run(t, s, importer.Options{}, seeds)
	if sum.Imported != 0 || sum.Duplicates != 5 || sum.Unchanged != 5 {
		t.Errorf("re-import: %+v unchanged %d", sum.Progress, sum.Unchanged)
	}
	// A copy of the files elsewhere (not seen before) is still recognised by content.
	dir := t.TempDir()
	copySeeds(t, dir)
	sum = run(t, s, importer.Options{}, dir)
	if sum.Imported != 0 || sum.Duplicates != 5 {
		t.Errorf("import of copied files: %+v", sum.Progress)
	}
}

func copySeeds(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(seeds, "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
	}
}

// TestUnchangedFiles checks that an import run again counts the files it
// stored before as unchanged by their size and modification time (bytes
// changed behind them are not looked at), and reads a file again once its
// time changes.
func TestUnchangedFiles(t *testing.T) {
	dir := t.TempDir()
	copySeeds(t, dir)
	s := open(t)
	if sum := run(t, s, importer.Options{}, dir); sum.Imported != 5 {
		t.Fatalf("first import: %+v", sum.Progress)
	}
	victim := filepath.Join(dir, "003_79347d06a2bee05b.txt")
	fi, err := os.Stat(victim)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(victim, make([]byte, fi.Size()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(victim, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	sum := run(t, s, importer.Options{}, dir)
	if sum.Unchanged != 5 || sum.Failed != 0 || sum.Imported != 0 {
		t.Errorf("second import: %+v unchanged %d, want 5 unchanged", sum.Progress, sum.Unchanged)
	}
	later := fi.ModTime().Add(time.Minute)
	if err := os.Chtimes(victim, later, later); err != nil {
		t.Fatal(err)
	}
	sum = run(t, s, importer.Options{}, dir)
	if sum.Unchanged != 4 || sum.Failed != 1 {
		t.Errorf("after touching the changed file: %+v unchanged %d, want it read and failed", sum.Progress, sum.Unchanged)
	}
}

func TestBadFilesBesideGood(t *testing.T) {
	dir := t.TempDir()
	b, _ := os.ReadFile(filepath.Join(seeds, "002_37aa127d1d529e53.txt"))
	os.WriteFile(filepath.Join(dir, "good.txt"), b, 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "blank.txt"), []byte("\n \n\t\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "noise.bin"), []byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3}, 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), append([]byte("%PDF-1.4\n"), make([]byte, 300)...), 0o644)
	os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9 au lait \xe0 Almaty\n\nLe pr\xe9sident Toka\xefev a visit\xe9 Almaty mercredi.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.html"), []byte("<html><body><p>Unclosed <b>tags <div> and <p>a paragraph of real text about Almaty that goes on"), 0o644)
	os.MkdirAll(filepath.Join(dir, ".hidden"), 0o755)
	os.WriteFile(filepath.Join(dir, ".hidden", "x.txt"), []byte("hidden\n\nnot imported"), 0o644)

	s := open(t)
	var lines []string
	sum := run(t, s, importer.Options{Problem: func(p importer.Problem) { lines = append(lines, p.String()) }}, dir, filepath.Join(dir, "missing.txt"))
	if sum.Imported != 3 {
		t.Errorf("imported %d, want 3 (good, latin1, broken html); problems %q", sum.Imported, lines)
	}
	want := map[string]string{"empty.txt": "empty file", "blank.txt": "empty file", "noise.bin": "unsupported", "binary.txt": "binary", "missing.txt": "no such file"}
	for name, reason := range want {
		found := false
		for _, l := range lines {
			if strings.Contains(l, name) && strings.Contains(l, reason) && !strings.Contains(l, "\n") {
				found = true
			}
		}
		if !found {
			t.Errorf("no one-line problem for %s (%s) in %q", name, reason, lines)
		}
	}
	r, err := s.Search(context.Background(), archive.Query{Text: "café"})
	if err != nil || r.Total != 1 || r.Hits[0].Title != "Café au lait à Almaty" {
		t.Errorf("Latin-1 file: %v %+v", err, r)
	}
}

func TestExplicitManifestAndSource(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title A\n\nSome text about Almaty and the visit of the president."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Title B\n\nOther text about Astana and a meeting of ministers."), 0o644)
	man := filepath.Join(dir, "meta.json")
	os.WriteFile(man, []byte(`[{"file":"a.txt","source":"Dawn","published":"2022-01-12","url":"https://www.dawn.com/news/1"}]`), 0o644)
	m, err := importer.ReadManifest(man)
	if err != nil {
		t.Fatal(err)
	}
	s := open(t)
	sum := run(t, s, importer.Options{Manifest: m, Source: "Fallback Daily"}, dir)
	if sum.Imported != 2 || sum.Skipped != 0 {
		t.Errorf("summary %+v (the manifest must not be imported)", sum.Progress)
	}
	got := map[string]*wiretrace.Article{}
	s.Each(context.Background(), func(a *wiretrace.Article) error { got[a.Origin] = a; return nil })
	if a := got["a.txt"]; a == nil || a.Source != "Dawn" || a.URL != "https://www.dawn.com/news/1" || a.Published.Format("2006-01-02") != "2022-01-12" {
		t.Errorf("a.txt: %+v", a)
	}
	if b := got["b.txt"]; b == nil || b.Source != "Fallback Daily" {
		t.Errorf("b.txt: %+v", b)
	}
	if _, err := importer.ReadManifest(filepath.Join(dir, "a.txt")); err == nil {
		t.Error("a text file read as a manifest")
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	dir := t.TempDir()
	lines := `{"origin":"x1","source":"AFP","title":"One","text":"First article text about Almaty.","published":"2022-01-12T08:00:00Z","language":"en","credits":["AFP"]}
{"title": 5, "text": "wrong type"}
not json at all
{"source":"Le Monde","title":"Deux","text":"Le président Tokaïev s’est rendu à Almaty mercredi pour la première fois.","credits":[{"agency":"AFP","role":"supplier"}]}

{"title":"","text":""}
`
	os.WriteFile(filepath.Join(dir, "feed.jsonl"), []byte(lines), 0o644)
	s := open(t)
	var problems []string
	sum := run(t, s, importer.Options{Problem: func(p importer.Problem) { problems = append(problems, p.String()) }}, dir)
	if sum.Imported != 2 || sum.Failed != 3 {
		t.Errorf("summary %+v problems %q", sum.Progress, problems)
	}
	if len(problems) != 3 || !strings.Contains(problems[0], "feed.jsonl:2") || !strings.Contains(problems[0], "title") {
		t.Errorf("problems %q", problems)
	}
	r, _ := s.Search(context.Background(), archive.Query{Text: "Almaty", Agencies: []string{"AFP"}})
	if r.Total != 2 {
		t.Errorf("AFP articles %d, want 2", r.Total)
	}
	r, _ = s.Search(context.Background(), archive.Query{Languages: []string{"fr"}})
	if r.Total != 1 {
		t.Errorf("language detected for the French line: %d", r.Total)
	}
}

func TestResumeAfterCancel(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 300; i++ {
		os.WriteFile(filepath.Join(dir, strings.Repeat("a", 1+i%5)+itoa(i)+".txt"),
			[]byte("Story number "+itoa(i)+"\n\nThe text of story "+itoa(i)+" about the minister and the police."), 0o644)
	}
	s := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	sum, err := importer.Run(ctx, s, []string{dir}, importer.Options{BatchSize: 50, Progress: func(p importer.Progress) {
		n++
		if n == 2 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Imported == 0 || sum.Imported >= 300 {
		t.Fatalf("cancelled run: %+v interrupted=%v", sum.Progress, sum.Interrupted)
	}
	first := sum.Imported
	sum = run(t, s, importer.Options{BatchSize: 50}, dir)
	if sum.Imported != 300-first || sum.Unchanged != first {
		t.Errorf("resume: imported %d unchanged %d, want %d and %d", sum.Imported, sum.Unchanged, 300-first, first)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestParseErrors(t *testing.T) {
	if _, err := importer.Parse("x.txt", nil, importer.Defaults{}); !errors.Is(err, importer.ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	if _, err := importer.Parse("x.txt", []byte{0, 1, 2, 3, 0, 0, 0, 9}, importer.Defaults{}); !errors.Is(err, charset.ErrBinary) {
		t.Errorf("binary: %v", err)
	}
	if _, err := importer.Parse("x.pdf", []byte("%PDF"), importer.Defaults{}); !errors.Is(err, importer.ErrUnsupported) {
		t.Errorf("pdf: %v", err)
	}
}

// TestHugeAndOddFiles: a 100 MB text file, a file that is a directory
// symlink loop or unreadable are each reported on one line; the rest goes on.
func TestHugeAndOddFiles(t *testing.T) {
	dir := t.TempDir()
	huge, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	huge.Truncate(100 << 20) // sparse: costs no disk
	huge.Close()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Fine title\n\nA normal article about Almaty."), 0o644)
	os.WriteFile(filepath.Join(dir, "nested.html"), []byte(strings.Repeat("<div>", 100000)+"deep text"+strings.Repeat("</div>", 100000)), 0o644)
	os.Symlink(dir, filepath.Join(dir, "loop"))
	s := open(t)
	var lines []string
	sum := run(t, s, importer.Options{Problem: func(p importer.Problem) { lines = append(lines, p.String()) }}, dir)
	all := strings.Join(lines, "\n")
	if sum.Imported != 1 || !strings.Contains(all, "huge.txt: file too large (100 MB") || !strings.Contains(all, "nested.html") {
		t.Errorf("summary %+v, problems:\n%s", sum.Progress, all)
	}
}

// lookupCounter is an archive that counts the files looked up one by one.
type lookupCounter struct {
	*archive.Store
	lookups atomic.Int64
}

func (c *lookupCounter) FileImported(ctx context.Context, path string, size, mtime int64) (bool, error) {
	c.lookups.Add(1)
	return c.Store.FileImported(ctx, path, size, mtime)
}

// TestFreshFoldersAreNotLookedUp checks that the files of a folder nothing
// was imported from are not looked up one by one, and that every other
// case still is: a folder imported before, and folders given together
// that hold each other.
func TestFreshFoldersAreNotLookedUp(t *testing.T) {
	root := t.TempDir()
	write := func(dir string, n int) {
		os.MkdirAll(dir, 0o755)
		for i := range n {
			os.WriteFile(filepath.Join(dir, "s"+itoa(i)+".txt"),
				[]byte("Story "+dir+" "+itoa(i)+"\n\nThe text of story "+itoa(i)+" in "+filepath.Base(dir)+" about the minister."), 0o644)
		}
	}
	dir, sub, sibling := filepath.Join(root, "dir"), filepath.Join(root, "dir", "sub"), filepath.Join(root, "dirx")
	write(dir, 20)
	write(sub, 10)
	write(sibling, 5)
	c := &lookupCounter{Store: open(t)}
	importRun := func(paths ...string) *importer.Summary {
		t.Helper()
		c.lookups.Store(0)
		sum, err := importer.Run(context.Background(), c, paths, importer.Options{BatchSize: 7})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := importRun(sub); sum.Imported != 10 || c.lookups.Load() != 0 {
		t.Errorf("fresh folder: imported %d with %d lookups, want 10 with none", sum.Imported, c.lookups.Load())
	}
	// dir holds sub, imported before: every file is looked up.
	if sum := importRun(dir); sum.Imported != 20 || sum.Unchanged != 10 || c.lookups.Load() != 30 {
		t.Errorf("folder holding an imported one: imported %d, unchanged %d, %d lookups; want 20, 10, 30", sum.Imported, sum.Unchanged, c.lookups.Load())
	}
	// "dirx" starts like "dir" but is not under it.
	if sum := importRun(sibling); sum.Imported != 5 || c.lookups.Load() != 0 {
		t.Errorf("fresh sibling: imported %d with %d lookups, want 5 with none", sum.Imported, c.lookups.Load())
	}
	// A single file imported before, given by itself.
	if sum := importRun(filepath.Join(sibling, "s1.txt")); sum.Unchanged != 1 || c.lookups.Load() != 1 {
		t.Errorf("imported file again: unchanged %d, %d lookups", sum.Unchanged, c.lookups.Load())
	}

	// Folders that hold each other, given together to a fresh archive:
	// their shared files are looked up, and stored once.
	c2 := &lookupCounter{Store: open(t)}
	c = c2
	sum := importRun(dir, sub)
	if c.lookups.Load() != 40 || sum.Imported != 30 || sum.Imported+sum.Duplicates != 40 {
		t.Errorf("nested folders together: %d lookups, imported %d, duplicates %d; want 40 lookups, 30 imported, 10 duplicates or unchanged", c.lookups.Load(), sum.Imported, sum.Duplicates)
	}
}
