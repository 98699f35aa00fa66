// Package importer turns files into archive articles: plain text, HTML
// pages and JSON Lines, one by one or whole folders, with manifests that
// supply what the files do not say. It hands articles to a Saver and never
// opens the database itself.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/importer/charset"
	"github.com/wiretrace/wiretrace/importer/extract"
	"github.com/wiretrace/wiretrace/importer/langid"
	"github.com/wiretrace/wiretrace/importer/textparse"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// Errors a file can fail or be skipped with.
var (
	ErrEmpty       = errors.New("empty file")
	ErrNoText      = errors.New("no article text found")
	ErrUnsupported = errors.New("unsupported file type")
)

// Kind is a file format the importer reads.
type Kind string

// File formats.
const (
	KindText  Kind = "text"
	KindHTML  Kind = "html"
	KindJSONL Kind = "jsonl"
)

// KindOf returns the format of a file from its name and, for names without
// a known extension, its first bytes. It returns "" for files to skip.
func KindOf(name string, head []byte) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return KindText
	case ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx":
		return KindHTML
	case ".jsonl", ".ndjson":
		return KindJSONL
	case "":
		h := bytes.ToLower(bytes.TrimSpace(head[:min(len(head), 512)]))
		if bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")) || bytes.Contains(h, []byte("<head")) {
			return KindHTML
		}
		return KindText
	}
	return ""
}

// Defaults is what the caller knows of a file's articles: a manifest entry
// or the --source given on the command line. Empty fields say nothing.
type Defaults struct {
	Entry  *Entry
	Source string
	// fallbackDate is used when the document states no date (a WARC
	// record's capture date).
	fallbackDate time.Time
	// kind forces the format when the name says nothing (a WARC record).
	kind Kind
	// notices are the copyright and distribution lines cut from a text
	// file's tail, still read for credits.
	notices []string
}

// Parse reads the articles in one file's bytes. name is the file's name as
// shown to the user (also stored as the article's origin). It returns an
// error wrapping ErrEmpty, ErrNoText, ErrUnsupported or charset.ErrBinary
// when there is no article to import.
func Parse(name string, raw []byte, d Defaults) ([]*wiretrace.Article, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	kind := d.kind
	if kind == "" {
		kind = containerKind(name, raw)
	}
	if kind == "" {
		kind = KindOf(name, raw)
	}
	hint := ""
	if d.Entry != nil {
		hint = d.Entry.Charset
	}
	var arts []*wiretrace.Article
	switch kind {
	case KindText:
		text, _, err := charset.Decode(raw, hint, false)
		if err != nil {
			return nil, err
		}
		a, notices := fromText(text)
		arts = []*wiretrace.Article{a}
		d.notices = notices
	case KindHTML:
		pageURL := ""
		if d.Entry != nil {
			pageURL = d.Entry.URL
		}
		ctype := ""
		if hint != "" {
			ctype = "text/html; charset=" + hint
		}
		a, err := fromHTML(raw, pageURL, ctype)
		if err != nil {
			return nil, err
		}
		arts = []*wiretrace.Article{a}
	case KindJSONL, KindFeed, KindWARC, KindARC, KindZip, KindTar, KindMHTML:
		return parseContainer(name, raw, kind, d)
	default:
		return nil, fmt.Errorf("%w %q", ErrUnsupported, filepath.Ext(name))
	}
	for _, a := range arts {
		a.Origin = originName(name)
		if err := finish(a, d); err != nil {
			return nil, err
		}
	}
	return arts, nil
}

// parseOptions tell textparse which names are wire agencies', so that a
// first line "ERIE, Pa. (AP) — A man was..." is read as a dateline.
var parseOptions = textparse.Options{IsAgency: func(n string) bool { _, ok := agency.Lookup(n); return ok }}

// fromText reads a text file's article and the notices cut from its tail.
func fromText(text string) (*wiretrace.Article, []string) {
	p := textparse.ParseWith(text, parseOptions)
	a := &wiretrace.Article{Title: p.Title, Text: p.Text, Dateline: p.Dateline, Byline: p.Byline, Published: p.Published}
	// An outlet named in the dateline next to the agency:
	// "(Pakistan Point News / Sputnik - 12th January, 2022)".
	for _, n := range p.DatelineCredits {
		if _, isAgency := agency.Lookup(n); !isAgency {
			a.Source = n
			break
		}
	}
	return a, p.Notices
}

func fromHTML(raw []byte, pageURL, contentType string) (*wiretrace.Article, error) {
	pg, err := extract.HTMLWithCharset(raw, pageURL, contentType)
	if err != nil {
		return nil, err
	}
	a := &wiretrace.Article{Title: pg.Title, Source: pg.SiteName, URL: pg.URL, Byline: pg.Author,
		Language: langid.Normalize(pg.Language), Published: pg.Published, Text: pg.Text}
	if a.URL == "" {
		a.URL = pageURL
	}
	// The text of a page can still open with a dateline.
	if tp := textparse.ParseWith(a.Title+"\n\n"+a.Text, parseOptions); tp.Dateline != "" {
		a.Dateline = tp.Dateline
		if a.Published.IsZero() {
			a.Published = tp.Published
		}
	}
	return a, nil
}

// Finish completes an article whatever its format: applies the manifest
// entry and defaults, identifies language, outlet and wire credits, and
// checks that it has text. It returns ErrNoText for an article without
// text.
func Finish(a *wiretrace.Article, d Defaults) error {
	if e := d.Entry; e != nil {
		if e.Source != "" {
			a.Source = e.Source
		}
		if e.URL != "" {
			a.URL = e.URL
		}
		if e.Title != "" {
			a.Title = e.Title
		}
		if e.Byline != "" {
			a.Byline = e.Byline
		}
		if e.Language != "" {
			a.Language = langid.Normalize(e.Language)
		}
		if !e.Published.IsZero() {
			a.Published = e.Published
		}
	}
	if d.Source != "" && (d.Entry == nil || d.Entry.Source == "") {
		a.Source = d.Source
	}
	if a.Published.IsZero() {
		a.Published = d.fallbackDate
	}
	a.Title = strings.TrimSpace(a.Title)
	a.Text = strings.TrimSpace(a.Text)
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		a.Text, a.Title = strings.ToValidUTF8(a.Text, "\uFFFD"), strings.ToValidUTF8(a.Title, "\uFFFD")
	}
	if a.Text == "" {
		if a.Title == "" {
			return ErrNoText
		}
		a.Text = a.Title
	}
	if a.Language == "" {
		a.Language = langid.Detect(a.Title + "\n" + a.Text)
		if a.Language == "" && langid.TooShort(a.Title+"\n"+a.Text) {
			a.Language = langid.Undetermined
		}
	}
	if a.Source == "" && a.URL != "" {
		a.Source = hostName(a.URL)
	}
	if a.Credits == nil {
		a.Credits = agency.DetectAll(agency.Clues{Title: a.Title, Text: a.Text, Source: a.Source,
			Byline: a.Byline, URL: a.URL, Notices: d.notices})
	}
	return nil
}

// hostName names an outlet by its web address: "www.business-standard.com"
// gives "business-standard.com".
func hostName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// originName is the name an article's file is known by: its base name, or
// for a member of a container "bundle.zip/dir/page.html".
func originName(name string) string {
	if i := strings.Index(name, ".zip/"); i >= 0 {
		return filepath.Base(name[:i+4]) + name[i+4:]
	}
	for _, ext := range []string{".tar.gz/", ".tgz/", ".tar/"} {
		if i := strings.Index(name, ext); i >= 0 {
			return filepath.Base(name[:i+len(ext)-1]) + name[i+len(ext)-1:]
		}
	}
	return filepath.Base(name)
}

// parseContainer reads every article of a container held in memory.
func parseContainer(name string, raw []byte, kind Kind, d Defaults) ([]*wiretrace.Article, error) {
	var arts []*wiretrace.Article
	var problems []string
	s := sink{
		doc: func(n string, b []byte, dd Defaults) error {
			as, err := Parse(n, b, dd)
			if err != nil {
				problems = append(problems, n+": "+err.Error())
				return nil
			}
			arts = append(arts, as...)
			return nil
		},
		art:    func(a *wiretrace.Article) error { arts = append(arts, a); return nil },
		bad:    func(n string, err error, _ bool) { problems = append(problems, n+": "+err.Error()) },
		budget: newBudget(int64(len(raw))),
	}
	if err := streamContainer(kind, name, bytes.NewReader(raw), int64(len(raw)), d, s, 0); err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		if len(problems) > 0 {
			return nil, fmt.Errorf("%w (%s)", ErrNoText, problems[0])
		}
		return nil, ErrNoText
	}
	return arts, nil
}
