package gui

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace/archive"
)

// Export formats of the result list.
const (
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
)

// exportPage is how many results each search of an export fetches (a
// variable for the tests).
var exportPage = 500

// exportRow is one result as exported.
type exportRow struct {
	ID        int64    `json:"id"`
	Published string   `json:"published,omitempty"` // 2006-01-02, empty when undated
	Source    string   `json:"source"`
	Language  string   `json:"language,omitempty"`
	Title     string   `json:"title"`
	URL       string   `json:"url,omitempty"`
	Credits   []string `json:"credits"`
	Origin    string   `json:"origin,omitempty"`
	Snippet   string   `json:"snippet,omitempty"` // without highlight markers
}

var csvHeader = []string{"id", "published", "source", "language", "title", "url", "credits", "origin", "snippet"}

// formatFor is the export format a file name asks for: JSON Lines for
// .jsonl, .ndjson and .json, CSV otherwise.
func formatFor(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL
	}
	return FormatCSV
}

// ExportResults writes every result of q (all pages, in q's order) to w
// in format (FormatCSV or FormatJSONL) and returns how many it wrote. It
// stops with ctx's error when ctx is cancelled.
func ExportResults(ctx context.Context, arch Archive, q archive.Query, w io.Writer, format string) (int, error) {
	bw := bufio.NewWriter(w)
	var cw *csv.Writer
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if format == FormatCSV {
		cw = csv.NewWriter(bw)
		if err := cw.Write(csvHeader); err != nil {
			return 0, fmt.Errorf("gui: export: %w", err)
		}
	}
	q.Offset, q.Limit = 0, exportPage
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		res, err := safeSearch(ctx, arch, q)
		if err != nil {
			return n, fmt.Errorf("gui: export: %w", err)
		}
		for _, h := range res.Hits {
			row := exportRow{ID: h.ID, Source: h.Source, Language: h.Language, Title: h.Title, URL: h.URL,
				Credits: h.Credits, Origin: h.Origin, Snippet: oneLine(stripMarks(h.Snippet))}
			if row.Credits == nil {
				row.Credits = []string{}
			}
			if !h.Published.IsZero() {
				row.Published = h.Published.Format(time.DateOnly)
			}
			if cw != nil {
				err = cw.Write([]string{strconv.FormatInt(row.ID, 10), row.Published, row.Source, row.Language, row.Title,
					row.URL, strings.Join(row.Credits, "; "), row.Origin, row.Snippet})
			} else {
				err = enc.Encode(row)
			}
			if err != nil {
				return n, fmt.Errorf("gui: export: %w", err)
			}
			n++
		}
		q.Offset += len(res.Hits)
		if len(res.Hits) == 0 || q.Offset >= res.Total {
			break
		}
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return n, fmt.Errorf("gui: export: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("gui: export: %w", err)
	}
	return n, nil
}

// Query returns the query of the results shown, from their first page.
func (b *Browser) Query() archive.Query {
	q := b.shown
	q.Offset = 0
	return q
}
