package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/provenance/linkstore"
)

func init() {
	register(&command{
		name:    "relink",
		usage:   "[--db FILE] [--json] [--quiet]",
		summary: "recompute the fingerprint index, links and stories of the whole archive",
		run:     runRelink,
	})
	// Every import batch links its new articles.
	afterImportBatch = linkArticles
	newImportLinker = func(s *archive.Store) (func(ctx context.Context, ids []int64) error, func(ctx context.Context) error) {
		x := linkstore.NewSession(s)
		return x.Link, x.Flush
	}
}

// linkArticles fingerprints and links the articles ids that an import
// batch has just committed, and updates their stories.
func linkArticles(ctx context.Context, s *archive.Store, ids []int64) error {
	return linkstore.Link(ctx, s, ids)
}

func runRelink(ctx context.Context, env *Env, args []string) error {
	c := commands["relink"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the counts as JSON")
	quiet := fs.Bool("quiet", false, "no progress bar")
	pos, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		return nil
	}
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &usageError{err: fmt.Errorf("relink: unexpected argument %q", pos[0]), usage: "wiretrace relink " + c.usage}
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	var progress linkstore.Progress
	var bar *progressbar.ProgressBar
	if f, ok := env.Stderr.(*os.File); ok && !*quiet && term.IsTerminal(int(f.Fd())) {
		progress = relinkProgress(env, &bar)
	}
	st, err := linkstore.Relink(ctx, s, progress)
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return err
	}
	el := time.Since(start)
	if *asJSON {
		return writeJSON(env.Stdout, struct {
			linkstore.Stats
			Seconds float64 `json:"seconds"`
		}{st, el.Seconds()})
	}
	fmt.Fprintf(env.Stdout, "relinked %d articles: %d links, %d stories of two or more articles (%.1fs)\n",
		st.Articles, st.Links, st.Stories, el.Seconds())
	return nil
}

// relinkProgress returns the progress function of a relink on a terminal:
// a bar per phase (fingerprints, links, stories), kept in *bar.
func relinkProgress(env *Env, bar **progressbar.ProgressBar) linkstore.Progress {
	phase := ""
	return func(p string, done, total int) {
		if p != phase {
			if *bar != nil {
				(*bar).Finish()
			}
			phase = p
			*bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(env.Stderr), progressbar.OptionSetDescription(p),
				progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
				progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		}
		if total > 0 && (*bar).GetMax() != total {
			(*bar).ChangeMax(total)
		}
		(*bar).Set(done)
	}
}
