package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/gen"
)

// sizes returns the corpus sizes of WIRETRACE_BENCH_SIZES ("10000,100000"),
// or def.
func sizes(t testing.TB, def []int) []int {
	v := os.Getenv("WIRETRACE_BENCH_SIZES")
	if v == "" {
		return def
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			t.Fatalf("WIRETRACE_BENCH_SIZES: bad size %q", f)
		}
		out = append(out, n)
	}
	return out
}

func TestMixIsFixed(t *testing.T) {
	a, b := Mix(7), Mix(7)
	if len(a) != len(b) || len(a) < 20 {
		t.Fatalf("mix of %d and %d queries", len(a), len(b))
	}
	classes := map[string]bool{}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Q.Text == "" {
			t.Errorf("query %d: %q then %q", i, a[i].Name, b[i].Name)
		}
		classes[a[i].Class] = true
	}
	for _, c := range []string{"rare", "mid", "common", "phrase", "prefix", "boolean", "filter", "sort"} {
		if !classes[c] {
			t.Errorf("no %s query in the mix", c)
		}
	}
}

// TestRunSmall runs the whole harness on a small corpus, both ways of
// importing, and checks that the figures are there.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two archives")
	}
	for _, files := range []bool{false, true} {
		t.Run("files="+strconv.FormatBool(files), func(t *testing.T) {
			rep, err := Run(context.Background(), Options{Articles: 400, Dir: t.TempDir(), Files: files, Rounds: 1, Provenance: !files})
			if err != nil {
				t.Fatal(err)
			}
			if rep.ImportRate <= 0 || rep.ArchiveBytes <= 0 || rep.RawBytes <= 0 || rep.OpenMillis <= 0 {
				t.Errorf("report %+v", rep)
			}
			byName := map[string]QueryReport{}
			for _, q := range rep.Queries {
				byName[q.Name] = q
				if q.FloorErr != "" {
					t.Errorf("floor of %s: %s", q.Name, q.FloorErr)
				}
			}
			if q := byName["said"]; q.Total == 0 || q.FloorTotal == 0 {
				t.Errorf(`"said": %d matches, floor %d`, q.Total, q.FloorTotal)
			}
			if !files {
				if rep.Links == nil || rep.Links.Expected == 0 || rep.LinkPerArticle.All <= 0 || rep.RelinkSeconds <= 0 {
					t.Fatalf("provenance figures: %+v %+v, relink %.3f s", rep.Links, rep.LinkPerArticle, rep.RelinkSeconds)
				}
				t.Logf("links: %+v", *rep.Links)
			}
			var md bytes.Buffer
			WriteMarkdown(&md, []*Report{rep})
			if !strings.Contains(md.String(), "| 400 |") {
				t.Errorf("markdown:\n%s", md.String())
			}
		})
	}
}

// TestReport measures the sizes of WIRETRACE_BENCH_SIZES and prints the
// Markdown tables; WIRETRACE_BENCH_OUT names a file to write them to,
// WIRETRACE_BENCH_FILES=1 imports through files and WIRETRACE_BENCH_LINK=1
// links provenance during the import and scores the links. It is skipped unless
// WIRETRACE_BENCH_SIZES is set:
//
//	WIRETRACE_BENCH_SIZES=10000,100000 go test ./bench -run TestReport -v -timeout 60m
func TestReport(t *testing.T) {
	if os.Getenv("WIRETRACE_BENCH_SIZES") == "" {
		t.Skip("set WIRETRACE_BENCH_SIZES=10000,100000 to run")
	}
	dir := os.Getenv("WIRETRACE_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "wiretrace-bench")
	}
	var reps []*Report
	for _, n := range sizes(t, nil) {
		rep, err := Run(context.Background(), Options{Articles: n, Dir: dir, Files: os.Getenv("WIRETRACE_BENCH_FILES") == "1",
			Provenance: os.Getenv("WIRETRACE_BENCH_LINK") == "1", Log: testLog{t}})
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	var md bytes.Buffer
	WriteMarkdown(&md, reps)
	t.Log("\n" + md.String())
	if out := os.Getenv("WIRETRACE_BENCH_OUT"); out != "" {
		if err := os.WriteFile(out, md.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

var (
	benchOnce  sync.Map // size -> *benchDB
	benchDirMu sync.Mutex
)

type benchDB struct {
	once sync.Once
	path string
	err  error
}

// archiveFor returns an archive of n generated articles (seed 7), built
// once per process in the temporary folder.
func archiveFor(b *testing.B, n int) string {
	v, _ := benchOnce.LoadOrStore(n, &benchDB{})
	d := v.(*benchDB)
	d.once.Do(func() {
		dir := filepath.Join(os.TempDir(), "wiretrace-bench")
		d.path = filepath.Join(dir, "search-"+strconv.Itoa(n)+".db")
		if _, err := os.Stat(d.path); err == nil {
			return
		}
		benchDirMu.Lock()
		defer benchDirMu.Unlock()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			d.err = err
			return
		}
		tmp := d.path + ".tmp"
		os.Remove(tmp)
		s, err := archive.Open(tmp)
		if err != nil {
			d.err = err
			return
		}
		g := gen.New(gen.Config{Articles: n, Seed: 7, Credits: true})
		if err := gen.WriteArchive(context.Background(), g, s, gen.ArchiveOptions{}); err != nil {
			s.Close()
			d.err = err
			return
		}
		if err := s.Close(); err != nil {
			d.err = err
			return
		}
		d.err = os.Rename(tmp, d.path)
	})
	if d.err != nil {
		b.Fatal(d.err)
	}
	return d.path
}

// BenchmarkSearch times every query of the mix through archive.Search and
// through bare FTS5, on archives of WIRETRACE_BENCH_SIZES (default 10000)
// articles kept in $TMPDIR/wiretrace-bench between runs:
//
//	go test ./bench -run - -bench Search -benchtime 20x
func BenchmarkSearch(b *testing.B) {
	for _, n := range sizes(b, []int{10000}) {
		path := archiveFor(b, n)
		s, err := archive.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		fl, err := newFloor(context.Background(), s.DB())
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range Mix(7) {
			name := strconv.Itoa(n) + "/" + q.Class + "/" + strings.NewReplacer(" ", "_", "/", "_").Replace(q.Name)
			b.Run(name+"/wiretrace", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Search(context.Background(), q.Q); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/fts5-top20", func(b *testing.B) {
				for b.Loop() {
					if _, err := fl.top(context.Background(), q.Q); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/fts5-facets", func(b *testing.B) {
				for b.Loop() {
					if _, err := fl.facets(context.Background(), q.Q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		s.Close()
	}
}

// BenchmarkImport stores generated articles into a new archive, in
// batches of 2000, and reports articles per second.
func BenchmarkImport(b *testing.B) {
	n := 10000
	g := gen.New(gen.Config{Articles: n, Seed: 7, Credits: true})
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		s, err := archive.Open(filepath.Join(dir, "a.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := gen.WriteArchive(context.Background(), g, s, gen.ArchiveOptions{}); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// The link time of a flush (a batch of no articles) counts in the last
// tenth and in the whole, not as a batch of its own.
func TestLinkTimerFigures(t *testing.T) {
	var l linkTimer
	for i := 0; i < 5; i++ {
		l.add(2000, 2*time.Second) // 1 ms an article
	}
	l.add(0, 2*time.Second)
	f := l.figures()
	if f.FirstTenth != 1 || f.LastTenth != 2 || f.All != 1.2 {
		t.Errorf("got %+v, want first tenth 1, last tenth 2, all 1.2 ms an article", f)
	}
}
