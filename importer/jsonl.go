package importer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/importer/textparse"
)

// JSONLine is one article of a JSON Lines file: the fields that
// `wiretrace export --jsonl` writes. Only text (or title) is required;
// published is RFC 3339, a plain date or a written date; credits may be a
// list of agency names or of {"agency","role"} objects.
type JSONLine struct {
	ID        any             `json:"id"`
	Origin    string          `json:"origin"`
	Source    string          `json:"source"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Byline    string          `json:"byline"`
	Dateline  string          `json:"dateline"`
	Published string          `json:"published"`
	Language  string          `json:"language"`
	Credits   json.RawMessage `json:"credits"`
	Text      string          `json:"text"`
}

// ReadJSONL calls fn with each article of a JSON Lines stream, in order,
// and bad with the line number and reason of each line that is not an
// article. A line longer than the line limit (8 MB) is not read into
// memory: it is passed over and reported to bad with an error wrapping
// ErrTooLarge. Reading stops at the first error fn returns.
func ReadJSONL(r io.Reader, name string, d Defaults, fn func(*wiretrace.Article) error, bad func(line int, err error)) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, maxLine, true)
		if tooLong {
			bad(n, tooLarge("line", int64(maxLine)))
		} else if len(bytes.TrimSpace(line)) > 0 {
			a, perr := parseJSONLine(line, name, n, d)
			if perr != nil {
				bad(n, perr)
			} else if ferr := fn(a); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: line %d: %w", name, n, err)
		}
	}
}

func parseJSONLine(line []byte, name string, n int, d Defaults) (*wiretrace.Article, error) {
	var j JSONLine
	if err := json.Unmarshal(line, &j); err != nil {
		return nil, fmt.Errorf("not a JSON article: %w", shortJSONError(err))
	}
	a := &wiretrace.Article{Source: j.Source, URL: j.URL, Title: j.Title, Byline: j.Byline, Dateline: j.Dateline,
		Language: j.Language, Text: j.Text, Origin: j.Origin}
	if a.Origin == "" {
		a.Origin = fmt.Sprintf("%s:%d", name, n)
	}
	if j.Published != "" {
		t, ok := parseManifestDate(j.Published)
		if !ok {
			t, ok = textparse.ParseDate(j.Published)
		}
		if ok {
			a.Published = t
		}
	}
	if len(j.Credits) > 0 && string(j.Credits) != "null" {
		var objs []wiretrace.Credit
		if err := json.Unmarshal(j.Credits, &objs); err == nil {
			a.Credits = objs
		} else {
			var names []string
			if err := json.Unmarshal(j.Credits, &names); err != nil {
				return nil, fmt.Errorf("credits: want a list of names or {agency, role} objects")
			}
			for _, nm := range names {
				a.Credits = append(a.Credits, wiretrace.Credit{Agency: nm, Role: wiretrace.RoleSupplier})
			}
		}
	}
	if err := finish(a, d); err != nil {
		return nil, err
	}
	return a, nil
}

func shortJSONError(err error) error {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return fmt.Errorf("field %q: want %s, got %s", te.Field, te.Type, te.Value)
	}
	msg := err.Error()
	if len(msg) > 100 {
		msg = msg[:100]
	}
	return fmt.Errorf("%s", strings.TrimPrefix(msg, "json: "))
}
