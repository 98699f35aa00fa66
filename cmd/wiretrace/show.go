package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/internal/termsafe"
)

func init() {
	register(&command{name: "show", usage: "[--db FILE] [--json] ID", summary: "print one article with its metadata", run: runShow})
	register(&command{name: "sources", usage: "[--db FILE] [--json]", summary: "list the outlets with their article counts", run: runSources})
	register(&command{name: "stats", usage: "[--db FILE] [--json]", summary: "print counts and sizes of the archive", run: runStats})
}

func runShow(ctx context.Context, env *Env, args []string) error {
	c := commands["show"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the article as JSON")
	pos, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		return nil
	}
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &usageError{err: fmt.Errorf("show: want one article ID"), usage: "wiretrace show " + c.usage}
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return &usageError{err: fmt.Errorf("show: %q is not an article ID", pos[0])}
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := s.Article(ctx, id)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, a)
	}
	// Every field is escaped (termsafe): they come from the imported file.
	w := termsafe.NewWriter(env.Stdout)
	fmt.Fprintf(w, "%s\n\n", termsafe.Line(orUntitled(a.Title)))
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-10s %s\n", name+":", termsafe.Line(v))
		}
	}
	field("id", strconv.FormatInt(a.ID, 10))
	field("source", orUnknown(a.Source))
	field("url", a.URL)
	field("byline", a.Byline)
	field("dateline", a.Dateline)
	if a.Published.IsZero() {
		field("published", "unknown")
	} else {
		field("published", a.Published.Format("2006-01-02 15:04 -07:00"))
	}
	field("language", orUnknown(a.Language))
	var credits []string
	for _, c := range a.Credits {
		credits = append(credits, c.Agency+" ("+c.Role+")")
	}
	field("credits", strings.Join(credits, ", "))
	field("origin", a.Origin)
	field("imported", a.Imported.Format("2006-01-02 15:04:05"))
	fmt.Fprintf(w, "\n%s\n", termsafe.Text(a.Text))
	return nil
}

// openForReport parses the flags of a command that only reads an archive
// and prints it (--db, --json), and opens the archive. It returns a nil
// Store when help was printed.
func openForReport(name string, env *Env, args []string) (*archive.Store, bool, error) {
	c := commands[name]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print as JSON")
	if _, err := parseFlags(c, env, fs, args); err != nil {
		if err == errHelp {
			return nil, false, nil
		}
		return nil, false, err
	}
	s, err := openExisting(*db)
	return s, *asJSON, err
}

func runSources(ctx context.Context, env *Env, args []string) error {
	s, asJSON, err := openForReport("sources", env, args)
	if s == nil || err != nil {
		return err
	}
	defer s.Close()
	src, err := s.Sources(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		if src == nil {
			src = []archive.FacetCount{}
		}
		return writeJSON(env.Stdout, src)
	}
	w := termsafe.NewWriter(env.Stdout)
	for _, fc := range src {
		fmt.Fprintf(w, "%7d  %s\n", fc.Count, termsafe.Line(orUnknown(fc.Value)))
	}
	return nil
}

func runStats(ctx context.Context, env *Env, args []string) error {
	s, asJSON, err := openForReport("stats", env, args)
	if s == nil || err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.Stdout, st)
	}
	w := termsafe.NewWriter(env.Stdout)
	fmt.Fprintf(w, "archive:   %s (schema %d, %.1f MB)\n", termsafe.Line(st.Path), st.SchemaVersion, float64(st.FileBytes)/1e6)
	fmt.Fprintf(w, "articles:  %d from %d sources, %.1f MB of text\n", st.Articles, st.Sources, float64(st.TextBytes)/1e6)
	if st.First != "" {
		fmt.Fprintf(w, "dates:     %s to %s, %d undated\n", st.First, st.Last, st.Undated)
	} else {
		fmt.Fprintf(w, "dates:     none known (%d undated)\n", st.Undated)
	}
	printFacet(w, "languages", st.Languages, 20)
	printFacet(w, "agencies", st.Agencies, 20)
	return nil
}
