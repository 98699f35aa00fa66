package importer

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace/importer/textparse"
)

// ManifestNames are the file names under which a manifest found in an
// imported folder is applied to the files of that folder (and below)
// automatically. A manifest is never imported as an article.
var ManifestNames = []string{"wiretrace-manifest.csv", "wiretrace-manifest.json"}

// Entry is what a manifest says about one file. Empty fields say nothing.
type Entry struct {
	File      string    `json:"file"`
	Source    string    `json:"source"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Language  string    `json:"language"`
	Published time.Time `json:"-"`
	// Charset names the encoding of the file when it is not UTF-8.
	Charset string `json:"charset"`
}

// Manifest gives metadata for the files of one folder.
//
// CSV form: a header row naming some of the columns file, source, url,
// published, language, title, byline, charset ("file" is required), then a
// row per file. JSON form: an array of objects with the same keys. "file"
// is a path relative to the manifest's folder or a bare file name;
// "published" is a date or date-time (2022-01-09, 2022-01-09T11:07:00+05:30,
// or a written date such as "January 9, 2022"). Common other names are
// read as these (see ColumnAliases); other columns are ignored, and named
// by Warning.
type Manifest struct {
	Path    string // the manifest file
	Dir     string // the folder its file names are relative to
	entries map[string]*Entry
	// ignored are the columns (or JSON keys) that were not read: unknown
	// names, and aliases of a column also given under its own name.
	ignored []string
}

// ManifestColumns are the columns a manifest is read from.
var ManifestColumns = []string{"file", "source", "url", "title", "byline", "language", "published", "charset"}

// ColumnAliases are other names of manifest columns, read as the column
// they stand for: an outlet named under "outlet" is the articles' source,
// not to be taken from their address.
var ColumnAliases = map[string]string{
	"outlet": "source", "publisher": "source", "site": "source", "sitename": "source",
	"date": "published", "lang": "language", "author": "byline", "link": "url",
	"path": "file", "filename": "file", "headline": "title", "encoding": "charset",
}

// columnsOf maps the names of a manifest's header to the columns they
// are read as; names not read are returned as ignored, in their order.
func columnsOf(names []string) (col map[string]int, ignored []string) {
	col = map[string]int{}
	canon := make([]string, len(names))
	for i, h := range names {
		h = strings.ToLower(strings.TrimSpace(h))
		if slices.Contains(ManifestColumns, h) {
			canon[i] = h
			if _, dup := col[h]; !dup {
				col[h] = i
			}
		}
	}
	for i, h := range names {
		h = strings.ToLower(strings.TrimSpace(h))
		switch c, ok := ColumnAliases[h]; {
		case canon[i] != "":
		case ok && !hasCol(col, c):
			col[c] = i
		default:
			ignored = append(ignored, strings.TrimSpace(names[i]))
		}
	}
	return col, ignored
}

func hasCol(col map[string]int, c string) bool { _, ok := col[c]; return ok }

// Warning returns nil, or the one-line warning that some of the
// manifest's columns were not read, naming them and the known ones.
func (m *Manifest) Warning() error {
	if m == nil || len(m.ignored) == 0 {
		return nil
	}
	var aliases []string
	for a, c := range ColumnAliases {
		aliases = append(aliases, a+"="+c)
	}
	sort.Strings(aliases)
	q := make([]string, len(m.ignored))
	for i, n := range m.ignored {
		q[i] = strconv.Quote(n)
	}
	return fmt.Errorf("%w: %s (known: %s; aliases: %s)", ErrManifestColumns,
		strings.Join(q, ", "), strings.Join(ManifestColumns, ", "), strings.Join(aliases, ", "))
}

// ErrManifestColumns is wrapped by the warning of a manifest with columns
// that are not read: unknown names, or aliases of a column given twice.
var ErrManifestColumns = errors.New("manifest columns not read")

// ReadManifest reads a CSV or JSON manifest (by extension; otherwise by
// content). It must be a regular file of at most MaxFileSize bytes. A
// manifest with columns it does not know is read all the same; Warning
// names them.
func ReadManifest(path string) (*Manifest, error) {
	b, err := readRegular(path, maxDoc, "manifest")
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	abs, _ := filepath.Abs(path)
	m := &Manifest{Path: abs, Dir: filepath.Dir(abs), entries: map[string]*Entry{}}
	var entries []*Entry
	trim := strings.TrimSpace(string(b))
	if strings.HasSuffix(strings.ToLower(path), ".json") || strings.HasPrefix(trim, "[") {
		entries, m.ignored, err = readJSONManifest(b)
	} else {
		entries, m.ignored, err = readCSVManifest(b)
	}
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	for _, e := range entries {
		key := filepath.ToSlash(filepath.Clean(e.File))
		m.entries[key] = e
		if _, ok := m.entries[filepath.Base(key)]; !ok {
			m.entries[filepath.Base(key)] = e
		}
	}
	return m, nil
}

func readCSVManifest(b []byte) ([]*Entry, []string, error) {
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff")))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	head, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("header: %w", err)
	}
	col, ignored := columnsOf(head)
	if _, ok := col["file"]; !ok {
		return nil, nil, errors.New(`header has no "file" column`)
	}
	var out []*Entry
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", line, err)
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		e, err := newEntry(get)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", line, err)
		}
		if e != nil {
			out = append(out, e)
		}
	}
	return out, ignored, nil
}

// newEntry makes the entry of a row whose columns get returns; nil for a
// row without a file.
func newEntry(get func(column string) string) (*Entry, error) {
	e := &Entry{File: get("file"), Source: get("source"), URL: get("url"), Title: get("title"),
		Byline: get("byline"), Language: get("language"), Charset: get("charset")}
	if e.File == "" {
		return nil, nil
	}
	if p := get("published"); p != "" {
		t, ok := parseManifestDate(p)
		if !ok {
			return nil, fmt.Errorf("published %q is not a date", p)
		}
		e.Published = t
	}
	return e, nil
}

func readJSONManifest(b []byte) ([]*Entry, []string, error) {
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, nil, err
	}
	var out []*Entry
	var ignored []string
	for i, obj := range raw {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		col, ign := columnsOf(keys)
		for _, k := range ign {
			if !slices.Contains(ignored, k) {
				ignored = append(ignored, k)
			}
		}
		var bad error
		get := func(name string) string {
			j, ok := col[name]
			if !ok {
				return ""
			}
			var v string
			if err := json.Unmarshal(obj[keys[j]], &v); err != nil && bad == nil && string(obj[keys[j]]) != "null" {
				bad = fmt.Errorf("%q: want a string", keys[j])
			}
			return strings.TrimSpace(v)
		}
		e, err := newEntry(get)
		if err == nil {
			err = bad
		}
		if err == nil && e == nil {
			err = errors.New(`no "file"`)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("entry %d: %w", i+1, err)
		}
		out = append(out, e)
	}
	return out, ignored, nil
}

func parseManifestDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return textparse.ParseDate(s)
}

// Lookup returns the entry for the file at path, or nil.
func (m *Manifest) Lookup(path string) *Entry {
	if m == nil {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err == nil {
		if rel, err := filepath.Rel(m.Dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
			if e := m.entries[filepath.ToSlash(rel)]; e != nil {
				return e
			}
		}
	}
	return m.entries[filepath.Base(path)]
}

func isManifestName(name string) bool {
	for _, n := range ManifestNames {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}
