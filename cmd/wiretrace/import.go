package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/internal/termsafe"
	"github.com/wiretrace/wiretrace/linking"
)

func init() {
	register(&command{
		name:    "import",
		usage:   "[--db FILE] [--source NAME] [--manifest FILE] [--urls FILE] [--json] PATH|URL...",
		summary: "import articles from files, folders and web addresses (" + importer.FormatSummary + ")",
		run:     runImport,
	})
}

// importMemoryLimit is the Go heap size at which an import's garbage
// collector works harder (GOMEMLIMIT overrides it). With linking, 100k
// generated files peaked at 314 MB with 200 MiB, 289 MB with 170 MiB for
// 4% more CPU, 277 MB with 160 MiB for 13% more (BENCHMARKS.md,
// "Importing files"). Since the import allocates less (2026-12-06), 170
// MiB gave 263 MB and 185 MiB 268 MB for 1.5% less CPU.
const importMemoryLimit = 185 << 20

// importGCPercent is the import's GOGC (the GOGC variable overrides it).
// The live heap of an import with linking is mostly 50-90 MB, so the
// default of 100 collected at 100-160 MB, about 9 times a second (50k
// generated files, GODEBUG=gctrace=1), well below the soft memory limit;
// with 200 the limit bounds the heap as before and the collector runs
// about half as often: 2% less CPU in four imports of 50k files run side
// by side, the same peak memory (243-245 MB); 400 and off did no better
// (BENCHMARKS.md, "Importing files").
const importGCPercent = 200

func runImport(ctx context.Context, env *Env, args []string) error {
	c := commands["import"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	source := fs.String("source", "", "outlet `NAME` of the imported articles (a manifest entry wins)")
	manifest := fs.String("manifest", "", "CSV or JSON manifest `FILE` with metadata per file (see README)")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("quiet", false, "no progress bar and no per-file problem lines")
	batch := fs.Int("batch", 500, "articles per transaction")
	noLink := fs.Bool("no-link", false, "store only; skip provenance linking (run 'wiretrace relink' afterwards): for fast bulk imports")
	web := webFlags(fs) // --urls, --keep: import_urls.go
	paths, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		importHelp(env.Stdout)
		fmt.Fprintln(env.Stdout, "\nFolders are read recursively; files and folders whose name starts with . or _ are skipped.")
		fmt.Fprintln(env.Stdout, "A manifest named wiretrace-manifest.csv or .json in a folder applies to it automatically.")
		fmt.Fprintln(env.Stdout, "Exit status: 0 when something was imported or everything was already there, 1 when nothing could be imported.")
		return nil
	}
	if err != nil {
		return err
	}
	// Web addresses are fetched into a kept WARC file, which is imported
	// in their place (import_urls.go).
	if paths, err = web.fetch(ctx, env, *db, paths, *quiet); err != nil {
		return err
	}
	if len(paths) == 0 {
		return &usageError{err: fmt.Errorf("import: no files or folders given"), usage: "wiretrace import " + c.usage}
	}
	// Someone else's archive is taken in by merge, which reads only its
	// article rows (never opening it as an archive).
	if n := countArchives(paths); n == len(paths) {
		margs := []string{"--db", *db}
		if *quiet {
			margs = append(margs, "--quiet")
		}
		if *noLink {
			margs = append(margs, "--no-link")
		}
		for _, p := range paths {
			margs = append(margs, "--from", p)
		}
		return runMerge(ctx, env, margs)
	} else if n > 0 {
		return &usageError{err: fmt.Errorf("import: archives (.db) and other files given together: run 'wiretrace merge --from FILE.db' for the archives")}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A long import keeps little alive between batches, but the
		// collector let the heap grow to several times that (592 MB peak
		// at 100k files with linking): a soft limit makes it collect
		// sooner. It is soft: a bigger live heap still gets its memory.
		debug.SetMemoryLimit(importMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(importGCPercent)
	}
	opts := importer.Options{Source: *source, BatchSize: *batch}
	if *manifest != "" {
		m, err := importer.ReadManifest(*manifest)
		if err != nil {
			return err
		}
		opts.Manifest = m
	}
	// A long bulk job: SQLite's pages come from one block (see
	// archive.PoolPageCache).
	archive.PoolPageCache()
	s, err := archive.Open(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	var svc *linking.Service
	if *noLink {
		opts.AfterBatch = func(ctx context.Context, ids []int64) error { return s.SkipLinking(ctx, slices.Max(ids)) }
	} else {
		svc = newLinker(env, s, *batch, *quiet)
	}

	var mu sync.Mutex // the bar and problem lines share stderr
	var bar *progressbar.ProgressBar
	if f, ok := env.Stderr.(*os.File); ok && !*quiet && term.IsTerminal(int(f.Fd())) {
		bar = newBar(env, "importing", "files")
		opts.Progress = func(p importer.Progress) {
			mu.Lock()
			defer mu.Unlock()
			if p.Counted && bar.GetMax() != p.TotalFiles {
				bar.ChangeMax(p.TotalFiles)
			}
			bar.Set(p.Files)
		}
	}
	if !*quiet {
		opts.Problem = func(p importer.Problem) {
			mu.Lock()
			defer mu.Unlock()
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintln(env.Stderr, problemLine(p))
		}
	}
	var sum *importer.Summary
	if svc != nil {
		sum, err = importLinked(ctx, s, paths, opts, svc)
	} else {
		sum, err = importer.Run(ctx, s, paths, opts)
	}
	if bar != nil {
		bar.Finish()
	}
	if sum == nil {
		if err == nil {
			return nil
		}
		return fmt.Errorf("import into %s: %w", *db, err)
	}
	web.addTo(sum) // the addresses that could not be fetched
	if err != nil {
		// The archive failed (a full disk...): the batches committed
		// before stay, and the summary below says how many; the error is
		// one line on stderr.
		fmt.Fprintln(env.Stderr, "wiretrace:", termsafe.Line(fmt.Sprintf("import into %s: %v", *db, err)))
	} else if _, err := s.WarmSearch(ctx, 30*time.Second); err != nil && ctx.Err() == nil {
		// Bring the kept match sets of common words up to date, so that
		// the next search for one is fast (a no-op below 100,000 articles).
		fmt.Fprintln(env.Stderr, termsafe.Line(fmt.Sprintf("import into %s: %v", *db, err)))
	}
	if *asJSON {
		type problem struct {
			Path    string `json:"path"`
			Reason  string `json:"reason"`
			Skipped bool   `json:"skipped,omitempty"`
			Warning bool   `json:"warning,omitempty"`
		}
		out := struct {
			Archive     string    `json:"archive"`
			Files       int       `json:"files"`
			Imported    int       `json:"imported"`
			Duplicates  int       `json:"duplicates"`
			Skipped     int       `json:"skipped"`
			Failed      int       `json:"failed"`
			Unchanged   int       `json:"unchanged_files"`
			Seconds     float64   `json:"seconds"`
			Interrupted bool      `json:"interrupted,omitempty"`
			Error       string    `json:"error,omitempty"`
			Problems    []problem `json:"problems"`
		}{Archive: *db, Files: sum.Files, Imported: sum.Imported, Duplicates: sum.Duplicates, Skipped: sum.Skipped,
			Failed: sum.Failed, Unchanged: sum.Unchanged, Seconds: sum.Elapsed.Seconds(), Interrupted: sum.Interrupted, Problems: []problem{}}
		if err != nil {
			out.Error = oneLine(err.Error())
		}
		for _, p := range sum.Problems {
			out.Problems = append(out.Problems, problem{Path: p.Path, Reason: oneLine(p.Err.Error()), Skipped: p.Skipped, Warning: p.Warning})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	} else {
		rate := float64(sum.Files) / max(sum.Elapsed.Seconds(), 1e-9)
		fmt.Fprintf(env.Stdout, "imported %d, duplicates %d, skipped %d, failed %d (%d files in %.1fs, %.0f files/s) into %s\n",
			sum.Imported, sum.Duplicates, sum.Skipped, sum.Failed, sum.Files, sum.Elapsed.Seconds(), rate, termsafe.Line(*db))
		if sum.Unchanged > 0 {
			fmt.Fprintf(env.Stdout, "%d files were imported before and are unchanged\n", sum.Unchanged)
		}
	}
	if sum.Interrupted {
		return fmt.Errorf("import interrupted: run the same command again to resume")
	}
	// README: exit status 1 only when nothing could be imported, also
	// when the archive failed part way (its error is printed above).
	if sum.Imported+sum.Duplicates == 0 && (err != nil || sum.Failed > 0 || sum.Skipped > 0) {
		return errSilentFailure
	}
	return nil
}

// newLinker returns the linking service of an import or merge into s,
// which links batch articles at a time. It says on env.Stderr when it
// waits for another process that is linking the archive and, unless
// quiet, how many articles an interrupted import left unlinked.
func newLinker(env *Env, s *archive.Store, batch int, quiet bool) *linking.Service {
	return linking.New(s, linking.Options{
		// One process links an archive at a time: the import stores its
		// articles meanwhile and links them once the other is done.
		Waiting: func(h archive.LinkHolder) { fmt.Fprintln(env.Stderr, waitingLine(h)) },
		Unlinked: func(n int) {
			if !quiet {
				fmt.Fprintf(env.Stderr, "linking %d articles that an interrupted import left unlinked\n", n)
			}
		},
		Batch: batch,
	})
}

// importLinked imports paths into s with the importer, as every import
// with linking does (the command line's, the desktop app's, the demo's):
// svc first links what earlier imports left unlinked, then each batch
// while the next is parsed and stored, and its Flush ends the work. The
// linking's error is returned when the import itself went well and was
// not cancelled (a cancelled import's summary says it was interrupted);
// opts.AfterBatch is replaced.
func importLinked(ctx context.Context, s *archive.Store, paths []string, opts importer.Options, svc *linking.Service) (*importer.Summary, error) {
	if _, err := svc.Resume(ctx); err != nil {
		svc.Flush(ctx) // stops the linking; its lock is left to the next import
		return nil, err
	}
	opts.AfterBatch = svc.AfterBatch(ctx)
	sum, err := importer.Run(ctx, s, paths, opts)
	if lerr := svc.Flush(ctx); err == nil && lerr != nil && ctx.Err() == nil {
		err = lerr
	}
	return sum, err
}

// countArchives returns how many of paths are SQLite files (archives
// received from someone), by their first bytes.
func countArchives(paths []string) int {
	n := 0
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		head := make([]byte, 16)
		_, err = io.ReadFull(f, head)
		f.Close()
		if err == nil && string(head) == "SQLite format 3\x00" {
			n++
		}
	}
	return n
}

// oneLine folds an error message onto one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// problemLine is the line printed for a file that failed or was skipped:
// its name (which may hold anything, newlines and escapes included) and
// the reason, escaped and on one line.
func problemLine(p importer.Problem) string {
	verb := p.Verb() // failed, skipped or warning
	reason := "unknown reason"
	if p.Err != nil {
		reason = oneLine(p.Err.Error())
	}
	return verb + ": " + termsafe.Line(p.Path) + ": " + termsafe.Line(reason)
}

// newBar returns a progress bar on env.Stderr of an unknown number of
// units (set it with ChangeMax once known), with the count and the rate.
func newBar(env *Env, description, units string) *progressbar.ProgressBar {
	return progressbar.NewOptions(-1, progressbar.OptionSetWriter(env.Stderr), progressbar.OptionSetDescription(description),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString(units),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
}
