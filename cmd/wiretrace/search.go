package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/internal/termsafe"
)

func init() {
	register(&command{
		name:    "search",
		usage:   "[--db FILE] [--source S]... [--from DATE] [--to DATE] [--lang L]... [--agency A]... [--sort relevance|newest|oldest] [--collapse story] [--limit N] [--json] QUERY",
		summary: "full-text search with filters and facet counts",
		run:     runSearch,
	})
}

const queryHelp = `
Query language: words (all must match), "a phrase", prefix*, AND, OR, NOT,
-word (exclude), parentheses. Accents and case are ignored (tokaiev finds
Tokaïev). Anything that is not valid syntax is searched as plain words.
An empty QUERY lists every article that passes the filters.

Results are ranked by BM25 over every match (a title word weighs ten times
a body word); --sort newest puts the most recent first instead, exactly.`

// openExisting opens an archive that must already exist.
func openExisting(path string) (*archive.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("archive %s: %w (import something first: wiretrace import --db %s PATH)", path, unwrapPath(err), path)
	}
	s, err := archive.Open(path)
	if errors.Is(err, archive.ErrForeignSchema) {
		return nil, fmt.Errorf("%w; to take in its articles safely: wiretrace merge --from %s", err, path)
	}
	return s, err
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// parseDay reads a --from/--to date: 2022-01-09, 2022-01 or 2022.
func parseDay(s string, end bool) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}

func runSearch(ctx context.Context, env *Env, args []string) error {
	c := commands["search"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	var sources, langs, agencies stringList
	fs.Var(&sources, "source", "only articles of this outlet `S` (repeat for several)")
	fs.Var(&langs, "lang", "only articles in this language `L` (ISO code: en, fr...; repeatable)")
	fs.Var(&agencies, "agency", "only articles crediting this agency `A` (repeatable)")
	from := fs.String("from", "", "published on or after `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	to := fs.String("to", "", "published on or before `DATE`")
	sortBy := fs.String("sort", "relevance", "order: relevance (BM25 over every match), newest or oldest (undated last)")
	limit := fs.Int("limit", 20, "results to show")
	offset := fs.Int("offset", 0, "results to skip (paging)")
	asJSON := fs.Bool("json", false, "print results and facets as JSON")
	collapse := fs.String("collapse", "", "`story`: one line per story, its best match with its matching copies counted")
	words, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		fmt.Fprintln(env.Stdout, queryHelp)
		return nil
	}
	if err != nil {
		return err
	}
	q := archive.Query{Text: strings.Join(words, " "), Sources: sources, Languages: langs, Agencies: agencies,
		Limit: *limit, Offset: *offset}
	switch *sortBy {
	case "relevance", "rank", "":
		q.Sort = archive.SortRelevance
	case "newest", "date":
		q.Sort = archive.SortNewest
	case "oldest":
		q.Sort = archive.SortOldest
	default:
		return &usageError{err: fmt.Errorf("search: --sort %q: want relevance, newest or oldest", *sortBy), usage: "wiretrace search " + c.usage}
	}
	switch *collapse {
	case "":
	case "story":
		q.CollapseStory = true
	default:
		return &usageError{err: fmt.Errorf("search: --collapse %q: want story", *collapse), usage: "wiretrace search " + c.usage}
	}
	if *limit < 0 || *offset < 0 {
		return &usageError{err: fmt.Errorf("search: --limit and --offset must not be negative")}
	}
	if *from != "" {
		if q.From, err = parseDay(*from, false); err != nil {
			return &usageError{err: fmt.Errorf("search: --from: %w", err)}
		}
	}
	if *to != "" {
		if q.To, err = parseDay(*to, true); err != nil {
			return &usageError{err: fmt.Errorf("search: --to: %w", err)}
		}
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.Search(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	printResult(termsafe.NewWriter(env.Stdout), q, res)
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printResult writes a human-readable page of results with its facets.
// Every field is escaped and kept on its line (termsafe.Line): titles,
// outlets and snippets come from the imported files.
func printResult(w io.Writer, q archive.Query, res *archive.Result) {
	if res.Notice != "" {
		fmt.Fprintln(w, "note:", termsafe.Line(res.Notice))
	}
	fmt.Fprintf(w, "%d matches", res.Total)
	if res.Total > len(res.Hits) && len(res.Hits) > 0 {
		fmt.Fprintf(w, " (showing %d-%d)", q.Offset+1, q.Offset+len(res.Hits))
	}
	fmt.Fprintln(w)
	for i, h := range res.Hits {
		date := "undated"
		if !h.Published.IsZero() {
			date = h.Published.Format("2006-01-02")
		}
		credit := ""
		if len(h.Credits) > 0 {
			credit = " · " + termsafe.Line(strings.Join(h.Credits, ", "))
		}
		fmt.Fprintf(w, "\n%2d. [%d] %s\n    %s · %s · %s%s · %s\n    %s\n", q.Offset+i+1, h.ID, termsafe.Line(orUntitled(h.Title)),
			termsafe.Line(orUnknown(h.Source)), date, termsafe.Line(orUnknown(h.Language)), credit, termsafe.Line(h.Origin),
			termsafe.Line(oneLine(terminalMarks(h.Snippet))))
		if h.Copies > 0 {
			fmt.Fprintf(w, "    +%d %s at %s\n", h.Copies, plural(h.Copies, "copy", "copies"), termsafe.Line(listUpTo(h.CopySources, 5)))
		}
	}
	f := res.Facets
	fmt.Fprintln(w)
	printFacet(w, "sources", f.Source, 10)
	printFacet(w, "months", f.Month, 24)
	if f.Undated > 0 {
		fmt.Fprintf(w, "undated: %d\n", f.Undated)
	}
	printFacet(w, "languages", f.Language, 10)
	printFacet(w, "agencies", f.Agency, 10)
}

func printFacet(w io.Writer, name string, fc []archive.FacetCount, n int) {
	if len(fc) == 0 {
		return
	}
	var parts []string
	for i, c := range fc {
		if i == n {
			parts = append(parts, fmt.Sprintf("… %d more", len(fc)-n))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", termsafe.Line(orUnknown(c.Value)), c.Count))
	}
	fmt.Fprintf(w, "%s: %s\n", name, strings.Join(parts, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// listUpTo joins the first n values and counts the rest.
func listUpTo(vals []string, n int) string {
	if len(vals) <= n {
		return strings.Join(vals, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(vals[:n], ", "), len(vals)-n)
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// terminalMarks shows highlighted words in bold on a terminal and between
// asterisks elsewhere.
func terminalMarks(s string) string {
	return strings.NewReplacer(archive.MarkStart, "*", archive.MarkEnd, "*").Replace(s)
}

// orUntitled is what a result without a title shows (a text file that
// opens with its dateline has none), as the app does.
func orUntitled(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(untitled)"
	}
	return s
}
