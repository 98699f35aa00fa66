package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/internal/filekind"
	"github.com/wiretrace/wiretrace/internal/termsafe"
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
	ID        int64              `json:"id"`
	Origin    string             `json:"origin"`
	Source    string             `json:"source"`
	URL       string             `json:"url"`
	Title     string             `json:"title"`
	Byline    string             `json:"byline"`
	Dateline  string             `json:"dateline"`
	Published string             `json:"published"`
	Language  string             `json:"language"`
	Credits   []wiretrace.Credit `json:"credits"`
	Text      string             `json:"text"`
	Hash      string             `json:"hash"`
	Imported  string             `json:"imported"`
}

func runExport(ctx context.Context, env *Env, args []string) error {
	c := commands["export"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	jsonl := fs.Bool("jsonl", false, "write JSON Lines to OUT (default, or -: standard output)")
	to := fs.String("to", "", "write a compact single-file copy of the archive to `COPY.db`, which must not exist")
	pos, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		fmt.Fprintln(env.Stdout, "\nOUT is written beside itself and renamed over at the end, so a failed export leaves it")
		fmt.Fprintln(env.Stdout, "as it was. A symbolic link is written through (the file it points to is replaced, the link")
		fmt.Fprintln(env.Stdout, "stays); a device (/dev/null too), FIFO, socket or folder is refused: use - and redirect.")
		return nil
	}
	if err != nil {
		return err
	}
	if *jsonl == (*to != "") || len(pos) > 1 || (*to != "" && len(pos) > 0) {
		return &usageError{err: fmt.Errorf("export: give either --jsonl [OUT] or --to COPY.db"), usage: "wiretrace export " + c.usage}
	}
	if *to != "" {
		return exportCopy(ctx, env, *db, *to)
	}
	var target *partialFile
	if len(pos) == 1 && pos[0] != "-" {
		// Checked and created before the archive is opened: a refused
		// target costs nothing.
		if target, err = createPartial(pos[0]); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer target.abort()
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	out := env.Stdout
	if target != nil {
		out = target.f
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	n, err := exportJSONL(ctx, s, bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && target != nil {
		err = target.commit()
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if target != nil {
		through := ""
		if target.dst != pos[0] {
			through = " (the file it links to, " + termsafe.Line(target.dst) + ")"
		}
		fmt.Fprintf(env.Stderr, "wrote %d articles to %s%s\n", n, termsafe.Line(pos[0]), through)
	}
	return nil
}

// exportCopy writes the compact copy of export --to. archive.CopyTo writes
// it to COPY.db.partial and renames that at the end; one left by a killed
// export is removed first, whatever happens next.
func exportCopy(ctx context.Context, env *Env, db, dst string) error {
	if dst == "-" {
		return &usageError{err: fmt.Errorf("export: --to needs a file name: an archive copy cannot go to standard output")}
	}
	for _, stale := range []string{dst + ".partial", dst + ".partial-journal"} {
		removeStale(stale)
	}
	// Whatever is there already (a file, a link, even a dangling one, a
	// device) stays as it is.
	if fi, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("export: %s already exists (%s): --to never replaces anything, remove it or pick another name", dst, filekind.Of(fi.Mode()))
	}
	s, err := openExisting(db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.CopyTo(ctx, dst); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "wrote %s\n", termsafe.Line(dst))
	return nil
}

// partialFile is an export being written beside the file it will replace
// (dst), under the name tmp, and renamed over dst by commit.
type partialFile struct {
	f        *os.File
	tmp, dst string
	done     bool
}

// partialName is the name an export to dst is written under until it is
// complete: .NAME.partial in dst's folder.
func partialName(dst string) string {
	return filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+".partial")
}

// removeStale removes what a killed export left under the partial name
// p, unless it is a folder (which the export then fails to create).
func removeStale(p string) {
	if fi, err := os.Lstat(p); err == nil && !fi.IsDir() {
		os.Remove(p)
	}
}

// exportTarget returns the regular file an export to path replaces: path
// itself when it is a regular file or does not exist yet, the file a
// symbolic link points to (so that the link stays a link). Anything else
// (a device, a FIFO, a socket, a folder, a dangling link) is refused: a
// rename would replace the thing itself, and writing into it would block
// (a FIFO) or reach a device.
func exportTarget(path string) (string, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, nil
	}
	if err != nil {
		return "", err
	}
	if fi.Mode().IsRegular() {
		return path, nil
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return "", fmt.Errorf("%s is %s, not a regular file: refused (use --jsonl - for standard output)", path, filekind.Of(fi.Mode()))
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("%s is a symbolic link to a missing file: refused", path)
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s links to %s, not a regular file: refused (use --jsonl - for standard output)", path, filekind.Of(st.Mode()))
	}
	real, err := filepath.EvalSymlinks(path)
	if err == nil {
		fi, err = os.Lstat(real)
	}
	if err != nil || !fi.Mode().IsRegular() {
		return "", fmt.Errorf("%s: cannot resolve the symbolic link to a regular file: refused", path)
	}
	return real, nil
}

// createPartial checks the export target path and creates the partial
// file beside the regular file it resolves to, removing the ones a killed
// export left (beside path and beside the resolved file).
func createPartial(path string) (*partialFile, error) {
	removeStale(partialName(path))
	dst, err := exportTarget(path)
	if err != nil {
		return nil, err
	}
	tmp := partialName(dst)
	if dst != path {
		removeStale(tmp)
	}
	// O_EXCL: never through a link someone put under the partial name
	// since.
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dst); err == nil {
		f.Chmod(fi.Mode().Perm()) // the replaced file's permissions stay
	}
	return &partialFile{f: f, tmp: tmp, dst: dst}, nil
}

// commit syncs and closes the partial file and renames it over its
// target, unless another export to the same target has replaced the
// partial file meanwhile (taking it for one a killed export left): then
// that one's half-written file must not be renamed, and this export fails.
func (p *partialFile) commit() error {
	err := p.f.Sync()
	mine, serr := p.f.Stat()
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = serr
	}
	if err == nil {
		if now, lerr := os.Lstat(p.tmp); lerr != nil || !os.SameFile(mine, now) {
			p.done = true // not ours to remove
			return fmt.Errorf("%s: another export to %s took over: not replaced by this one", p.tmp, p.dst)
		}
		err = os.Rename(p.tmp, p.dst)
	}
	if err == nil {
		p.done = true
	}
	return err
}

// abort removes the partial file unless commit renamed it.
func (p *partialFile) abort() {
	if !p.done {
		p.f.Close()
		os.Remove(p.tmp)
	}
}

func exportJSONL(ctx context.Context, s *archive.Store, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := s.Each(ctx, func(a *wiretrace.Article) error {
		l := exportLine{ID: a.ID, Origin: a.Origin, Source: a.Source, URL: a.URL, Title: a.Title, Byline: a.Byline,
			Dateline: a.Dateline, Language: a.Language, Credits: a.Credits, Text: a.Text, Hash: a.Hash,
			Imported: a.Imported.Format("2006-01-02T15:04:05Z07:00")}
		if !a.Published.IsZero() {
			l.Published = a.Published.Format("2006-01-02T15:04:05Z07:00")
		}
		if l.Credits == nil {
			l.Credits = []wiretrace.Credit{}
		}
		n++
		return enc.Encode(l)
	})
	return n, err
}
