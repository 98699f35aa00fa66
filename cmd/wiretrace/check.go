package main

import (
	"context"
	"fmt"
	"os"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/internal/termsafe"
	"github.com/wiretrace/wiretrace/linking"
)

func init() {
	register(&command{
		name:    "check",
		usage:   "[--db FILE] [--repair] [--json]",
		summary: "verify the archive (integrity, full-text index, credits, provenance); --repair rebuilds derived data",
		run:     runCheck,
	})
}

func runCheck(ctx context.Context, env *Env, args []string) error {
	c := commands["check"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	repair := fs.Bool("repair", false, "rebuild the full-text index, credits, search columns and provenance links from the stored articles")
	asJSON := fs.Bool("json", false, "print the problems as JSON")
	if _, err := parseFlags(c, env, fs, args); err != nil {
		if err == errHelp {
			return nil
		}
		return err
	}
	if _, err := os.Stat(*db); os.IsNotExist(err) {
		// An import killed before it created the file leaves nothing to check.
		fmt.Fprintf(env.Stdout, "ok: no archive at %s yet (nothing imported)\n", termsafe.Line(*db))
		return nil
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	problems, err := s.Check(ctx)
	if err != nil {
		return err
	}
	repaired := false
	if *repair {
		if err := s.Repair(ctx); err != nil {
			return err
		}
		// The fingerprints, links and stories are derived data too.
		svc := linking.New(s, linking.Options{Waiting: func(h archive.LinkHolder) { fmt.Fprintln(env.Stderr, waitingLine(h)) }})
		if _, err := svc.Relink(ctx); err != nil {
			return fmt.Errorf("repair: %w", err)
		}
		repaired = true
		if problems, err = s.Check(ctx); err != nil {
			return err
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	// Provenance left unfinished (a stopped relink or import) is not
	// damage: the next import or relink completes it. It is reported,
	// and the exit status stays 0.
	unfinished, err := s.LinkProblems(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if problems == nil {
			problems = []archive.Problem{}
		}
		if unfinished == nil {
			unfinished = []archive.Problem{}
		}
		writeJSON(env.Stdout, map[string]any{"archive": *db, "articles": st.Articles, "schema_version": st.SchemaVersion,
			"repaired": repaired, "problems": problems, "unfinished": unfinished})
	} else {
		// Problems quote what a received archive holds (table names,
		// titles): escaped, one line each.
		w := termsafe.NewWriter(env.Stdout)
		for _, p := range problems {
			fmt.Fprintln(w, "problem:", termsafe.Line(oneLine(p.String())))
		}
		for _, p := range unfinished {
			fmt.Fprintln(w, "unfinished:", termsafe.Line(oneLine(p.String())))
		}
		if len(problems) == 0 {
			fmt.Fprintf(w, "ok: %s, schema %d, %d articles", termsafe.Line(*db), st.SchemaVersion, st.Articles)
			if repaired {
				fmt.Fprint(w, ", derived data rebuilt")
			}
			fmt.Fprintln(w)
		}
	}
	if len(problems) > 0 {
		// A write-ahead log of another file is for the user to delete:
		// repairing rebuilds derived data, it does not touch such a file.
		repairable := false
		for _, p := range problems {
			repairable = repairable || p.Check != "wal"
		}
		if !repairable || repaired {
			return fmt.Errorf("check %s: %d problems (see above)", *db, len(problems))
		}
		return fmt.Errorf("check %s: %d problems (run 'wiretrace check --repair')", *db, len(problems))
	}
	return nil
}
