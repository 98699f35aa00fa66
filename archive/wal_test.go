package archive

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// walArticles returns n articles whose titles start with tag.
func walArticles(tag string, from, n int) []*wiretrace.Article {
	var out []*wiretrace.Article
	for i := from; i < from+n; i++ {
		out = append(out, &wiretrace.Article{Source: "Source " + tag, Language: "en", Origin: fmt.Sprintf("%s-%d.txt", tag, i),
			Title: fmt.Sprintf("%s story %d", tag, i),
			Text:  fmt.Sprintf("The %s report number %d says %d things about item%d.", tag, i, i*7, i*13)})
	}
	return out
}

// copyFiles copies the archive p with its -wal and -shm files (those that
// exist) to q: the files as a process killed now would leave them.
func copyFiles(t *testing.T, p, q string, suffixes ...string) {
	t.Helper()
	if len(suffixes) == 0 {
		suffixes = []string{"", "-wal", "-shm"}
	}
	for _, suf := range suffixes {
		b, err := os.ReadFile(p + suf)
		if errors.Is(err, os.ErrNotExist) {
			os.Remove(q + suf)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(q+suf, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func articleCount(t *testing.T, s *Store) int {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Articles
}

// countFileAlone opens a copy of the archive file p without its log and
// returns its articles.
func countFileAlone(t *testing.T, p string) int {
	t.Helper()
	q := filepath.Join(t.TempDir(), "alone.db")
	copyFiles(t, p, q, "")
	s, err := Open(q)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return articleCount(t, s)
}

// TestCrashLogFoldedOnOpen: a process killed with commits still in the
// log leaves an archive file that lacks them; the first open folds them
// in, so that the file alone is the whole archive again while it is open,
// and after Close.
func TestCrashLogFoldedOnOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	s, err := Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Add(ctx, walArticles("a", 0, 30)); err != nil {
		t.Fatal(err)
	}
	crashed := filepath.Join(dir, "crashed.db")
	copyFiles(t, live, crashed)
	if fi, err := os.Stat(crashed + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("no log to recover: %v", err)
	}
	if n := countFileAlone(t, crashed); n != 0 {
		t.Fatalf("the crashed file alone has %d articles, want 0 (all in the log)", n)
	}
	c, err := Open(crashed)
	if err != nil {
		t.Fatal(err)
	}
	if !c.wal.leftover || c.wal.stale != "" {
		t.Errorf("wal state %+v, want a leftover log of this file", c.wal)
	}
	if n := articleCount(t, c); n != 30 {
		t.Errorf("recovered %d articles, want 30", n)
	}
	if n := countFileAlone(t, crashed); n != 30 {
		t.Errorf("while open after the crash, the file alone has %d articles, want 30", n)
	}
	if p, err := c.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("check: %v %v", p, err)
	}
	if _, err := c.Add(ctx, walArticles("b", 0, 5)); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(crashed + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a log is left after Close: %v", err)
	}
	if n := countFileAlone(t, crashed); n != 35 {
		t.Errorf("after Close the file alone has %d articles, want 35", n)
	}
}

// TestCrashLogsBelong takes the files as a kill would leave them after
// every batch of several sessions, with checkpoints (which copy the log
// into the file) every few pages: every log is judged the file's, and
// opening the copy recovers every committed article.
func TestCrashLogsBelong(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	crashed := filepath.Join(dir, "crashed.db")
	total, snaps := 0, 0
	for session, cp := range []string{"wal_autocheckpoint(1000)", "wal_autocheckpoint(3)", "wal_autocheckpoint(17)"} {
		s, err := open(live, cp)
		if err != nil {
			t.Fatal(err)
		}
		for batch := 0; batch < 12; batch++ {
			n := 1 + (batch*7+session)%9
			if _, err := s.Add(ctx, walArticles(fmt.Sprintf("s%d", session), total, n)); err != nil {
				t.Fatal(err)
			}
			total += n
			if batch%4 == 3 { // an update and a delete: pages rewritten, not added
				if _, err := s.wdb.ExecContext(ctx, "UPDATE articles SET title = title || ' (updated)' WHERE id = ?", total-1); err != nil {
					t.Fatal(err)
				}
			}
			w, err := readWALFile(live + "-wal")
			if err != nil {
				t.Fatal(err)
			}
			head, err := readPage1(live, pageSize)
			if err != nil {
				t.Fatal(err)
			}
			if ok, why := walBelongs(w, head); !ok {
				t.Fatalf("session %d batch %d: the live log is judged another file's: %s", session, batch, why)
			}
			snaps++
			if batch%3 == 0 {
				copyFiles(t, live, crashed)
				c, err := Open(crashed)
				if err != nil {
					t.Fatal(err)
				}
				if c.wal.stale != "" {
					t.Fatalf("session %d batch %d: log moved aside: %s", session, batch, c.wal.reason)
				}
				if n := articleCount(t, c); n != total {
					t.Errorf("session %d batch %d: recovered %d articles, want %d", session, batch, n, total)
				}
				c.Close()
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d logs judged, %d articles", snaps, total)
}

// TestForeignLogNotApplied: an archive copied over one that a crash left
// with a log must not take on that log (SQLite would apply it: its
// checksums are right); open moves it aside, Check reports it, a
// read-only open ignores it.
func TestForeignLogNotApplied(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// The crashed archive: closed once, then killed in a second session,
	// so that its log is at the same schema version as the received file.
	old := filepath.Join(dir, "old.db")
	s, err := Open(old)
	if err != nil {
		t.Fatal(err)
	}
	s.Add(ctx, walArticles("old", 0, 10))
	s.Close()
	s, err = Open(old)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Enough to grow the file: a transaction that grows it writes page 1,
	// which carries the file's id, into the log.
	if _, err := s.Add(ctx, walArticles("old", 10, 300)); err != nil {
		t.Fatal(err)
	}
	if w, err := readWALFile(old + "-wal"); err != nil || len(w.page1) == 0 {
		t.Fatalf("the crashed session's log has no page 1: %v", err)
	}
	// The received archive, a single file with 3 articles.
	recv := filepath.Join(dir, "received.db")
	r, err := Open(recv)
	if err != nil {
		t.Fatal(err)
	}
	r.Add(ctx, walArticles("received", 0, 3))
	r.Close()

	for _, readOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("readOnly=%v", readOnly), func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "archive.db")
			copyFiles(t, old, p)
			copyFiles(t, recv, p, "") // cp received.db archive.db
			open := Open
			if readOnly {
				open = OpenReadOnly
			}
			a, err := open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			if n := articleCount(t, a); n != 3 {
				t.Errorf("%d articles, want the received file's 3", n)
			}
			problems, err := a.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != 1 || problems[0].Check != "wal" {
				t.Fatalf("check: %v, want one wal problem", problems)
			}
			t.Log(problems[0])
			_, staleErr := os.Stat(p + "-wal.stale")
			if readOnly != (staleErr != nil) {
				t.Errorf("stale log moved aside: %v (read-only %v)", staleErr, readOnly)
			}
			if readOnly {
				return
			}
			a.Close()
			// A later open still reports the log set aside, until deleted.
			a, err = Open(p)
			if err != nil {
				t.Fatal(err)
			}
			problems, _ = a.Check(ctx)
			if len(problems) != 1 || !strings.Contains(problems[0].Detail, "-wal.stale") {
				t.Errorf("check after reopening: %v", problems)
			}
			os.Remove(p + "-wal.stale")
			if problems, _ = a.Check(ctx); len(problems) != 0 {
				t.Errorf("check after deleting the stale log: %v", problems)
			}
			if n := articleCount(t, a); n != 3 {
				t.Errorf("%d articles, want 3", n)
			}
		})
	}
}

// TestForeignLogOfCopy: a copy made with CopyTo is a file of its own, so
// the original's log is never taken for the copy's, even with the same
// history up to the copy.
func TestForeignLogOfCopy(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.db")
	s, err := Open(orig)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Add(ctx, walArticles("o", 0, 5))
	cp := filepath.Join(dir, "copy.db")
	if err := s.CopyTo(ctx, cp); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(ctx, walArticles("o", 5, 5)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "p.db")
	copyFiles(t, orig, p)
	copyFiles(t, cp, p, "")
	a, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if a.wal.stale == "" {
		t.Errorf("the original's log was applied to the copy")
	}
	if n := articleCount(t, a); n != 5 {
		t.Errorf("%d articles, want the copy's 5", n)
	}
}

// TestLiveLogUntouched: a second Store on a file this process has open
// never judges or moves its live log.
func TestLiveLogUntouched(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Add(ctx, walArticles("a", 0, 5))
	t2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if t2.wal != (walState{}) {
		t.Errorf("second open judged the live log: %+v", t2.wal)
	}
	t2.Close()
	if _, err := s.Add(ctx, walArticles("a", 5, 5)); err != nil {
		t.Fatal(err)
	}
	if n := articleCount(t, s); n != 10 {
		t.Errorf("%d articles, want 10", n)
	}
}
