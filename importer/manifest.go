package importer

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
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
// or a written date such as "January 9, 2022").
type Manifest struct {
	Path    string // the manifest file
	Dir     string // the folder its file names are relative to
	entries map[string]*Entry
}

// ReadManifest reads a CSV or JSON manifest (by extension; otherwise by
// content). It must be a regular file of at most MaxFileSize bytes.
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
		entries, err = readJSONManifest(b)
	} else {
		entries, err = readCSVManifest(b)
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

func readCSVManifest(b []byte) ([]*Entry, error) {
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff")))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := col["file"]; !ok {
		return nil, errors.New(`header has no "file" column`)
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []*Entry
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		e := &Entry{File: get(rec, "file"), Source: get(rec, "source"), URL: get(rec, "url"), Title: get(rec, "title"),
			Byline: get(rec, "byline"), Language: get(rec, "language"), Charset: get(rec, "charset")}
		if e.File == "" {
			continue
		}
		if p := get(rec, "published"); p != "" {
			t, ok := parseManifestDate(p)
			if !ok {
				return nil, fmt.Errorf("line %d: published %q is not a date", line, p)
			}
			e.Published = t
		}
		out = append(out, e)
	}
	return out, nil
}

func readJSONManifest(b []byte) ([]*Entry, error) {
	var raw []struct {
		Entry
		Published string `json:"published"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	var out []*Entry
	for i, r := range raw {
		e := r.Entry
		if e.File == "" {
			return nil, fmt.Errorf("entry %d: no \"file\"", i+1)
		}
		if r.Published != "" {
			t, ok := parseManifestDate(r.Published)
			if !ok {
				return nil, fmt.Errorf("entry %d: published %q is not a date", i+1, r.Published)
			}
			e.Published = t
		}
		out = append(out, &e)
	}
	return out, nil
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
