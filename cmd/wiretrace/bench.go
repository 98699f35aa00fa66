package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wiretrace/wiretrace/bench"
)

func init() {
	register(&command{
		name:    "bench",
		usage:   "[--sizes 10000,100000] [--seed S] [--dir DIR] [--files] [--provenance] [--rounds N] [--out FILE]",
		summary: "measure import, archive size, open time and a fixed query mix against a bare FTS5 floor on generated archives",
		run:     runBench,
	})
}

func runBench(ctx context.Context, env *Env, args []string) error {
	c := commands["bench"]
	fs := newFlags(c, env)
	sizes := fs.String("sizes", "10000,100000", "comma-separated archive `SIZES` in articles")
	seed := fs.Int64("seed", 7, "corpus `SEED`")
	dir := fs.String("dir", filepath.Join(os.TempDir(), "wiretrace-bench"), "working `DIR` for archives and files (reused between runs)")
	files := fs.Bool("files", false, "import the corpus through files (gen --out, then import) instead of storing articles directly")
	prov := fs.Bool("provenance", false, "link provenance during the import and score the links against the corpus truth")
	rounds := fs.Int("rounds", 5, "timed rounds of the query mix")
	out := fs.String("out", "", "also write the Markdown table to `FILE`")
	attribution := fs.Float64("attribution", 0, "instead of search: score attribution on a corpus with this `SHARE` of hard agency stories (e.g. 0.3; see docs/attribution-bench.md)")
	reuse := fs.Bool("reuse", false, "search the archive an earlier run left in --dir instead of importing it again (no import figures)")
	if _, err := parseFlags(c, env, fs, args); err != nil {
		if err == errHelp {
			return nil
		}
		return err
	}
	if *attribution > 0 {
		return benchAttribution(ctx, env, *sizes, *seed, *attribution, *files, *dir, *out)
	}
	var reps []*bench.Report
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return &usageError{err: fmt.Errorf("bench: --sizes: %q is not a number of articles", f)}
		}
		rep, err := bench.Run(ctx, bench.Options{Articles: n, Seed: *seed, Dir: *dir, Files: *files, Provenance: *prov, Rounds: *rounds, Reuse: *reuse, Log: env.Stderr})
		if err != nil {
			return fmt.Errorf("bench %d: %w", n, err)
		}
		reps = append(reps, rep)
	}
	bench.WriteMarkdown(env.Stdout, reps)
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		bench.WriteMarkdown(f, reps)
		if err := f.Close(); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	return nil
}

// benchAttribution runs bench.RunAttribution at each size and prints its
// tables (direction per evidence kind, arrows drawn, agency recall, link
// time per article).
func benchAttribution(ctx context.Context, env *Env, sizes string, seed int64, hard float64, files bool, dir, out string) error {
	var reps []*bench.Attribution
	for _, f := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return &usageError{err: fmt.Errorf("bench: --sizes: %q is not a number of articles", f)}
		}
		rep, err := bench.RunAttribution(ctx, bench.AttributionOptions{Articles: n, Seed: seed, Hard: hard, Files: files, Dir: dir, Log: env.Stderr})
		if err != nil {
			return fmt.Errorf("bench attribution %d: %w", n, err)
		}
		reps = append(reps, rep)
	}
	bench.WriteAttributionMarkdown(env.Stdout, reps)
	if out == "" {
		return nil
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	bench.WriteAttributionMarkdown(f, reps)
	if err := f.Close(); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	return nil
}
