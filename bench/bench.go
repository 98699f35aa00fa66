// Package bench measures Wiretrace at scale on generated corpora: import
// throughput and memory, archive size against raw text, time to open, and
// search latency for a fixed, published query mix, side by side with a bare
// FTS5 query on the same file (the floor of this design).
//
// Run it with `go test ./bench -run TestReport -v -timeout 60m` and
// WIRETRACE_BENCH_SIZES=10000,100000 (see bench_test.go), or call Run from
// a command.
package bench

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/gen"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/linking"
)

// Options set up one benchmark run.
type Options struct {
	Articles int   // corpus size
	Seed     int64 // corpus seed; 0 means 7, as the scale check uses
	// Dir holds the archive and generated files; it is created if needed.
	Dir string
	// Files, when set, imports the corpus as files (gen.WriteDir, then
	// importer.Run) instead of storing the generated articles directly,
	// and reports file import throughput.
	Files bool
	// Link, when set, is called after every stored batch with the new IDs,
	// as `wiretrace import` does for provenance linking; its time is part
	// of the import figures.
	Link func(ctx context.Context, s *archive.Store, ids []int64) error
	// Provenance links every batch with one linking service (unless Link is
	// set) and scores the stored links against the generator's truth.
	Provenance bool
	// Rounds is how many times the query mix is timed after a warm-up
	// round; 0 means 5.
	Rounds int
	// Reuse searches the archive an earlier run left in Dir, when there is
	// one, instead of importing the corpus again; the report then has no
	// import figures.
	Reuse bool
	// Log, if not nil, receives progress lines.
	Log io.Writer
	// flush, when set, ends the linking once the last batch is stored
	// (batchLinker.flush).
	flush func(ctx context.Context) error
}

// Report holds the figures of one run.
type Report struct {
	Articles      int
	Seed          int64
	Files         bool
	RawBytes      int64   // titles and texts as generated
	ArchiveBytes  int64   // the archive file after Close
	ImportSeconds float64 // generating (and writing files) excluded
	ImportRate    float64 // articles per second
	ImportPeakRSS int64   // peak resident memory of the process during import, bytes
	OpenMillis    float64 // median time of archive.Open on the existing file
	SearchPeakRSS int64   // peak resident memory during the query mix (Wiretrace only)
	Reused        bool    // the archive came from an earlier run: no import figures
	Queries       []QueryReport
	// Provenance figures, when Options.Provenance or Link was set.
	Links          *gen.Scores
	LinkPerArticle LinkTime
	RelinkSeconds  float64 // linking.Service.Relink of the whole archive after the import
	// All and Floor are latencies over every timed query of the mix; First
	// is Wiretrace's first round (not in All), the first time each query
	// ran in this process.
	All, First, Floor, FloorFacets Latency
	Machine                        string
}

// LinkTime is the provenance linking time per article, in milliseconds,
// over the whole import and over its first and last tenths, which shows
// whether it grows with the archive.
type LinkTime struct {
	All, FirstTenth, LastTenth float64
}

// QueryReport is the figures of one query of the mix.
type QueryReport struct {
	Query
	Total       int     // matches Wiretrace reported
	Wiretrace   Latency // archive.Store.Search: first page with snippets and all facets
	First       float64 // Store.Search the first time in the process, ms
	Floor       Latency // bare FTS5: top 20 by bm25 with snippets (filters joined)
	FloorFacets Latency // bare FTS5: exact counts by source and month
	FloorTotal  int     // matches the bare FTS5 query counted
	FloorErr    string  // why the floor could not run, if it could not
}

// Latency is a distribution of query times in milliseconds.
type Latency struct {
	P50, P95, P99, Max float64
	N                  int
}

func latency(ms []float64) Latency {
	if len(ms) == 0 {
		return Latency{}
	}
	s := slices.Clone(ms)
	slices.Sort(s)
	q := func(p float64) float64 {
		i := int(math.Ceil(p*float64(len(s)))) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return Latency{P50: q(0.50), P95: q(0.95), P99: q(0.99), Max: s[len(s)-1], N: len(s)}
}

// Query is one query of the published mix.
type Query struct {
	Class string // rare, mid, common, phrase, prefix, boolean, filter, sort, multilingual
	Name  string // how the report shows it
	Q     archive.Query
}

// Mix returns the fixed query mix for corpora of gen with the given seed.
// The rare words are names of the corpus, picked the same way every time,
// so the mix is the same for every size and run with that seed.
func Mix(seed int64) []Query {
	if seed == 0 {
		seed = 7
	}
	rare := rareNames(seed)
	from := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)
	q := func(class, text string) Query {
		return Query{Class: class, Name: text, Q: archive.Query{Text: text}}
	}
	mix := []Query{
		q("common", "the"),
		q("common", "said"),
		q("common", "government minister"),
		q("mid", "tariff"),
		q("mid", "earthquake rescue"),
		q("mid", "Bishkek"),
		q("rare", rare[0]),
		q("rare", rare[1]),
		q("rare", rare[0]+" "+rare[2]),
		q("phrase", `"prime minister"`),
		q("phrase", `"interior ministry"`),
		q("phrase", `"at least" killed`),
		q("prefix", "restor*"),
		q("prefix", "minist*"),
		q("boolean", "police -army"),
		q("boolean", "tariff OR sanctions"),
		q("multilingual", "gouvernement"),
		q("multilingual", "Regierung"),
		q("multilingual", "政府"),
	}
	f := func(class, name string, qq archive.Query) { mix = append(mix, Query{Class: class, Name: name, Q: qq}) }
	f("filter", "said --source 'Business Standard'", archive.Query{Text: "said", Sources: []string{"Business Standard"}})
	f("filter", "government --from 2019-01-01 --to 2019-12-31", archive.Query{Text: "government", From: from, To: to})
	f("filter", "earthquake --lang en", archive.Query{Text: "earthquake", Languages: []string{"en"}})
	f("filter", "minister --agency AFP", archive.Query{Text: "minister", Agencies: []string{"AFP"}})
	f("filter", rare[1]+" --from 2019-01-01 --to 2019-12-31", archive.Query{Text: rare[1], From: from, To: to})
	f("sort", "police --sort newest", archive.Query{Text: "police", Sort: archive.SortNewest})
	f("sort", "the --sort oldest", archive.Query{Text: "the", Sort: archive.SortOldest})
	f("sort", "tariff --sort newest --lang en", archive.Query{Text: "tariff", Sort: archive.SortNewest, Languages: []string{"en"}})
	for i := range mix {
		if mix[i].Q.Limit == 0 {
			mix[i].Q.Limit = 20
		}
	}
	return mix
}

// rareNames returns three surnames of people in the news of the first
// articles of a corpus with this seed, which every corpus with that seed
// shares whatever its size. Most appear in a handful of articles per 100k.
func rareNames(seed int64) []string {
	g := gen.New(gen.Config{Articles: 50, Seed: seed})
	var out []string
	seen := map[string]bool{}
	for i := 0; i < g.Len() && len(out) < 3; i++ {
		for _, p := range g.People(i) {
			f := strings.Fields(p)
			last := f[len(f)-1]
			if !seen[last] && len(last) > 5 && len(out) < 3 {
				seen[last] = true
				out = append(out, last)
			}
		}
	}
	return out
}

func (o *Options) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// RSSSampler records the peak resident memory of the process, sampled
// every 50 ms.
type RSSSampler struct {
	peak atomic.Int64
	stop chan struct{}
	wg   sync.WaitGroup
}

// StartRSS starts sampling.
func StartRSS() *RSSSampler {
	s := &RSSSampler{stop: make(chan struct{})}
	s.peak.Store(rss())
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				if r := rss(); r > s.peak.Load() {
					s.peak.Store(r)
				}
			}
		}
	}()
	return s
}

// Done stops sampling and returns the peak, in bytes.
func (s *RSSSampler) Done() int64 {
	close(s.stop)
	s.wg.Wait()
	if r := rss(); r > s.peak.Load() {
		s.peak.Store(r)
	}
	return s.peak.Load()
}

// rss returns the resident memory of the process, from /proc on Linux
// and the Go runtime's view elsewhere.
func rss() int64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				return kb << 10
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys)
}

// Run builds a new archive of opts.Articles generated articles in opts.Dir
// (replacing one left by an earlier run with the same options) and
// measures it. Generating the corpus is not part of the import figures.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.Seed == 0 {
		opts.Seed = 7
	}
	var lt linkTimer
	if opts.Provenance && opts.Link == nil {
		bl := &batchLinker{timer: &lt}
		opts.Link, opts.flush = bl.link, bl.flush
	}
	if opts.Rounds <= 0 {
		opts.Rounds = 5
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	rep := &Report{Articles: opts.Articles, Seed: opts.Seed, Files: opts.Files, Machine: Machine()}
	g := gen.New(gen.Config{Articles: opts.Articles, Seed: opts.Seed, Credits: !opts.Files})
	for a := range g.All() {
		rep.RawBytes += int64(len(a.Title) + len(a.Text))
	}
	mode := "db"
	if opts.Files {
		mode = "files"
	}
	dbPath := filepath.Join(opts.Dir, fmt.Sprintf("bench-%d-%d-%s.db", opts.Articles, opts.Seed, mode))
	if fi, err := os.Stat(dbPath); opts.Reuse && err == nil && fi.Size() > 0 {
		rep.Reused = true
		opts.logf("reusing %s", dbPath)
	} else {
		for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm"} {
			os.Remove(p)
		}
	}
	if opts.Link != nil {
		link := opts.Link
		opts.Link = func(ctx context.Context, s *archive.Store, ids []int64) error {
			t := time.Now()
			err := link(ctx, s, ids)
			lt.add(len(ids), time.Since(t))
			return err
		}
	}
	if !rep.Reused {
		if err := importCorpus(ctx, &opts, g, dbPath, rep); err != nil {
			return nil, err
		}
	} else if err := warm(ctx, dbPath); err != nil {
		return nil, err
	}
	if opts.Link != nil && !rep.Reused {
		rep.LinkPerArticle = lt.figures()
		sc, err := scoreLinks(ctx, g, dbPath)
		if err != nil {
			return nil, err
		}
		rep.Links = sc
		opts.logf("links: precision %.3f recall %.3f story recall %.3f, %.2f ms/article", sc.Precision, sc.Recall, sc.StoryRecall, rep.LinkPerArticle.All)
		if rep.RelinkSeconds, err = relink(ctx, dbPath); err != nil {
			return nil, err
		}
		opts.logf("relink: %.1f s", rep.RelinkSeconds)
	}
	fi, err := os.Stat(dbPath)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	rep.ArchiveBytes = fi.Size()

	// Time to open, median of five.
	var opens []float64
	for range 5 {
		t := time.Now()
		s, err := archive.Open(dbPath)
		if err != nil {
			return nil, fmt.Errorf("bench: open: %w", err)
		}
		opens = append(opens, ms(time.Since(t)))
		s.Close()
	}
	rep.OpenMillis = latency(opens).P50
	opts.logf("open: %.1f ms", rep.OpenMillis)

	if err := searchMix(ctx, &opts, dbPath, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// batchLinker links the batches of one import with one linking service,
// as `wiretrace import` does (its candidates, saturated fingerprints and
// link lock kept from batch to batch), waiting for each batch's links so
// that each is timed apart; flush updates the stories at the end, and its
// time counts in the figures as one more batch of no articles.
type batchLinker struct {
	svc   *linking.Service
	timer *linkTimer
}

func (b *batchLinker) link(ctx context.Context, s *archive.Store, ids []int64) error {
	if b.svc == nil {
		b.svc = linking.New(s, linking.Options{})
	}
	return b.svc.LinkBatch(ctx, ids)
}

func (b *batchLinker) flush(ctx context.Context) error {
	if b.svc == nil {
		return nil
	}
	t := time.Now()
	err := b.svc.Flush(ctx)
	b.timer.add(0, time.Since(t))
	return err
}

// relink times the recomputation of every link of the archive, as
// `wiretrace relink` does.
func relink(ctx context.Context, dbPath string) (float64, error) {
	s, err := archive.Open(dbPath)
	if err != nil {
		return 0, fmt.Errorf("bench: %w", err)
	}
	defer s.Close()
	t := time.Now()
	if _, err := linking.New(s, linking.Options{}).Relink(ctx); err != nil {
		return 0, fmt.Errorf("bench: relink: %w", err)
	}
	return time.Since(t).Seconds(), nil
}

// warm brings the kept match sets of a reused archive up to date, as the
// end of an import does.
func warm(ctx context.Context, dbPath string) error {
	s, err := archive.Open(dbPath)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if _, err := s.WarmSearch(ctx, time.Minute); err != nil {
		s.Close()
		return fmt.Errorf("bench: %w", err)
	}
	return s.Close()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// linkTimer records how long each batch took to link.
type linkTimer struct {
	n []int
	d []time.Duration
}

func (l *linkTimer) add(n int, d time.Duration) { l.n, l.d = append(l.n, n), append(l.d, d) }

func (l *linkTimer) figures() LinkTime {
	per := func(from, to int) float64 {
		n, d := 0, time.Duration(0)
		for i := from; i < to; i++ {
			n, d = n+l.n[i], d+l.d[i]
		}
		if n == 0 {
			return 0
		}
		return ms(d) / float64(n)
	}
	// Batches of no articles (the flush at the end) count in the last
	// tenth, not as one of its batches.
	k, batches := len(l.n), 0
	for _, n := range l.n {
		if n > 0 {
			batches++
		}
	}
	tenth := max(1, batches/10)
	last := k
	for seen := 0; last > 0 && seen < tenth; last-- {
		if l.n[last-1] > 0 {
			seen++
		}
	}
	return LinkTime{All: per(0, k), FirstTenth: per(0, min(tenth, k)), LastTenth: per(last, k)}
}

// scoreLinks reads the links stored in the archive and scores them
// against the truth, matching articles by file name.
func scoreLinks(ctx context.Context, g *gen.Generator, dbPath string) (*gen.Scores, error) {
	truth := make([]gen.Truth, 0, g.Len())
	byName := make(map[string]int64, g.Len())
	for _, tr := range g.All() {
		truth = append(truth, tr)
		byName[filepath.Base(tr.Origin)] = tr.ID
	}
	s, err := archive.Open(dbPath)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer s.Close()
	toTruth := map[int64]int64{}
	err = s.Each(ctx, func(a *wiretrace.Article) error {
		if id, ok := byName[filepath.Base(a.Origin)]; ok {
			toTruth[a.ID] = id
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	links, err := s.AllLinks(ctx)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	pairs := make([]gen.Pair, 0, len(links))
	for _, l := range links {
		pairs = append(pairs, gen.MakePair(toTruth[l.From], toTruth[l.To]))
	}
	sc := gen.Score(truth, pairs)
	return &sc, nil
}

func importCorpus(ctx context.Context, opts *Options, g *gen.Generator, dbPath string, rep *Report) error {
	s, err := archive.Open(dbPath)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	closed := false
	defer func() {
		if !closed {
			s.Close()
		}
	}()
	if opts.Files {
		dir := filepath.Join(opts.Dir, fmt.Sprintf("files-%d-%d", opts.Articles, opts.Seed))
		if _, err := os.Stat(filepath.Join(dir, gen.TruthName)); err != nil {
			opts.logf("writing %d files to %s", g.Len(), dir)
			if _, err := gen.WriteDir(ctx, g, dir, nil); err != nil {
				return err
			}
		}
		runtime.GC()
		mem := StartRSS()
		t := time.Now()
		iopts := importer.Options{}
		if opts.Link != nil {
			iopts.AfterBatch = func(ctx context.Context, ids []int64) error { return opts.Link(ctx, s, ids) }
		}
		sum, err := importer.Run(ctx, s, []string{dir}, iopts)
		if err == nil && opts.flush != nil {
			err = opts.flush(ctx)
		}
		rep.ImportSeconds = time.Since(t).Seconds()
		rep.ImportPeakRSS = mem.Done()
		if err != nil {
			return fmt.Errorf("bench: import: %w", err)
		}
		rep.ImportRate = float64(sum.Imported) / rep.ImportSeconds
		opts.logf("import of files: %d imported, %d duplicates, %d failed in %.1fs (%.0f/s)", sum.Imported, sum.Duplicates, sum.Failed, rep.ImportSeconds, rep.ImportRate)
		closed = true
		return s.Close()
	}
	// Straight into the store: generate batches ahead, time only the
	// stores (and linking).
	runtime.GC()
	mem := StartRSS()
	const batch = 2000
	var stored time.Duration
	for start := 0; start < g.Len(); start += batch {
		end := min(start+batch, g.Len())
		arts := make([]*wiretrace.Article, 0, end-start)
		for i := start; i < end; i++ {
			a, _ := g.Article(i)
			arts = append(arts, &a)
		}
		t := time.Now()
		res, err := s.Add(ctx, arts)
		if err != nil {
			return fmt.Errorf("bench: store: %w", err)
		}
		if opts.Link != nil {
			ids := make([]int64, 0, len(res))
			for _, r := range res {
				if !r.Duplicate {
					ids = append(ids, r.ID)
				}
			}
			if err := opts.Link(ctx, s, ids); err != nil {
				return fmt.Errorf("bench: link: %w", err)
			}
		}
		stored += time.Since(t)
		if end%20000 == 0 || end == g.Len() {
			opts.logf("stored %d/%d (%.0f/s)", end, g.Len(), float64(end)/stored.Seconds())
		}
	}
	t := time.Now()
	if opts.flush != nil {
		if err := opts.flush(ctx); err != nil {
			return fmt.Errorf("bench: link: %w", err)
		}
	}
	if _, err := s.WarmSearch(ctx, time.Minute); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	closed = true
	if err := s.Close(); err != nil {
		return fmt.Errorf("bench: close: %w", err)
	}
	stored += time.Since(t)
	rep.ImportPeakRSS = mem.Done()
	rep.ImportSeconds = stored.Seconds()
	rep.ImportRate = float64(g.Len()) / rep.ImportSeconds
	return nil
}

// searchMix times the query mix through the archive and through bare FTS5
// on the same file.
func searchMix(ctx context.Context, opts *Options, dbPath string, rep *Report) error {
	s, err := archive.Open(dbPath)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer s.Close()
	mix := Mix(opts.Seed)
	runtime.GC()
	// Wiretrace first, alone, so that its peak memory is its own; then
	// the floor on the same file.
	mem := StartRSS()
	wt := make([][]float64, len(mix))
	var first []float64
	rep.Queries = make([]QueryReport, len(mix))
	for round := 0; round <= opts.Rounds; round++ {
		for i, q := range mix {
			qr := &rep.Queries[i]
			qr.Query = q
			t := time.Now()
			res, err := s.Search(ctx, q.Q)
			d := ms(time.Since(t))
			if err != nil {
				return fmt.Errorf("bench: search %s: %w", q.Name, err)
			}
			qr.Total = res.Total
			if round > 0 {
				wt[i] = append(wt[i], d)
			} else {
				qr.First = d
				first = append(first, d)
			}
		}
		if round > 0 {
			opts.logf("round %d/%d done", round, opts.Rounds)
		}
	}
	rep.SearchPeakRSS = mem.Done()

	fl, err := newFloor(ctx, s.DB())
	if err != nil {
		opts.logf("floor: %v", err)
	}
	ft := make([][]float64, len(mix))
	ff := make([][]float64, len(mix))
	for round := 0; fl != nil && round <= opts.Rounds; round++ {
		for i, q := range mix {
			qr := &rep.Queries[i]
			if qr.FloorErr != "" {
				continue
			}
			t := time.Now()
			n, err := fl.top(ctx, q.Q)
			fd := ms(time.Since(t))
			t = time.Now()
			var total int
			if err == nil {
				total, err = fl.facets(ctx, q.Q)
			}
			fdf := ms(time.Since(t))
			if err != nil {
				qr.FloorErr = err.Error()
			} else if round > 0 {
				ft[i] = append(ft[i], fd)
				ff[i] = append(ff[i], fdf)
			}
			if n > q.Q.Limit {
				return fmt.Errorf("bench: floor %s: %d rows for a page of %d", q.Name, n, q.Q.Limit)
			}
			qr.FloorTotal = total
		}
		if round > 0 {
			opts.logf("floor round %d/%d done", round, opts.Rounds)
		}
	}
	var all, floor, floorF []float64
	for i := range mix {
		qr := &rep.Queries[i]
		qr.Wiretrace, qr.Floor, qr.FloorFacets = latency(wt[i]), latency(ft[i]), latency(ff[i])
		all = append(all, wt[i]...)
		floor = append(floor, ft[i]...)
		floorF = append(floorF, ff[i]...)
	}
	rep.All, rep.First, rep.Floor, rep.FloorFacets = latency(all), latency(first), latency(floor), latency(floorF)
	return nil
}

// floor runs the mix as bare FTS5 queries: the least this design can cost.
type floor struct {
	db    *sql.DB
	table string
}

func newFloor(ctx context.Context, db *sql.DB) (*floor, error) {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%' ORDER BY name LIMIT 1").Scan(&name)
	if err != nil {
		return nil, fmt.Errorf("no FTS5 table: %w", err)
	}
	return &floor{db: db, table: name}, nil
}

// where returns the filter clauses of q over articles a, and their args.
func floorWhere(q archive.Query) (string, []any) {
	var w []string
	var args []any
	if len(q.Sources) > 0 {
		w = append(w, "a.source IN ("+strings.TrimSuffix(strings.Repeat("?,", len(q.Sources)), ",")+")")
		for _, s := range q.Sources {
			args = append(args, s)
		}
	}
	if len(q.Languages) > 0 {
		w = append(w, "a.language IN ("+strings.TrimSuffix(strings.Repeat("?,", len(q.Languages)), ",")+")")
		for _, s := range q.Languages {
			args = append(args, s)
		}
	}
	if !q.From.IsZero() {
		w = append(w, "a.pubday >= ?")
		args = append(args, q.From.Year()*10000+int(q.From.Month())*100+q.From.Day())
	}
	if !q.To.IsZero() {
		w = append(w, "a.pubday <= ?")
		args = append(args, q.To.Year()*10000+int(q.To.Month())*100+q.To.Day())
	}
	if len(q.Agencies) > 0 {
		w = append(w, "a.id IN (SELECT article FROM article_agencies WHERE role != 'photo' AND agency IN ("+strings.TrimSuffix(strings.Repeat("?,", len(q.Agencies)), ",")+"))")
		for _, s := range q.Agencies {
			args = append(args, s)
		}
	}
	if len(w) == 0 {
		return "", nil
	}
	return " AND " + strings.Join(w, " AND "), args
}

// top fetches the first page with snippets, ranked by bm25 (or by date
// for the date sorts), as a plain FTS5 application would.
func (f *floor) top(ctx context.Context, q archive.Query) (int, error) {
	expr, _ := archive.Translate(q.Text)
	where, args := floorWhere(q)
	order := "bm25(" + f.table + ")"
	switch q.Sort {
	case archive.SortNewest:
		order = "a.pubday DESC"
	case archive.SortOldest:
		order = "a.pubday ASC"
	}
	query := fmt.Sprintf(`SELECT a.id, a.title, a.source, snippet(%[1]s, 1, '<mark>', '</mark>', '…', 16)
		FROM %[1]s JOIN articles a ON a.id = %[1]s.rowid
		WHERE %[1]s MATCH ?%[2]s ORDER BY %[3]s LIMIT ?`, f.table, where, order)
	rows, err := f.db.QueryContext(ctx, query, append(append([]any{expr}, args...), q.Limit)...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		var title, source, snip string
		if err := rows.Scan(&id, &title, &source, &snip); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}

// facets counts the whole match set by source and by month, exactly.
func (f *floor) facets(ctx context.Context, q archive.Query) (int, error) {
	expr, _ := archive.Translate(q.Text)
	where, args := floorWhere(q)
	query := fmt.Sprintf(`SELECT a.source, coalesce(a.pubday / 100, 0), count(*)
		FROM %[1]s JOIN articles a ON a.id = %[1]s.rowid
		WHERE %[1]s MATCH ?%[2]s GROUP BY 1, 2`, f.table, where)
	rows, err := f.db.QueryContext(ctx, query, append([]any{expr}, args...)...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	total := 0
	for rows.Next() {
		var src string
		var month, n int
		if err := rows.Scan(&src, &month, &n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, rows.Err()
}

// Machine describes this machine: OS, architecture, CPUs and Go version.
func Machine() string {
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	return fmt.Sprintf("%s/%s, %d CPUs (%s), %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpu, runtime.Version())
}

// WriteMarkdown writes the reports as Markdown tables: one summary row per
// size, then the latency of every query of the mix.
func WriteMarkdown(w io.Writer, reps []*Report) {
	if len(reps) == 0 {
		return
	}
	fmt.Fprintf(w, "Machine: %s. Corpus: `gen` seed %d.\n\n", reps[0].Machine, reps[0].Seed)
	fmt.Fprintln(w, "| articles | import | import/s | import peak RSS | raw text | archive | archive/raw | open | search p50/p95/p99 | first round p50/p95/p99 | FTS5 floor top-20 p50/p95/p99 | FTS5 floor facets p50/p95/p99 | search peak RSS |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|---|---:|")
	for _, r := range reps {
		how := "store"
		if r.Files {
			how = "files"
		}
		imp := fmt.Sprintf("%s %.1f s | %.0f | %.0f MB", how, r.ImportSeconds, r.ImportRate, mb(r.ImportPeakRSS))
		if r.Reused {
			imp = "(earlier run) | | "
		}
		fmt.Fprintf(w, "| %d | %s | %.0f MB | %.0f MB | %.2f× | %.1f ms | %s | %s | %s | %s | %.0f MB |\n",
			r.Articles, imp, mb(r.RawBytes), mb(r.ArchiveBytes),
			float64(r.ArchiveBytes)/float64(max(r.RawBytes, 1)), r.OpenMillis, lat(r.All), lat(r.First), lat(r.Floor), lat(r.FloorFacets), mb(r.SearchPeakRSS))
	}
	for _, r := range reps {
		if r.Links == nil {
			continue
		}
		l := r.Links
		fmt.Fprintf(w, "\nProvenance at %d articles: %d links found, precision %.3f, recall %.3f (%d of %d expected), story recall %.3f, %d false same-event links; link time %.2f ms/article (first tenth %.2f, last tenth %.2f); relinking the whole archive %.1f s.\n",
			r.Articles, l.Found, l.Precision, l.Recall, l.Recalled, l.Expected, l.StoryRecall, l.FalseSameEvent, r.LinkPerArticle.All, r.LinkPerArticle.FirstTenth, r.LinkPerArticle.LastTenth, r.RelinkSeconds)
	}
	for _, r := range reps {
		fmt.Fprintf(w, "\nQuery mix at %d articles (ms; Wiretrace = first page of 20 with snippets and every facet; floor = bare FTS5 on the same file):\n\n", r.Articles)
		fmt.Fprintln(w, "| class | query | matches | floor matches | Wiretrace p50/p95 | first run | floor top-20 p50/p95 | floor facets p50/p95 |")
		fmt.Fprintln(w, "|---|---|---:|---:|---|---:|---|---|")
		for _, q := range r.Queries {
			fl, ff := fmt.Sprintf("%.1f / %.1f", q.Floor.P50, q.Floor.P95), fmt.Sprintf("%.1f / %.1f", q.FloorFacets.P50, q.FloorFacets.P95)
			if q.FloorErr != "" {
				fl, ff = "n/a", "n/a"
			}
			fmt.Fprintf(w, "| %s | `%s` | %d | %d | %.1f / %.1f | %.1f | %s | %s |\n", q.Class, strings.ReplaceAll(q.Name, "|", `\|`), q.Total, q.FloorTotal, q.Wiretrace.P50, q.Wiretrace.P95, q.First, fl, ff)
		}
	}
}

func mb(b int64) float64 { return float64(b) / 1e6 }

func lat(l Latency) string {
	if l.N == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f / %.1f / %.1f", l.P50, l.P95, l.P99)
}
