package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/importer/fetch"
	"github.com/wiretrace/wiretrace/internal/termsafe"
)

// webImport is the part of an import that fetches web addresses: those
// given as arguments and those listed in the --urls file. The pages are
// fetched into a WARC file that is then imported like any other, and
// kept, so that importing it again (to extract anew) needs no network.
type webImport struct {
	list *string
	keep *string
	// problems are the addresses (and lines of the list) that failed.
	problems []importer.Problem
}

// webFlags adds the flags of web import to fs.
func webFlags(fs *flag.FlagSet) *webImport {
	return &webImport{
		list: fs.String("urls", "", "`FILE` of web addresses to fetch and import: one a line, or a CSV with a url column"),
		keep: fs.String("keep", "", "`FOLDER` the fetched pages are kept in, as WARC files (default: ARCHIVE-fetched next to the archive)"),
	}
}

// importHelp prints the formats an import reads and how web addresses
// are fetched.
func importHelp(w io.Writer) {
	fmt.Fprintln(w, "\nFormats:")
	for _, f := range importer.Formats {
		fmt.Fprintln(w, "  "+f)
	}
	fmt.Fprintln(w, "\nWeb addresses (http:// or https://, as arguments or listed with --urls) are fetched politely:")
	fmt.Fprintln(w, "one request a second to each host, 30 s and 16 MB at most a page, 5 redirects. Each page is")
	fmt.Fprintln(w, "kept in a WARC file (see --keep); import that file to extract the pages again without the network.")
}

// isWebAddress reports whether an argument of import is a web address.
func isWebAddress(arg string) bool {
	low := strings.ToLower(arg)
	return strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://")
}

// fetch fetches the web addresses among paths and those of the --urls
// list into a new WARC file, and returns paths with the addresses
// replaced by that file (left out when no page could be fetched). Each
// address that fails is printed at once unless quiet, and kept for the
// summary (see addTo). It returns an error when the list or the WARC file
// cannot be read or written, or when ctx is cancelled.
func (wi *webImport) fetch(ctx context.Context, env *Env, db string, paths []string, quiet bool) ([]string, error) {
	var urls, rest []string
	for _, p := range paths {
		if isWebAddress(p) {
			urls = append(urls, p)
		} else {
			rest = append(rest, p)
		}
	}
	var mu sync.Mutex // the bar and problem lines share stderr
	var bar *progressbar.ProgressBar
	report := func(p importer.Problem) {
		wi.problems = append(wi.problems, p)
		if quiet {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintln(env.Stderr, problemLine(p))
	}
	if *wi.list != "" {
		listed, err := readURLList(*wi.list, report)
		if err != nil {
			return nil, err
		}
		urls = append(urls, listed...)
	}
	if len(urls) == 0 {
		if *wi.list != "" && len(rest) == 0 {
			return nil, fmt.Errorf("import: no web addresses in %s", termsafe.Line(*wi.list))
		}
		return rest, nil
	}
	out, path, err := newWARCFile(wi.keepDir(db))
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	w := fetch.NewWARCWriter(out)
	if f, ok := env.Stderr.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		bar = newBar(env, "fetching", "pages")
		bar.ChangeMax(len(urls))
	}
	fetched, done := 0, 0
	err = fetch.New(fetch.Options{}).All(ctx, urls, func(r fetch.Result) error {
		done++
		if bar != nil {
			mu.Lock()
			bar.Set(done)
			mu.Unlock()
		}
		if r.Err != nil {
			report(importer.Problem{Path: r.URL, Err: r.Err})
			return nil
		}
		fetched++
		return w.Write(r.Page)
	})
	if bar != nil {
		bar.Finish()
	}
	if cerr := out.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write %s: %w", path, cerr)
	}
	if fetched == 0 {
		os.Remove(path)
	}
	if err != nil {
		if ctx.Err() != nil && fetched > 0 {
			return nil, fmt.Errorf("import interrupted while fetching: the %d pages fetched are kept in %s", fetched, termsafe.Line(path))
		}
		return nil, fmt.Errorf("import: %w", err)
	}
	if fetched == 0 {
		if len(rest) == 0 {
			// Nothing to import: the summary an import would print.
			fmt.Fprintf(env.Stdout, "imported 0, duplicates 0, skipped 0, failed %d (%d web addresses, none fetched)\n", len(wi.problems), len(urls))
			return nil, errSilentFailure
		}
		return rest, nil
	}
	if !quiet {
		fmt.Fprintf(env.Stderr, "fetched %d of %d pages into %s\n", fetched, len(urls), termsafe.Line(path))
	}
	return append(rest, path), nil
}

// readURLList reads the addresses of the list file at path, reporting
// each bad line.
func readURLList(path string, report func(importer.Problem)) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("import: --urls: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("import: --urls %s: not a regular file", termsafe.Line(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import: --urls: %w", err)
	}
	defer f.Close()
	urls, bad, err := fetch.ReadList(f)
	if err != nil {
		return nil, fmt.Errorf("import: --urls %s: %w", termsafe.Line(path), err)
	}
	for _, b := range bad {
		var le *fetch.LineError
		if errors.As(b, &le) {
			report(importer.Problem{Path: fmt.Sprintf("%s:%d", path, le.Line), Err: le.Err})
		}
	}
	return urls, nil
}

// keepDir is the folder fetched pages are kept in: --keep, or
// ARCHIVE-fetched beside the archive file ("news.db" keeps them in
// "news-fetched").
func (wi *webImport) keepDir(db string) string {
	if *wi.keep != "" {
		return *wi.keep
	}
	return strings.TrimSuffix(db, filepath.Ext(db)) + "-fetched"
}

// newWARCFile creates a new WARC file in dir, named by the time, never
// replacing a file.
func newWARCFile(dir string) (*os.File, string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fmt.Errorf("keep fetched pages: %w", err)
	}
	stamp := time.Now().UTC().Format("20060102T150405Z")
	for i := 1; i < 100; i++ {
		name := "fetched-" + stamp + ".warc.gz"
		if i > 1 {
			name = fmt.Sprintf("fetched-%s-%d.warc.gz", stamp, i)
		}
		p := filepath.Join(dir, name)
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			return f, p, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, "", fmt.Errorf("keep fetched pages: %w", err)
		}
	}
	return nil, "", fmt.Errorf("keep fetched pages: no free file name in %s", dir)
}

// addTo counts the addresses that failed in sum, and lists them first.
func (wi *webImport) addTo(sum *importer.Summary) {
	if sum == nil || len(wi.problems) == 0 {
		return
	}
	sum.Failed += len(wi.problems)
	sum.Problems = append(append([]importer.Problem(nil), wi.problems...), sum.Problems...)
}
