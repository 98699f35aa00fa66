package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/gen"
	"github.com/wiretrace/wiretrace/linking"
)

func init() {
	register(&command{
		name:    "gen",
		usage:   "--articles N [--seed S] (--out DIR | --db FILE [--truth FILE] [--link])",
		summary: "generate a deterministic news corpus with known syndication, for benchmarks",
		run:     runGen,
	})
}

func runGen(ctx context.Context, env *Env, args []string) error {
	c := commands["gen"]
	fs := newFlags(c, env)
	n := fs.Int("articles", 0, "number of articles to generate (`N`, required)")
	seed := fs.Int64("seed", 1, "random `SEED`: the same N and seed give byte-identical output")
	out := fs.String("out", "", "write files under `DIR`: .txt and .html per outlet folder, a "+gen.ManifestName+" per folder, "+gen.TruthName+" at the top")
	db := fs.String("db", "", "store the articles in the new or empty archive `FILE` instead")
	truth := fs.String("truth", "", "with --db: also write the ground truth as JSON Lines to `FILE`")
	outlets := fs.Int("outlets", 300, "number of outlets")
	undated := fs.Float64("undated", 0.05, "share of articles without a publication date")
	allHTML := fs.Bool("html", false, "with --out: every outlet publishes saved web pages (by default about 30% do, the others text files)")
	quiet := fs.Bool("quiet", false, "print no progress")
	link := fs.Bool("link", false, "with --db: link provenance after each batch, as import does (slower)")
	hard := fs.Float64("hard", 0, "share of agency stories made hard attribution cases (undated, date-only, wrong date, unseen dispatch, copy of a copy)")
	pos, err := parseFlags(c, env, fs, args)
	if errors.Is(err, errHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	usage := "wiretrace gen " + c.usage
	switch {
	case len(pos) > 0:
		return &usageError{err: fmt.Errorf("gen: unexpected argument %q", pos[0]), usage: usage}
	case *n <= 0:
		return &usageError{err: errors.New("gen: --articles N must be a positive number"), usage: usage}
	case (*out == "") == (*db == ""):
		return &usageError{err: errors.New("gen: give exactly one of --out DIR and --db FILE"), usage: usage}
	case *truth != "" && *db == "":
		return &usageError{err: errors.New("gen: --truth goes with --db (--out writes " + gen.TruthName + " itself)"), usage: usage}
	case *link && *db == "":
		return &usageError{err: errors.New("gen: --link goes with --db"), usage: usage}
	case *hard < 0 || *hard > 1:
		return &usageError{err: errors.New("gen: --hard must be between 0 and 1"), usage: usage}
	case *undated < 0 || *undated > 1:
		return &usageError{err: errors.New("gen: --undated must be between 0 and 1"), usage: usage}
	}
	u := *undated
	if u == 0 {
		u = -1 // Config treats 0 as the default
	}
	cfg := gen.Config{Articles: *n, Seed: *seed, Outlets: *outlets, Undated: u, Credits: *db != "", AllHTML: *allHTML, Hard: *hard}
	start := time.Now()
	g := gen.New(cfg)
	progress := func(done int) {
		if !*quiet {
			el := time.Since(start).Seconds()
			fmt.Fprintf(env.Stderr, "\rgen: %d/%d articles, %.0f/s ", done, g.Len(), float64(done)/max(el, 1e-9))
		}
	}
	endProgress := func() {
		if !*quiet {
			fmt.Fprintln(env.Stderr)
		}
	}
	if *out != "" {
		if ents, err := os.ReadDir(*out); err == nil && len(ents) > 0 {
			return fmt.Errorf("gen: %s is not empty: give a new folder, so that no file of another corpus is left in it", *out)
		}
		st, err := gen.WriteDir(ctx, g, *out, progress)
		endProgress()
		if err != nil {
			return err
		}
		el := time.Since(start)
		fmt.Fprintf(env.Stdout, "wrote %d articles (%d text, %d html; %.1f MB) in %d folders under %s in %.1fs (%.0f articles/s)\n",
			st.Articles, st.Text, st.HTML, float64(st.Bytes)/1e6, st.Folders, *out, el.Seconds(), float64(st.Articles)/el.Seconds())
		fmt.Fprintf(env.Stdout, "manifests: %s in each folder; ground truth: %s\n", gen.ManifestName, filepath.Join(*out, gen.TruthName))
		return nil
	}
	// A new archive is built under a temporary name and renamed when
	// complete, so that an interrupted run leaves no half-filled archive.
	target := *db
	if _, err := os.Stat(*db); errors.Is(err, os.ErrNotExist) {
		target = *db + ".partial"
		for _, p := range []string{target, target + "-wal", target + "-shm"} {
			os.Remove(p)
		}
	}
	s, err := archive.Open(target)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	var tw *bufio.Writer
	var tf *os.File
	if *truth != "" {
		tf, err = os.Create(*truth)
		if err != nil {
			s.Close()
			return fmt.Errorf("gen: %w", err)
		}
		tw = bufio.NewWriterSize(tf, 1<<20)
	}
	ao := gen.ArchiveOptions{Progress: progress}
	if tw != nil {
		ao.Truth = tw
	}
	// With --link, each batch is linked while the next one is stored, as
	// an import does. (Batches stay at 2,000: which articles share a batch
	// changes what counts as an outlet's boilerplate, so a smaller batch
	// would change a few links.)
	wait := func() error { return nil }
	if *link {
		svc := linking.New(s, linking.Options{})
		ao.AfterBatch, wait = svc.AfterBatch(ctx), func() error { return svc.Flush(ctx) }
	}
	werr := gen.WriteArchive(ctx, g, s, ao)
	if lerr := wait(); werr == nil && lerr != nil {
		werr = fmt.Errorf("gen: link: %w", lerr)
	}
	if werr == nil {
		if _, err := s.WarmSearch(ctx, time.Minute); err != nil {
			werr = fmt.Errorf("gen: %w", err)
		}
	}
	endProgress()
	if tw != nil {
		if err := tw.Flush(); err != nil && werr == nil {
			werr = fmt.Errorf("gen: %s: %w", *truth, err)
		}
		if err := tf.Close(); err != nil && werr == nil {
			werr = fmt.Errorf("gen: %s: %w", *truth, err)
		}
	}
	if err := s.Close(); err != nil && werr == nil {
		werr = fmt.Errorf("gen: close %s: %w", target, err)
	}
	if werr == nil && target != *db {
		if err := os.Rename(target, *db); err != nil {
			werr = fmt.Errorf("gen: %w", err)
		}
	}
	if werr != nil {
		return werr
	}
	el := time.Since(start)
	fmt.Fprintf(env.Stdout, "stored %d articles in %s in %.1fs (%.0f articles/s)\n", g.Len(), *db, el.Seconds(), float64(g.Len())/el.Seconds())
	if *truth != "" {
		fmt.Fprintf(env.Stdout, "ground truth: %s\n", *truth)
	}
	return nil
}
