package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/linking"
)

// linkRows returns the links of the archive at path in a stable form, one
// line each, and their number.
func linkRows(t *testing.T, path string) (string, int) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT from_article, to_article, kind, round(reused, 6), direction_reason FROM links ORDER BY 1, 2, 3")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	n := 0
	for rows.Next() {
		var f, to int64
		var kind, reason string
		var reused float64
		if err := rows.Scan(&f, &to, &kind, &reused, &reason); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d %d %s %g %s\n", f, to, kind, reused, reason)
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String(), n
}

// genCorpus writes a generated corpus of n articles under dir/name.
func genCorpus(t *testing.T, bin, dir, name string, n, seed int) string {
	t.Helper()
	src := filepath.Join(dir, name)
	if out, err := runCLI(t, bin, "gen", "--quiet", "--articles", fmt.Sprint(n), "--seed", fmt.Sprint(seed), "--out", src); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	return src
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func linkProblems(t *testing.T, path string) []archive.Problem {
	t.Helper()
	s, err := archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, err := s.LinkProblems(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// TestRelinkEqualsImport: a relink and an import of the same files store
// the same links, whatever the import's batches (an article's links
// depend only on the articles up to it). Before, 5,000 generated
// articles gave 23,506 links imported and 23,505 relinked: boilerplate
// was decided on fingerprint counts that included later articles.
func TestRelinkEqualsImport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line and imports thousands of articles; not in -short")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	src := genCorpus(t, bin, dir, "src", 5000, 3)
	imp := filepath.Join(dir, "import.db")
	if out, err := runCLI(t, bin, "import", "--quiet", "--db", imp, src); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	small := filepath.Join(dir, "small-batches.db")
	if out, err := runCLI(t, bin, "import", "--quiet", "--batch", "137", "--db", small, src); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	rel := filepath.Join(dir, "relink.db")
	copyFile(t, imp, rel)
	if out, err := runCLI(t, bin, "relink", "--quiet", "--db", rel); err != nil {
		t.Fatalf("relink: %v\n%s", err, out)
	}
	want, n := linkRows(t, imp)
	if n == 0 {
		t.Fatal("no links imported")
	}
	for _, p := range []string{small, rel} {
		if got, m := linkRows(t, p); got != want {
			t.Errorf("%s: %d links, the import of the same files %d (or not the same ones)", filepath.Base(p), m, n)
		}
	}
	t.Logf("import, import --batch 137 and relink: %d links each", n)
}

// TestConcurrentRelinkAndImport runs a relink and an import into one
// archive at the same time: linking is exclusive (a lock in the archive),
// so the result has exactly the links of the two run one after the other.
// Before, they lost links silently (22,638 instead of 25,064).
func TestConcurrentRelinkAndImport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line and imports thousands of articles; not in -short")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	first := genCorpus(t, bin, dir, "first", 2500, 21)
	second := genCorpus(t, bin, dir, "second", 2500, 22)
	base := filepath.Join(dir, "base.db")
	if out, err := runCLI(t, bin, "import", "--quiet", "--db", base, first); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	serial := filepath.Join(dir, "serial.db")
	copyFile(t, base, serial)
	for _, args := range [][]string{{"relink", "--quiet", "--db", serial}, {"import", "--quiet", "--db", serial, second}} {
		if out, err := runCLI(t, bin, args...); err != nil {
			t.Fatalf("%s: %v\n%s", args[0], err, out)
		}
	}
	want, n := linkRows(t, serial)

	concurrent := filepath.Join(dir, "concurrent.db")
	copyFile(t, base, concurrent)
	var wg sync.WaitGroup
	outs := make([]string, 2)
	errs := make([]error, 2)
	for i, args := range [][]string{{"relink", "--quiet", "--db", concurrent}, {"import", "--quiet", "--db", concurrent, second}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = runCLI(t, bin, args...)
		}()
	}
	// Searches run beside them the whole time, and all answer.
	stop := make(chan struct{})
	searched := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				searched <- n
				return
			default:
			}
			if out, err := runCLI(t, bin, "search", "--db", concurrent, "--limit", "5", "minister said"); err != nil {
				t.Errorf("search during relink and import: %v\n%s", err, out)
			}
			n++
		}
	}()
	wg.Wait()
	close(stop)
	searches := <-searched
	for i := range errs {
		if errs[i] != nil {
			t.Fatalf("concurrent run %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	if got, m := linkRows(t, concurrent); got != want {
		t.Errorf("relink and import at once: %d links; one after the other: %d", m, n)
	}
	if out, err := runCLI(t, bin, "check", "--db", concurrent); err != nil {
		t.Errorf("check: %v\n%s", err, out)
	}
	if ps := linkProblems(t, concurrent); len(ps) > 0 {
		t.Errorf("link problems after both: %v", ps)
	}
	t.Logf("serial %d links, concurrent %d, %d searches beside them; %s", n, n, searches, strings.TrimSpace(outs[0]+" "+outs[1]))
}

// TestLinkLockMessage: a second linker is told who holds the lock.
func TestLinkLockMessage(t *testing.T) {
	ctx := context.Background()
	s, err := archive.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l, err := s.TryLockLinking(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.TryLockLinking(ctx)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("another wiretrace process (pid %d, since ", os.Getpid())) {
		t.Fatalf("second lock: %v", err)
	}
	cctx, cancel := context.WithTimeout(ctx, 600*time.Millisecond)
	defer cancel()
	var told []string
	if _, err := s.LockLinking(cctx, func(h archive.LinkHolder) { told = append(told, waitingLine(h)) }); err == nil || len(told) != 1 {
		t.Fatalf("waiting for a held lock: %v, told %q", err, told)
	}
	if err := l.Release(ctx); err != nil {
		t.Fatal(err)
	}
	l2, err := s.TryLockLinking(ctx)
	if err != nil || l2.TookOver {
		t.Fatalf("lock after release: %v %+v", err, l2)
	}
	// A holder that died is taken over.
	l2.Abandon()
	l3, err := s.TryLockLinking(ctx)
	if err != nil || !l3.TookOver {
		t.Fatalf("lock of a dead holder: %v %+v", err, l3)
	}
	l3.Release(ctx)
}

// TestKilledRelinkResumes stops a relink part way (its context cancelled
// after some batches, then SIGKILL of a relink process): the links it had
// not reached stay, LinkProblems reports the unfinished relink, and a
// relink run again finishes it with exactly the links of an
// uninterrupted one. Before, a killed relink left no links or stories,
// and check said nothing.
func TestKilledRelinkResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line and imports thousands of articles; not in -short")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	src := genCorpus(t, bin, dir, "src", 3000, 5)
	clean := filepath.Join(dir, "clean.db")
	if out, err := runCLI(t, bin, "import", "--quiet", "--db", clean, src); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	want, n := linkRows(t, clean)

	// Cancelled in the links phase, after 1,000 articles.
	db := filepath.Join(dir, "cancelled.db")
	copyFile(t, clean, db)
	s, err := archive.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = linking.New(s, linking.Options{Progress: func(phase string, done, total int) {
		if phase == "links" && done >= 1000 {
			cancel()
		}
	}}).Relink(ctx)
	s.Close()
	if err == nil {
		t.Fatal("the cancelled relink finished")
	}
	if _, m := linkRows(t, db); m < n/2 {
		t.Errorf("a stopped relink left %d links of %d", m, n)
	}
	ps := linkProblems(t, db)
	if len(ps) == 0 || ps[0].Check != "relink" {
		t.Errorf("link problems after a stopped relink: %v", ps)
	}
	out, err := runCLI(t, bin, "relink", "--db", db)
	if err != nil || !strings.Contains(out, "resuming the relink that was stopped") {
		t.Fatalf("resumed relink: %v\n%s", err, out)
	}
	if got, m := linkRows(t, db); got != want {
		t.Errorf("resumed relink: %d links, uninterrupted %d", m, n)
	}
	if ps := linkProblems(t, db); len(ps) > 0 {
		t.Errorf("link problems after the resumed relink: %v", ps)
	}

	// SIGKILL once the relink has stored links.
	killed := filepath.Join(dir, "killed.db")
	copyFile(t, clean, killed)
	cmd := exec.Command(bin, "relink", "--quiet", "--db", killed)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ro, err := sql.Open("sqlite", "file:"+killed+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		var linked int64
		ro.QueryRow("SELECT value FROM meta WHERE key = 'relink_linked'").Scan(&linked)
		if linked > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	ro.Close()
	wasRunning := cmd.Process.Signal(syscall.SIGKILL) == nil
	cmd.Wait()
	if out, err := runCLI(t, bin, "check", "--db", killed); err != nil {
		t.Fatalf("check after a killed relink: %v\n%s", err, out)
	}
	ps = linkProblems(t, killed)
	if wasRunning && (len(ps) == 0 || ps[0].Check != "relink") {
		t.Errorf("link problems after a killed relink: %v", ps)
	}
	if out, err := runCLI(t, bin, "relink", "--quiet", "--db", killed); err != nil {
		t.Fatalf("relink after the kill: %v\n%s", err, out)
	}
	if got, m := linkRows(t, killed); got != want {
		t.Errorf("relink after a kill: %d links, uninterrupted %d", m, n)
	}
	if ps := linkProblems(t, killed); len(ps) > 0 {
		t.Errorf("link problems after the relink: %v", ps)
	}
}

// TestStaleJunkNotRead: rows of stories_stale that an import did not
// mark are not its work: it neither reads nor deletes them (10 million
// made a one-file import take 45 s, reading them all at its end).
func TestStaleJunkNotRead(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line; not in -short")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	src := genCorpus(t, bin, dir, "src", 600, 7)
	db := filepath.Join(dir, "a.db")
	if out, err := runCLI(t, bin, "import", "--quiet", "--db", db, src); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	// Junk: every stored article, and 100,000 ids of none (written
	// without foreign keys).
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT OR IGNORE INTO stories_stale (article) SELECT id FROM articles;
		WITH RECURSIVE c(x) AS (SELECT 10000000 UNION ALL SELECT x + 1 FROM c WHERE x < 10099999)
		INSERT INTO stories_stale (article) SELECT x FROM c`); err != nil {
		t.Fatal(err)
	}
	var junk, existing int
	raw.QueryRow("SELECT count(*), count(*) FILTER (WHERE article < 10000000) FROM stories_stale").Scan(&junk, &existing)
	raw.Close()
	one := filepath.Join(dir, "one")
	os.MkdirAll(one, 0o755)
	os.WriteFile(filepath.Join(one, "new.txt"), []byte("A headline nobody wrote before\n\nA text of its own about nothing else in the archive, long enough to be fingerprinted and linked to nothing at all.\n"), 0o644)
	if out, err := runCLI(t, bin, "import", "--quiet", "--db", db, one); err != nil {
		t.Fatalf("import of one file: %v\n%s", err, out)
	}
	raw, err = sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var left, leftExisting int
	raw.QueryRow("SELECT count(*), count(*) FILTER (WHERE article < 10000000) FROM stories_stale").Scan(&left, &leftExisting)
	if left != junk || leftExisting != existing {
		t.Errorf("stories_stale: %d rows (%d of stored articles) before a one-file import, %d (%d) after: it read rows it did not mark", junk, existing, left, leftExisting)
	}
}

// TestParallelFirstImports runs two imports into a new archive at once:
// both must succeed (the second waits for the first's writes).
func TestParallelFirstImports(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line; not in -short")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	srcs := []string{genCorpus(t, bin, dir, "a", 300, 31), genCorpus(t, bin, dir, "b", 300, 32)}
	for round := 0; round < 5; round++ {
		db := filepath.Join(dir, fmt.Sprintf("new%d.db", round))
		var wg sync.WaitGroup
		outs := make([]string, 2)
		errs := make([]error, 2)
		for i := range srcs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs[i], errs[i] = runCLI(t, bin, "import", "--quiet", "--db", db, srcs[i])
			}()
		}
		wg.Wait()
		for i := range errs {
			if errs[i] != nil {
				t.Fatalf("round %d, import %d into a new archive: %v\n%s", round, i, errs[i], outs[i])
			}
		}
	}
}
