package archive

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"sync"
	"syscall"
	"time"
)

// Linking is exclusive: one process at a time links an archive (an
// import's linking, a relink). Two at once lost links silently (22,638
// instead of 25,064 for a relink run beside an import): a relink removed
// what the import's linking had just stored, and each read the other's
// half-written index. The lock is kept in the archive itself, as rows of
// meta written in one write transaction, so that it holds between
// processes and machines that share the file, and a process killed while
// it held it leaves a lock that the next one recognises as dead.

// The meta keys of the link lock: the holder's random token (0 or absent
// when nobody holds it), its process id, a hash of its host name and the
// Unix time it took the lock.
const (
	metaLockToken = "link_lock_token"
	metaLockPID   = "link_lock_pid"
	metaLockHost  = "link_lock_host"
	metaLockSince = "link_lock_since"
)

// LinkHolder is the process that holds an archive's link lock.
type LinkHolder struct {
	PID       int
	Since     time.Time
	OtherHost bool // on another machine than this process: its liveness is unknown
	Host      int64
	token     int64
}

func (h LinkHolder) String() string {
	where := ""
	if h.OtherHost {
		where = " on another machine"
	}
	return fmt.Sprintf("pid %d%s, since %s", h.PID, where, h.Since.Local().Format("2006-01-02 15:04:05"))
}

// ErrLinking is wrapped by the error of TryLockLinking when another live
// process holds the link lock.
var ErrLinking = errors.New("archive: another process is linking")

// LinkingError says who holds the link lock.
type LinkingError struct{ Holder LinkHolder }

func (e *LinkingError) Error() string {
	return fmt.Sprintf("another wiretrace process (%s) is linking this archive; wait for it to finish and run the command again", e.Holder)
}

func (e *LinkingError) Unwrap() error { return ErrLinking }

// LinkLock is a held link lock.
type LinkLock struct {
	s     *Store
	token int64
	// TookOver is set when the lock was taken from a process that died
	// while it held it (on this host, its pid is not running): whatever
	// it was doing is unfinished (stories left out of date, a relink).
	TookOver bool
	// Previous is that dead holder, when TookOver.
	Previous LinkHolder
}

// liveTokens are the tokens of the locks this process holds: a lock of
// this process's pid with another token was left by a Store of this
// process that did not release it (tests open many).
var liveTokens struct {
	sync.Mutex
	m map[int64]bool
}

// hostID is a hash of this machine's name (meta holds integers only).
func hostID() int64 {
	name, _ := os.Hostname()
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64() >> 1)
}

// alive reports whether the holder may still be running: always when it
// is on another machine, whose processes cannot be seen.
func (h LinkHolder) alive() bool {
	if h.OtherHost {
		return true
	}
	if h.PID == os.Getpid() {
		liveTokens.Lock()
		defer liveTokens.Unlock()
		return liveTokens.m[h.token]
	}
	return pidAlive(h.PID)
}

// pidAlive reports whether a process with that id runs on this machine.
// On Unix, FindProcess always succeeds and signal 0 tests for the process
// (EPERM: it exists, as another user's); on Windows FindProcess fails for
// a process that does not exist, and signal 0 is not supported.
func pidAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || !(errors.Is(err, os.ErrProcessDone) || errors.Is(err, syscall.ESRCH))
}

// readHolder reads the link lock's holder; ok is false when nobody holds it.
func readHolder(ctx context.Context, q querier) (h LinkHolder, ok bool, err error) {
	rows, err := q.QueryContext(ctx, "SELECT key, value FROM meta WHERE key IN (?, ?, ?, ?)", metaLockToken, metaLockPID, metaLockHost, metaLockSince)
	if err != nil {
		return h, false, err
	}
	defer rows.Close()
	var since int64
	for rows.Next() {
		var k string
		var v int64
		if err := rows.Scan(&k, &v); err != nil {
			return h, false, err
		}
		switch k {
		case metaLockToken:
			h.token = v
		case metaLockPID:
			h.PID = int(v)
		case metaLockHost:
			h.Host = v
		case metaLockSince:
			since = v
		}
	}
	if err := rows.Err(); err != nil {
		return h, false, err
	}
	h.Since = time.Unix(since, 0)
	h.OtherHost = h.Host != hostID()
	return h, h.token != 0, nil
}

// LinkLockHolder returns the holder of the link lock, if any.
func (s *Store) LinkLockHolder(ctx context.Context) (LinkHolder, bool, error) {
	h, ok, err := readHolder(ctx, s.db)
	if err != nil {
		return h, false, fmt.Errorf("link lock: %w", err)
	}
	return h, ok, nil
}

// TryLockLinking takes the link lock, in one write transaction, or
// returns a *LinkingError (wrapping ErrLinking) when a live process holds
// it. A lock left by a dead process is taken over.
func (s *Store) TryLockLinking(ctx context.Context) (*LinkLock, error) {
	var b [8]byte
	rand.Read(b[:])
	token := int64(binary.LittleEndian.Uint64(b[:])>>1) | 1
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("link lock: %w", err)
	}
	defer done()
	h, held, err := readHolder(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("link lock: %w", err)
	}
	l := &LinkLock{s: s, token: token}
	if held {
		if h.alive() {
			return nil, &LinkingError{Holder: h}
		}
		l.TookOver, l.Previous = true, h
	}
	for k, v := range map[string]int64{metaLockToken: token, metaLockPID: int64(os.Getpid()), metaLockHost: hostID(), metaLockSince: time.Now().Unix()} {
		if _, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", k, v); err != nil {
			return nil, fmt.Errorf("link lock: %w", err)
		}
	}
	liveTokens.Lock()
	if liveTokens.m == nil {
		liveTokens.m = map[int64]bool{}
	}
	liveTokens.m[token] = true
	liveTokens.Unlock()
	if err := tx.Commit(); err != nil {
		l.forget()
		return nil, fmt.Errorf("link lock: %w", err)
	}
	return l, nil
}

// lockPoll is how often LockLinking tries again.
var lockPoll = 250 * time.Millisecond

// LockLinking takes the link lock, waiting for another holder to release
// it (or die) until ctx is done; waiting, when not nil, is called once,
// with the holder, when the lock is held by another process.
func (s *Store) LockLinking(ctx context.Context, waiting func(LinkHolder)) (*LinkLock, error) {
	told := false
	for {
		l, err := s.TryLockLinking(ctx)
		var le *LinkingError
		if !errors.As(err, &le) {
			return l, err
		}
		if !told && waiting != nil {
			told = true
			waiting(le.Holder)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for the link lock: %w (%v)", ctx.Err(), err)
		case <-time.After(lockPoll):
		}
	}
}

// Abandon drops the lock without releasing it, as a process killed while
// it held it would: the next TryLockLinking takes it over (TookOver).
// Tests use it to stand for a killed process.
func (l *LinkLock) Abandon() {
	if l != nil {
		l.forget()
		l.token = 0
	}
}

func (l *LinkLock) forget() {
	liveTokens.Lock()
	delete(liveTokens.m, l.token)
	liveTokens.Unlock()
}

// Release gives the lock up, if this LinkLock still holds it. A nil
// LinkLock holds nothing.
func (l *LinkLock) Release(ctx context.Context) error {
	if l == nil || l.token == 0 {
		return nil
	}
	defer l.forget()
	// The lock goes even when the linking was cancelled.
	ctx = context.WithoutCancel(ctx)
	tx, done, err := l.s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("release link lock: %w", err)
	}
	defer done()
	if _, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key IN (?, ?, ?, ?)
		AND (SELECT value FROM meta WHERE key = ?) = ?`, metaLockToken, metaLockPID, metaLockHost, metaLockSince, metaLockToken, l.token); err != nil {
		return fmt.Errorf("release link lock: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("release link lock: %w", err)
	}
	l.token = 0
	return nil
}

// A relink records its progress in meta, so that a killed one resumes
// where it stopped instead of starting over, and the links and stories
// stay usable meanwhile: it replaces each article's links in place (it
// used to delete every link, fingerprint and story first, so a killed
// relink left none). relink_printed is the last article whose
// fingerprints it stored, relink_linked the last one whose links it
// stored; both rows exist from BeginRelink to EndRelink.
const (
	metaRelinkPrinted = "relink_printed"
	metaRelinkLinked  = "relink_linked"
)

// RelinkProgress is where an unfinished relink stands.
type RelinkProgress struct {
	Printed int64 // fingerprints stored for the articles up to this id
	Linked  int64 // links stored for the articles up to this id
}

// RelinkState returns the progress of an unfinished relink; ok is false
// when none is unfinished.
func (s *Store) RelinkState(ctx context.Context) (p RelinkProgress, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT (SELECT value FROM meta WHERE key = ?), (SELECT value FROM meta WHERE key = ?) WHERE EXISTS (SELECT 1 FROM meta WHERE key = ?)",
		metaRelinkPrinted, metaRelinkLinked, metaRelinkPrinted).Scan(&p.Printed, &p.Linked)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("relink state: %w", err)
	}
	return p, true, nil
}

// BeginRelink starts a relink, or returns the progress of the unfinished
// one (resumed is then set).
func (s *Store) BeginRelink(ctx context.Context) (p RelinkProgress, resumed bool, err error) {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return p, false, fmt.Errorf("begin relink: %w", err)
	}
	defer done()
	for _, k := range []string{metaRelinkPrinted, metaRelinkLinked} {
		res, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO meta (key, value) VALUES (?, 0)", k)
		if err != nil {
			return p, false, fmt.Errorf("begin relink: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			resumed = true
		}
	}
	if err := tx.QueryRowContext(ctx, "SELECT (SELECT value FROM meta WHERE key = ?), (SELECT value FROM meta WHERE key = ?)",
		metaRelinkPrinted, metaRelinkLinked).Scan(&p.Printed, &p.Linked); err != nil {
		return p, false, fmt.Errorf("begin relink: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return p, false, fmt.Errorf("begin relink: %w", err)
	}
	return p, resumed, nil
}

// EndRelink records that the relink is over.
func (s *Store) EndRelink(ctx context.Context) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("end relink: %w", err)
	}
	defer done()
	if _, err := tx.ExecContext(ctx, "DELETE FROM meta WHERE key IN (?, ?)", metaRelinkPrinted, metaRelinkLinked); err != nil {
		return fmt.Errorf("end relink: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("end relink: %w", err)
	}
	return nil
}

func setRelinkUpto(ctx context.Context, tx *sql.Tx, key string, upto int64) error {
	_, err := tx.ExecContext(ctx, "UPDATE meta SET value = max(value, ?) WHERE key = ?", upto, key)
	return err
}

// SetRelinkFingerprints is SetFingerprints for a relink: it also records,
// in the same transaction, that the relink has fingerprinted the
// articles up to upto.
func (s *Store) SetRelinkFingerprints(ctx context.Context, fps map[int64][]uint64, upto int64) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("set fingerprints: %w", err)
	}
	defer done()
	if err := setFingerprintsTx(ctx, tx, fps); err != nil {
		return fmt.Errorf("set fingerprints: %w", err)
	}
	if err := setRelinkUpto(ctx, tx, metaRelinkPrinted, upto); err != nil {
		return fmt.Errorf("set fingerprints: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set fingerprints: %w", err)
	}
	return nil
}

// ArticleIDsAfter returns, ascending, up to limit article ids above after.
func (s *Store) ArticleIDsAfter(ctx context.Context, after int64, limit int) ([]int64, error) {
	return queryIDs(ctx, s.db, "article ids", "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", after, limit)
}

// StaleAmong returns, ascending, those of ids whose stories are out of
// date: one lookup per id, however many other rows stories_stale holds.
func (s *Store) StaleAmong(ctx context.Context, ids []int64) ([]int64, error) {
	var out []int64
	for start := 0; start < len(ids); start += fpRowsChunk {
		part := ids[start:min(start+fpRowsChunk, len(ids))]
		got, err := queryIDs(ctx, s.db, "stale stories", "SELECT article FROM json_each(?1) j JOIN stories_stale ON article = j.value ORDER BY article", jsonInts(part))
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// UnmarkStale removes ids from stories_stale: their stories were just
// computed, or they name no article (SaveStories unmarks only the
// articles of the stories it saves, so such rows stayed, and every
// import read them again).
func (s *Store) UnmarkStale(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("unmark stale stories: %w", err)
	}
	defer done()
	for start := 0; start < len(ids); start += fpRowsChunk {
		part := ids[start:min(start+fpRowsChunk, len(ids))]
		if _, err := tx.ExecContext(ctx, "DELETE FROM stories_stale WHERE article IN (SELECT value FROM json_each(?1))", jsonInts(part)); err != nil {
			return fmt.Errorf("unmark stale stories: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("unmark stale stories: %w", err)
	}
	return nil
}
