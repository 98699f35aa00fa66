package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/linking"
)

func init() {
	register(&command{
		name:    "relink",
		usage:   "[--db FILE] [--json] [--quiet]",
		summary: "recompute the fingerprint index, links and stories of the whole archive",
		run:     runRelink,
	})
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
	archive.PoolPageCache() // a long bulk job, like an import
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	var progress linking.Progress
	bars := &phaseBars{env: env}
	if f, ok := env.Stderr.(*os.File); ok && !*quiet && term.IsTerminal(int(f.Fd())) {
		progress = bars.show
	}
	st, err := linking.New(s, linking.Options{
		Progress: progress,
		Waiting: func(h archive.LinkHolder) {
			bars.finish()
			fmt.Fprintln(env.Stderr, waitingLine(h))
		},
		Resumed: func(p archive.RelinkProgress) {
			if !*quiet {
				fmt.Fprintf(env.Stderr, "resuming the relink that was stopped (fingerprints up to article %d, links up to article %d)\n", p.Printed, p.Linked)
			}
		},
	}).Relink(ctx)
	bars.finish()
	if err != nil {
		return err
	}
	el := time.Since(start)
	if *asJSON {
		return writeJSON(env.Stdout, struct {
			linking.Stats
			Seconds float64 `json:"seconds"`
		}{st, el.Seconds()})
	}
	fmt.Fprintf(env.Stdout, "relinked %d articles: %d links, %d stories of two or more articles (%.1fs)\n",
		st.Articles, st.Links, st.Stories, el.Seconds())
	return nil
}

// waitingLine says that another process holds the archive's link lock.
func waitingLine(h archive.LinkHolder) string {
	return fmt.Sprintf("waiting: another wiretrace process (%s) is linking this archive; wait for it, or stop it (Ctrl-C here stops only this one)", h)
}

// phaseBars shows a relink's progress on a terminal: a bar per phase
// (fingerprints, links, stories).
type phaseBars struct {
	env   *Env
	phase string
	bar   *progressbar.ProgressBar
}

// show is a linking.Progress.
func (b *phaseBars) show(phase string, done, total int) {
	if phase != b.phase {
		b.finish()
		b.phase, b.bar = phase, newBar(b.env, phase, "articles")
	}
	if total > 0 && b.bar.GetMax() != total {
		b.bar.ChangeMax(total)
	}
	b.bar.Set(done)
}

// finish ends the current bar, if any.
func (b *phaseBars) finish() {
	if b.bar != nil {
		b.bar.Finish()
	}
}
