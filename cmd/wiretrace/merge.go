package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/internal/termsafe"
)

func init() {
	register(&command{
		name:    "merge",
		usage:   "[--db FILE] [--quiet] --from RECEIVED.db...",
		summary: "take in the articles of someone else's archive, safely",
		run:     runMerge,
	})
}

// mergeBatch is how many received articles are stored (and linked) at a
// time, as import's default batch.
const mergeBatch = 500

func runMerge(ctx context.Context, env *Env, args []string) error {
	c := commands["merge"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	var from []string
	fs.Func("from", "a received archive `FILE` (repeatable)", func(s string) error { from = append(from, s); return nil })
	quiet := fs.Bool("quiet", false, "no progress bar")
	noLink := fs.Bool("no-link", false, "store only; skip provenance linking (run 'wiretrace relink' afterwards)")
	rest, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		fmt.Fprintln(env.Stdout, "\nOnly the received files' article rows are read, on a read-only connection that runs")
		fmt.Fprintln(env.Stdout, "nothing the files define (triggers, views); each article is imported like any other:")
		fmt.Fprintln(env.Stdout, "duplicates are skipped, credits checked, new articles linked.")
		return nil
	}
	if err != nil {
		return err
	}
	from = append(from, rest...)
	if len(from) == 0 {
		return &usageError{err: fmt.Errorf("merge: no --from archive given"), usage: "wiretrace merge " + c.usage}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(importMemoryLimit)
	}
	archive.PoolPageCache()
	s, err := archive.Open(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	after := func(ctx context.Context, ids []int64) error { return nil }
	wait := func() error { return nil }
	if *noLink {
		after = func(ctx context.Context, ids []int64) error { return s.SkipLinking(ctx, ids[len(ids)-1]) }
	} else {
		// Linked as an import is: first what an interrupted one left.
		svc := newLinker(env, s, mergeBatch, *quiet)
		wait = func() error { return svc.Flush(ctx) }
		if _, err := svc.Resume(ctx); err != nil {
			wait()
			return fmt.Errorf("merge into %s: %w", *db, err)
		}
		after = svc.AfterBatch(ctx)
	}
	m := &merger{s: s, after: after}
	failed := 0
	for _, p := range from {
		if sameFile(p, *db) {
			fmt.Fprintln(env.Stderr, termsafe.Line(fmt.Sprintf("merge: %s is the archive itself: skipped", p)))
			failed++
			continue
		}
		if err := m.mergeFile(ctx, env, p, *quiet); err != nil {
			if ctx.Err() != nil || errors.Is(err, errStore) {
				wait()
				return err
			}
			fmt.Fprintln(env.Stderr, "wiretrace:", termsafe.Line(err.Error()))
			failed++
		}
	}
	if err := wait(); err != nil {
		return fmt.Errorf("merge into %s: %w", *db, err)
	}
	fmt.Fprintf(env.Stdout, "merged %d new articles, duplicates %d, skipped %d from %d archives (%.1fs) into %s\n",
		m.added, m.dups, m.skipped, len(from)-failed, time.Since(m.start).Seconds(), termsafe.Line(*db))
	if failed > 0 && m.added+m.dups == 0 {
		return errSilentFailure
	}
	return nil
}

// errStore marks a merge error of the receiving archive (a full disk),
// after which no other file is tried.
var errStore = errors.New("storing")

// merger stores received articles in batches and hands the new ones to
// linking.
type merger struct {
	s                    *archive.Store
	after                func(ctx context.Context, ids []int64) error
	pending              []*wiretrace.Article
	added, dups, skipped int
	start                time.Time
}

func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

func (m *merger) mergeFile(ctx context.Context, env *Env, p string, quiet bool) error {
	if m.start.IsZero() {
		m.start = time.Now()
	}
	var mu sync.Mutex
	var bar *progressbar.ProgressBar
	var progress func(done, total int)
	if f, ok := env.Stderr.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		bar = newBar(env, "merging", "articles")
		progress = func(done, total int) {
			mu.Lock()
			defer mu.Unlock()
			if bar.GetMax() != total {
				bar.ChangeMax(total)
			}
			bar.Set(done)
		}
	}
	st, err := archive.ReadReceived(ctx, p, func(a *wiretrace.Article) error {
		if importer.Finish(a, importer.Defaults{}) != nil {
			m.skipped++
			return nil
		}
		m.pending = append(m.pending, a)
		if len(m.pending) >= mergeBatch {
			return m.flush(ctx)
		}
		return nil
	}, progress)
	if err == nil {
		err = m.flush(ctx)
	}
	if bar != nil {
		bar.Finish()
	}
	m.skipped += st.Skipped
	if err != nil {
		return fmt.Errorf("merge %s: %w", p, err)
	}
	return nil
}

// flush stores the pending articles and links the new ones.
func (m *merger) flush(ctx context.Context) error {
	if len(m.pending) == 0 {
		return nil
	}
	res, err := m.s.AddBatch(ctx, m.pending, nil)
	m.pending = m.pending[:0]
	if err != nil {
		return fmt.Errorf("%w: %w", errStore, err)
	}
	var ids []int64
	for _, r := range res {
		if r.Duplicate {
			m.dups++
			continue
		}
		m.added++
		ids = append(ids, r.ID)
	}
	if len(ids) == 0 {
		return nil
	}
	if err := m.after(ctx, ids); err != nil {
		return fmt.Errorf("%w: %w", errStore, err)
	}
	return nil
}
