package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/wiretrace/wiretrace/archive"
)

func init() {
	register(&command{
		name:    "export",
		usage:   "[--db FILE] (--jsonl [OUT] | --to COPY.db)",
		summary: "write every article as JSON Lines, or a compact copy of the archive",
		run:     runExport,
	})
}

// exportLine is one article in JSON Lines: the same field names that
// import reads back (importer.JSONLine).
type exportLine struct {
	ID        int64            `json:"id"`
	Origin    string           `json:"origin"`
	Source    string           `json:"source"`
	URL       string           `json:"url"`
	Title     string           `json:"title"`
	Byline    string           `json:"byline"`
	Dateline  string           `json:"dateline"`
	Published string           `json:"published"`
	Language  string           `json:"language"`
	Credits   []archive.Credit `json:"credits"`
	Text      string           `json:"text"`
	Hash      string           `json:"hash"`
	Imported  string           `json:"imported"`
}

func runExport(ctx context.Context, env *Env, args []string) error {
	c := commands["export"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	jsonl := fs.Bool("jsonl", false, "write JSON Lines to OUT (default: standard output)")
	to := fs.String("to", "", "write a compact single-file copy of the archive to `COPY.db`")
	pos, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		return nil
	}
	if err != nil {
		return err
	}
	if *jsonl == (*to != "") || len(pos) > 1 || (*to != "" && len(pos) > 0) {
		return &usageError{err: fmt.Errorf("export: give either --jsonl [OUT] or --to COPY.db"), usage: "wiretrace export " + c.usage}
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *to != "" {
		if err := s.CopyTo(ctx, *to); err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "wrote %s\n", *to)
		return nil
	}
	out := env.Stdout
	var f *os.File
	var tmp string
	if len(pos) == 1 && pos[0] != "-" {
		// Write beside the target and rename, so a failed export leaves no half file.
		tmp = filepath.Join(filepath.Dir(pos[0]), "."+filepath.Base(pos[0])+".partial")
		if f, err = os.Create(tmp); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer os.Remove(tmp)
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	n, err := exportJSONL(ctx, s, bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && f != nil {
		if err = f.Close(); err == nil {
			err = os.Rename(tmp, pos[0])
		}
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if f != nil {
		fmt.Fprintf(env.Stderr, "wrote %d articles to %s\n", n, pos[0])
	}
	return nil
}

func exportJSONL(ctx context.Context, s *archive.Store, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := s.Each(ctx, func(a *archive.Article) error {
		l := exportLine{ID: a.ID, Origin: a.Origin, Source: a.Source, URL: a.URL, Title: a.Title, Byline: a.Byline,
			Dateline: a.Dateline, Language: a.Language, Credits: a.Credits, Text: a.Text, Hash: a.Hash,
			Imported: a.Imported.Format("2006-01-02T15:04:05Z07:00")}
		if !a.Published.IsZero() {
			l.Published = a.Published.Format("2006-01-02T15:04:05Z07:00")
		}
		if l.Credits == nil {
			l.Credits = []archive.Credit{}
		}
		n++
		return enc.Encode(l)
	})
	return n, err
}
