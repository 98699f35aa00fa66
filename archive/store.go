// Package archive stores news articles in one SQLite file and answers
// full-text searches, facet counts and provenance queries over them.
//
// The archive is the whole product state: one file that can be copied to
// another machine and opened there. It imports no UI and no HTML code.
package archive

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Errors callers may act on.
var (
	// ErrNotFound is returned when an article does not exist.
	ErrNotFound = errors.New("archive: not found")
	// ErrNewerSchema is returned by Open for an archive written by a newer
	// version of Wiretrace.
	ErrNewerSchema = errors.New("archive: file was written by a newer version of wiretrace")
	// ErrNotArchive is returned by Open for a file that is not a SQLite
	// database.
	ErrNotArchive = errors.New("archive: not a wiretrace archive (not an SQLite database)")
)

// Store is an open archive file.
type Store struct {
	db *sql.DB
	// rdb reads the articles, fingerprints and imported files an import
	// looks up, on connections with small page caches: SQLite drops a
	// connection's whole page cache at the first read after another
	// connection committed, and an import commits several times a batch,
	// so a large cache there was mostly allocated, freed and handed back
	// to the OS (madvise) again and again (5% of the CPU of a 100k import;
	// imports now take their pages from one block, PoolPageCache). It is db
	// itself for a read-only archive.
	rdb *sql.DB
	// wdb is the one connection that write transactions use (beginWrite):
	// its page cache lasts from one transaction to the next, since no
	// other connection writes in between.
	wdb  *sql.DB
	path string
	// writeMu queues this process's write transactions in Go. SQLite
	// would make them wait too, but by polling with sleeps of up to
	// 100 ms: an import's storing and linking write in turn, hundreds of
	// times.
	writeMu sync.Mutex

	colMu    sync.Mutex
	cols     *columns       // search columns, refreshed by generation
	mc       matchCache     // match sets of frequent expressions
	noCache  bool           // list every match through FTS5 (tests compare)
	bg       sync.WaitGroup // background snapshot writes, awaited by Close
	wrote    atomic.Bool    // this Store added articles: Close saves the columns
	readOnly bool

	// stmts holds the import's point reads prepared on rdb, by query
	// text (readStmt).
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt

	file *openFile // this process's note that the file is open (wal.go)
	wal  walState  // what open found of a -wal file beside the archive
}

// readStmt returns query prepared on rdb. database/sql prepares it again
// once on each connection that runs it and keeps it there: preparing the
// import's point reads at every call was 2.5% of the CPU of a 100k import
// (11 of 12 s parsing SQL).
func (s *Store) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	st, ok := s.stmts[query]
	s.stmtMu.Unlock()
	if ok {
		return st, nil
	}
	// Prepared without the lock: preparing waits for a connection.
	st, err := s.rdb.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if have, ok := s.stmts[query]; ok {
		st.Close()
		return have, nil
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[query] = st
	return st, nil
}

// closeStmts closes the statements of readStmt.
func (s *Store) closeStmts() {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
}

// Open opens the archive at path, creating it (and its folder) when it does
// not exist, and brings its schema up to date. It returns an error wrapping
// ErrNotArchive for a file that is not SQLite and ErrNewerSchema for one
// from a newer schema version.
func Open(p string) (*Store, error) {
	// Two processes opening a new or crashed file at once can meet in
	// SQLite's first-open steps (WAL recovery, the first write) before
	// the busy timeout applies: the one refused tries again, for up to
	// about 15 s, rather than failing with "database is locked".
	var err error
	for wait := 50 * time.Millisecond; ; wait *= 2 {
		var s *Store
		if s, err = open(p); err == nil || !isBusy(err) || wait > 8*time.Second {
			return s, err
		}
		time.Sleep(wait)
	}
}

// createFile makes an empty archive file with 16 KiB pages (an article row
// of 2-3 KB left a third of each default 4 KiB page empty). The page size
// is fixed when the file is first written, here by switching it to WAL, so
// it cannot go in the connection pragmas, which the driver sorts.
func createFile(p string) error {
	// Another process may be creating it too: wait for its lock.
	db, err := sql.Open("sqlite", "file:"+filepathToURI(p)+"?_pragma=busy_timeout(15000)")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA page_size = %d", pageSize)); err != nil {
		return err
	}
	if err := setFileID(context.Background(), db, true); err != nil {
		return err
	}
	_, err = db.Exec("PRAGMA journal_mode = WAL")
	return err
}

// open is Open with extra connection pragmas (tests use them to simulate a
// full disk).
func open(p string, pragmas ...string) (*Store, error) {
	if dir := parentDir(p); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open archive %s: %w", p, err)
		}
	}
	if err := sniffSQLite(p); err != nil {
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	if f, err := os.OpenFile(p, os.O_RDWR, 0); err != nil && !errors.Is(err, os.ErrNotExist) {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return OpenReadOnly(p)
		}
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	} else if err == nil {
		f.Close()
	}
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
		if err := createFile(p); err != nil {
			return nil, fmt.Errorf("open archive %s: %w", p, err)
		}
	}
	// A log left by a crash is this file's unsaved commits; one left
	// beside a file copied over it is not (wal.go).
	file, wst, err := inspectWAL(p, false)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	// An 8 MB page cache per connection (of 4): 32 MB made no difference
	// to searches or imports at 100k and 1M articles, and cost 43 MB more
	// in a 100k-article store and ~100 MB in imports (the OS caches the file).
	rw := append([]string{"busy_timeout(15000)", "trusted_schema(0)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)", "cache_size(-8000)", "temp_store(MEMORY)"}, pragmas...)
	// Idle connections stay open: closing one drops its page cache, which
	// the next connection reads back from the file (database/sql keeps 2 by
	// default; imports use all 4 at once).
	db, err := openPool(p, 4, true, rw)
	if err != nil {
		unregisterOpen(file)
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	s := &Store{db: db, path: p, file: file, wal: wst}
	if wst.leftover {
		// Fold the crashed process's commits into the file first, so that
		// the file alone is the archive again. Nothing else has it open.
		db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		unregisterOpen(file)
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	if err := setFileID(context.Background(), db, false); err != nil {
		db.Close()
		unregisterOpen(file)
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	// The other pools open after the migrations, which they must not see
	// half done. The readers' caches are small so that a reset frees
	// little; modernc's SQLite shares one page pool among connections
	// (pcache1's unified mode, without bulk allocation), so they still
	// free pages at each reset (madvise 29 s -> 18 s of a 100k import).
	if s.wdb, err = openPool(p, 1, true, rw); err == nil {
		s.rdb, err = openPool(p, 4, false, append([]string{"busy_timeout(15000)", "trusted_schema(0)", "query_only(1)", "cache_size(20)", "temp_store(MEMORY)"}, pragmas...))
	}
	if err != nil {
		s.closePools()
		db.Close()
		unregisterOpen(file)
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	return s, nil
}

// openPool opens a pool of up to conns connections to the archive p with
// the given pragmas, each kept open when idle; write pools begin their
// transactions with BEGIN IMMEDIATE.
func openPool(p string, conns int, write bool, pragmas []string) (*sql.DB, error) {
	q := url.Values{}
	for _, pr := range pragmas {
		q.Add("_pragma", pr)
	}
	if write {
		q.Set("_txlock", "immediate")
	}
	q.Set("_defensive", "1")
	db, err := sql.Open("sqlite", "file:"+filepathToURI(p)+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	return db, nil
}

// closePools closes the reading and writing pools, which Close closes
// before the main one: the last connection to close removes the
// write-ahead log.
func (s *Store) closePools() {
	s.closeStmts()
	for _, p := range []*sql.DB{s.rdb, s.wdb} {
		if p != nil && p != s.db {
			p.Close()
		}
	}
	s.rdb, s.wdb = nil, nil
}

// ErrReadOnly is returned when a read-only archive would need changes to
// be opened (an older schema to upgrade).
var ErrReadOnly = errors.New("archive: read-only")

// OpenReadOnly opens an existing archive without ever writing to it: for a
// file without write permission or on read-only media. Searches and reads
// work; writes fail. Open falls back to it by itself. It returns an error
// wrapping ErrReadOnly for an archive from an older schema.
func OpenReadOnly(p string) (*Store, error) {
	if _, err := os.Stat(p); err != nil {
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	if err := sniffSQLite(p); err != nil {
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	// A read-only open cannot fold a crashed process's log into the file
	// (a checkpoint writes) nor move a log that is not this file's aside:
	// it reads the first through SQLite and ignores the second, opening
	// the file as immutable, which never reads the log.
	file, wst, err := inspectWAL(p, true)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", p, err)
	}
	modes := []string{"mode=ro", "mode=ro&immutable=1"}
	if wst.ignored {
		modes = modes[1:]
	}
	var lastErr error
	// mode=ro shares locks with writers; immutable=1 is for media where
	// even the lock files cannot be created.
	for _, mode := range modes {
		db, err := sql.Open("sqlite", "file:"+filepathToURI(p)+"?"+mode+"&_defensive=1&_pragma=trusted_schema(0)&_pragma=busy_timeout(15000)&_pragma=query_only(1)")
		if err != nil {
			lastErr = err
			continue
		}
		db.SetMaxOpenConns(4)
		db.SetMaxIdleConns(4)
		var v int
		if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
			db.Close()
			lastErr = err
			continue
		}
		if v < SchemaVersion() {
			db.Close()
			unregisterOpen(file)
			return nil, fmt.Errorf("open archive %s: %w: schema %d needs upgrading to %d (open it once with write access)", p, ErrReadOnly, v, SchemaVersion())
		}
		if v > SchemaVersion() {
			db.Close()
			unregisterOpen(file)
			return nil, fmt.Errorf("open archive %s: %w (schema %d, this build knows %d)", p, ErrNewerSchema, v, SchemaVersion())
		}
		if err := verifySchema(context.Background(), db, v); err != nil {
			db.Close()
			unregisterOpen(file)
			return nil, fmt.Errorf("open archive %s: %w", p, err)
		}
		return &Store{db: db, rdb: db, wdb: db, path: p, readOnly: true, file: file, wal: wst}, nil
	}
	unregisterOpen(file)
	return nil, fmt.Errorf("open archive %s read-only: %w", p, lastErr)
}

// ReadOnly reports whether the archive was opened without write access.
func (s *Store) ReadOnly() bool { return s.readOnly }

func parentDir(p string) string {
	i := strings.LastIndexAny(p, `/\`)
	if i <= 0 {
		return ""
	}
	return p[:i]
}

func filepathToURI(p string) string {
	// modernc accepts plain paths after "file:"; only '?' and '#' need escaping.
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(p)
}

// sniffSQLite refuses an existing, non-empty file that does not start with
// the SQLite header, before the driver could touch it.
func sniffSQLite(p string) error {
	f, err := os.Open(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	if n == 0 {
		return nil
	}
	if n < 16 || string(head) != "SQLite format 3\x00" {
		return ErrNotArchive
	}
	return nil
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	ms, _ := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

type migration struct {
	version int
	name    string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		n := e.Name()
		i := strings.IndexByte(n, '_')
		if i < 0 || !strings.HasSuffix(n, ".sql") {
			continue
		}
		v, err := strconv.Atoi(n[:i])
		if err != nil {
			continue
		}
		ms = append(ms, migration{version: v, name: n})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies, each in its own transaction, the migrations newer than
// the file's PRAGMA user_version.
func (s *Store) migrate(ctx context.Context) error {
	// The version and the schema are read in one transaction, so that a
	// process migrating a new file meanwhile is seen before or after,
	// never half way (which would look like a foreign schema).
	snap, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	defer snap.Rollback()
	var cur int
	if err := snap.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
		if strings.Contains(err.Error(), "not a database") || strings.Contains(err.Error(), "file is encrypted") {
			return ErrNotArchive
		}
		return fmt.Errorf("read schema version: %w", err)
	}
	ms, err := migrations()
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	if len(ms) > 0 && cur > ms[len(ms)-1].version {
		return fmt.Errorf("%w (schema %d, this build knows %d)", ErrNewerSchema, cur, ms[len(ms)-1].version)
	}
	// Nothing the file defines may run before it is known to be ours:
	// the migrations below write to its tables, which fires its triggers.
	if err := verifySchema(ctx, snap, cur); err != nil {
		return err
	}
	snap.Rollback()
	for _, m := range ms {
		if m.version <= cur {
			continue
		}
		body, err := migrationFS.ReadFile(path.Join("migrations", m.name))
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		// Another process may have migrated while we waited for the lock.
		var now int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if now >= m.version {
			tx.Rollback()
			continue
		}
		if now != cur {
			if err := verifySchema(ctx, tx, now); err != nil {
				tx.Rollback()
				return err
			}
			cur = now
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		cur = m.version
	}
	return nil
}

// beginWrite begins a write transaction once the process's other write
// transactions are over. done rolls it back unless it was committed, and
// lets the next one begin; call it once, when the transaction is over.
func (s *Store) beginWrite(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	s.writeMu.Lock()
	tx, err = s.wdb.BeginTx(ctx, nil)
	if err != nil {
		s.writeMu.Unlock()
		return nil, nil, err
	}
	return tx, func() {
		tx.Rollback()
		s.writeMu.Unlock()
	}, nil
}

// Path returns the archive's file name.
func (s *Store) Path() string { return s.path }

// DB returns the underlying database handle, for packages of the archive's
// own (benchmarks, checks); callers outside should use the Store's methods.
func (s *Store) DB() *sql.DB { return s.db }

// Close saves the search columns if this Store wrote, checkpoints the
// write-ahead log into the archive file and closes it.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	ctx := context.Background()
	s.bg.Wait()
	defer func() { unregisterOpen(s.file); s.file = nil }()
	if s.readOnly {
		s.closeStmts()
		err := s.db.Close()
		s.db, s.rdb, s.wdb = nil, nil, nil
		return err
	}
	if s.wrote.Load() {
		s.SaveColumns(ctx) // best effort: a stale snapshot is rebuilt on use
	}
	s.closePools()
	s.db.SetMaxOpenConns(1) // closes idle extra connections
	if conn, err := s.db.Conn(ctx); err == nil {
		// Fold the log into the archive file; SQLite removes the -wal file
		// when the last connection closes, leaving one self-contained file.
		// The file stays in WAL mode, so a process that only reads never
		// writes to switch modes.
		conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		conn.Close()
	}
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return fmt.Errorf("close archive %s: %w", s.path, err)
	}
	return nil
}

// ContentHash returns the deduplication key of an article: the same outlet,
// title and text (ignoring case, spacing and punctuation) give the same hash.
func ContentHash(a *wiretrace.Article) string {
	b := make([]byte, 0, len(a.Source)+len(a.Title)+len(a.Text)+2)
	b = appendNormKey(b, a.Source)
	b = append(b, 0)
	b = appendNormKey(b, a.Title)
	b = append(b, 0)
	b = appendNormKey(b, a.Text)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// appendNormKey appends to b the letters and digits of s in lower case,
// each run of anything else between two of them as one space. ASCII is
// read without decoding (most of most texts).
func appendNormKey(b []byte, s string) []byte {
	start := len(b)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !asciiAlnum[c] {
				space = true
				continue
			}
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// AddResult says what became of one article handed to Add.
type AddResult struct {
	ID        int64 // the stored article, or the one it duplicates
	Duplicate bool
}

// Add stores articles in one transaction. An article whose content hash is
// already in the archive is not stored again: its result has Duplicate set
// and the existing ID. Add sets ID, Hash and Imported on stored articles.
// On error nothing is stored.
func (s *Store) Add(ctx context.Context, arts []*wiretrace.Article) ([]AddResult, error) {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("add articles: %w", err)
	}
	defer done()
	res, err := addTx(ctx, tx, arts)
	if err != nil {
		return nil, fmt.Errorf("add articles: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("add articles: %w", err)
	}
	s.wrote.Store(true)
	return res, nil
}

func addTx(ctx context.Context, tx *sql.Tx, arts []*wiretrace.Article) ([]AddResult, error) {
	find, err := tx.PrepareContext(ctx, "SELECT id FROM articles WHERE hash = ?")
	if err != nil {
		return nil, err
	}
	defer find.Close()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO articles
		(source, pubday, language, hash, published, imported, origin, url, byline, dateline, credits, title, text, cjk)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	defer ins.Close()
	insAg, err := tx.PrepareContext(ctx, "INSERT OR IGNORE INTO article_agencies (article, agency, role) VALUES (?,?,?)")
	if err != nil {
		return nil, err
	}
	defer insAg.Close()
	now := time.Now().UTC()
	out := make([]AddResult, len(arts))
	var added []*wiretrace.Article
	var cjk []string
	for i, a := range arts {
		if a.Hash == "" {
			a.Hash = ContentHash(a)
		}
		var id int64
		switch err := find.QueryRowContext(ctx, a.Hash).Scan(&id); {
		case err == nil:
			out[i] = AddResult{ID: id, Duplicate: true}
			continue
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
		if a.Imported.IsZero() {
			a.Imported = now
		}
		credits, _ := json.Marshal(nonNilCredits(a.Credits))
		bigrams := CJKBigrams(a.Title + "\n" + a.Text)
		r, err := ins.ExecContext(ctx, a.Source, dayOf(a.Published), a.Language, a.Hash, formatTime(a.Published),
			a.Imported.Format(time.RFC3339), a.Origin, a.URL, a.Byline, a.Dateline, string(credits),
			a.Title, a.Text, bigrams)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.Origin, err)
		}
		id, _ = r.LastInsertId()
		a.ID = id
		for _, c := range a.Credits {
			if _, err := insAg.ExecContext(ctx, id, c.Agency, c.Role); err != nil {
				return nil, err
			}
		}
		out[i] = AddResult{ID: id}
		added = append(added, a)
		cjk = append(cjk, bigrams)
	}
	if len(added) == 0 {
		return out, nil
	}
	if _, err := tx.ExecContext(ctx, "UPDATE meta SET value = value + ? WHERE key = 'generation'", len(added)); err != nil {
		return nil, err
	}
	// The full-text rows last, by plain single-row inserts: FTS5 keeps them in
	// memory and writes one segment at commit (see 0001_articles.sql).
	insFTS, err := tx.PrepareContext(ctx, "INSERT INTO articles_fts (rowid, title, text, cjk) VALUES (?, ?, ?, ?)")
	if err != nil {
		return nil, err
	}
	defer insFTS.Close()
	for i, a := range added {
		if _, err := insFTS.ExecContext(ctx, a.ID, a.Title, a.Text, cjk[i]); err != nil {
			return nil, fmt.Errorf("%s: full-text index: %w", a.Origin, err)
		}
	}
	return out, nil
}

func nonNilCredits(c []wiretrace.Credit) []wiretrace.Credit {
	if c == nil {
		return []wiretrace.Credit{}
	}
	return c
}

func dayOf(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

const articleCols = `id, source, url, title, byline, dateline, credits, published, language, text, origin, hash, imported`

type scanner interface{ Scan(...any) error }

func scanArticle(r scanner) (*wiretrace.Article, error) {
	var a wiretrace.Article
	var credits, published, imported string
	if err := r.Scan(&a.ID, &a.Source, &a.URL, &a.Title, &a.Byline, &a.Dateline, &credits, &published,
		&a.Language, &a.Text, &a.Origin, &a.Hash, &imported); err != nil {
		return nil, err
	}
	if credits != "" && credits != "[]" {
		var err error
		if a.Credits, err = decodeCredits(credits); err != nil {
			return nil, fmt.Errorf("article %d: credits: %w", a.ID, err)
		}
	}
	a.Published, _ = time.Parse(time.RFC3339, published)
	a.Imported, _ = time.Parse(time.RFC3339, imported)
	return &a, nil
}

// decodeCredits decodes the credits column: json.Unmarshal, read directly
// when the column is as json.Marshal writes credits and holds no escape
// (nearly always), since an import reads it for every candidate of every
// article it links (json.Unmarshal was 0.7% of its CPU).
func decodeCredits(s string) ([]wiretrace.Credit, error) {
	if out, ok := plainCredits(s); ok {
		return out, nil
	}
	var out []wiretrace.Credit
	err := json.Unmarshal([]byte(s), &out)
	return out, err
}

// plainCredits reads s when it is a JSON array of credits in json.Marshal's
// form without a backslash: [{"agency":"A","role":"R"},...], each with
// ,"evidence":"E" before its } when it has some, strings valid UTF-8. ok
// is false for anything else.
func plainCredits(s string) (out []wiretrace.Credit, ok bool) {
	if strings.IndexByte(s, '\\') >= 0 || !strings.HasPrefix(s, "[") {
		return nil, false
	}
	s = s[1:]
	// field reads prefix, then a string up to its closing quote.
	field := func(prefix string) (string, bool) {
		if !strings.HasPrefix(s, prefix) {
			return "", false
		}
		s = s[len(prefix):]
		end := strings.IndexByte(s, '"')
		if end < 0 || !utf8.ValidString(s[:end]) {
			return "", false
		}
		v := s[:end]
		s = s[end+1:]
		return v, true
	}
	for {
		var c wiretrace.Credit
		var ok1, ok2 bool
		c.Agency, ok1 = field(`{"agency":"`)
		c.Role, ok2 = field(`,"role":"`)
		if !ok1 || !ok2 {
			return nil, false
		}
		if strings.HasPrefix(s, `,"evidence":"`) {
			if c.Evidence, ok = field(`,"evidence":"`); !ok {
				return nil, false
			}
		}
		if !strings.HasPrefix(s, "}") {
			return nil, false
		}
		s = s[1:]
		out = append(out, c)
		if s == "]" {
			return out, true
		}
		if !strings.HasPrefix(s, ",") {
			return nil, false
		}
		s = s[1:]
	}
}

// Article returns the article with the given id, or an error wrapping
// ErrNotFound.
func (s *Store) Article(ctx context.Context, id int64) (*wiretrace.Article, error) {
	row := s.db.QueryRowContext(ctx, "SELECT "+articleCols+" FROM articles WHERE id = ?", id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return a, nil
}

// Each calls fn for every article in id order, stopping at the first error.
func (s *Store) Each(ctx context.Context, fn func(*wiretrace.Article) error) error {
	rows, err := s.db.QueryContext(ctx, "SELECT "+articleCols+" FROM articles ORDER BY id")
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return fmt.Errorf("read articles: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	return nil
}

// Sources returns every outlet with its number of articles, most first.
func (s *Store) Sources(ctx context.Context) ([]FacetCount, error) {
	return s.counts(ctx, "SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC, 1")
}

func (s *Store) counts(ctx context.Context, q string, args ...any) ([]FacetCount, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("count: %w", err)
	}
	defer rows.Close()
	var out []FacetCount
	for rows.Next() {
		var fc FacetCount
		if err := rows.Scan(&fc.Value, &fc.Count); err != nil {
			return nil, fmt.Errorf("count: %w", err)
		}
		out = append(out, fc)
	}
	return out, rows.Err()
}

// Stats summarises an archive.
type Stats struct {
	Path          string       `json:"path"`
	SchemaVersion int          `json:"schema_version"`
	Articles      int          `json:"articles"`
	Sources       int          `json:"sources"`
	Undated       int          `json:"undated"`
	First         string       `json:"first,omitempty"` // earliest publication day
	Last          string       `json:"last,omitempty"`
	Languages     []FacetCount `json:"languages"`
	Agencies      []FacetCount `json:"agencies"`
	TextBytes     int64        `json:"text_bytes"`
	FileBytes     int64        `json:"file_bytes"`
}

// Stats returns counts and sizes of the archive.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{Path: s.path}
	var first, last sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT source), count(*) - count(pubday),
		min(pubday), max(pubday), coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles`).
		Scan(&st.Articles, &st.Sources, &st.Undated, &first, &last, &st.TextBytes)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if first.Valid {
		st.First, st.Last = dayString(int(first.Int64)), dayString(int(last.Int64))
	}
	s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&st.SchemaVersion)
	if st.Languages, err = s.counts(ctx, "SELECT language, count(*) FROM articles GROUP BY language ORDER BY 2 DESC, 1"); err != nil {
		return nil, err
	}
	if st.Agencies, err = s.counts(ctx, "SELECT agency, count(DISTINCT article) FROM article_agencies WHERE role != 'photo' GROUP BY agency ORDER BY 2 DESC, 1"); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(s.path); err == nil {
		st.FileBytes = fi.Size()
	}
	return st, nil
}

func dayString(d int) string {
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// CopyTo writes a compact, single-file copy of the archive to dst, which
// must not exist yet.
func (s *Store) CopyTo(ctx context.Context, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("copy archive to %s: file exists", dst)
	}
	tmp := dst + ".partial"
	os.Remove(tmp)
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("copy archive to %s: %w", dst, err)
	}
	// The copy is a file of its own: a log of the original's must never
	// pass for the copy's (wal.go).
	if err := setCopyID(ctx, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("copy archive to %s: %w", dst, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("copy archive to %s: %w", dst, err)
	}
	return nil
}

// FileImported reports whether a file with this path, size and modification
// time was imported before.
func (s *Store) FileImported(ctx context.Context, path string, size, mtime int64) (bool, error) {
	var n int
	st, err := s.readStmt(ctx, "SELECT count(*) FROM imported_files WHERE path = ? AND size = ? AND mtime = ?")
	if err == nil {
		err = st.QueryRowContext(ctx, path, size, mtime).Scan(&n)
	}
	if err != nil {
		return false, fmt.Errorf("imported files: %w", err)
	}
	return n > 0, nil
}

// ImportedUnder reports whether the file path, or any file under the
// folder path, was imported (path is absolute, as ImportedFile.Path).
func (s *Store) ImportedUnder(ctx context.Context, path string) (bool, error) {
	dir := path
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	// The paths under dir sort from dir itself up to dir with its
	// separator replaced by the next byte.
	end := dir[:len(dir)-1] + string(rune(filepath.Separator+1))
	var n int
	err := s.rdb.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM imported_files WHERE path = ?1)
		OR EXISTS (SELECT 1 FROM imported_files WHERE path >= ?2 AND path < ?3)`, path, dir, end).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("imported files under %s: %w", path, err)
	}
	return n > 0, nil
}

// ImportedFile is a file whose articles have all been stored.
type ImportedFile struct {
	Path        string
	Size, MTime int64
}

// AddBatch stores articles and records files as imported, in one
// transaction: after a crash either both are in the archive or neither.
func (s *Store) AddBatch(ctx context.Context, arts []*wiretrace.Article, files []ImportedFile) ([]AddResult, error) {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("add articles: %w", err)
	}
	defer done()
	res, err := addTx(ctx, tx, arts)
	if err != nil {
		return nil, fmt.Errorf("add articles: %w", err)
	}
	if len(files) > 0 {
		st, err := tx.PrepareContext(ctx, "INSERT OR REPLACE INTO imported_files (path, size, mtime) VALUES (?,?,?)")
		if err != nil {
			return nil, fmt.Errorf("add articles: %w", err)
		}
		defer st.Close()
		for _, f := range files {
			if _, err := st.ExecContext(ctx, f.Path, f.Size, f.MTime); err != nil {
				return nil, fmt.Errorf("add articles: %w", err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("add articles: %w", err)
	}
	s.wrote.Store(true)
	return res, nil
}

// CJKBigrams returns the Chinese, Japanese, Korean-Hanja and Thai runs of
// s as overlapping two-character tokens separated by spaces, which the
// unicode61 tokenizer then indexes one by one. A run of one character is
// kept as is.
func CJKBigrams(s string) string {
	var b strings.Builder
	var run, word []rune
	flush := func() {
		switch {
		case len(run) == 1:
			b.WriteString(string(run))
			b.WriteByte(' ')
		case len(run) > 1:
			for i := 0; i+1 < len(run); i++ {
				b.WriteString(string(run[i : i+2]))
				b.WriteByte(' ')
			}
		}
		run = run[:0]
	}
	// A word of another script written against CJK text (据AFP报道) is part
	// of one long token for the full-text tokenizer, so it is repeated
	// here on its own.
	touches, prevCJK := false, false
	endWord := func(nextCJK bool) {
		if len(word) > 0 && (touches || nextCJK) {
			b.WriteString(string(word))
			b.WriteByte(' ')
		}
		word = word[:0]
	}
	for _, r := range s {
		if isCJK(r) {
			endWord(true)
			run = append(run, r)
			prevCJK = true
			continue
		}
		flush()
		if isWordRune(r) {
			if len(word) == 0 {
				touches = prevCJK
			}
			word = append(word, r)
		} else {
			endWord(false)
		}
		prevCJK = false
	}
	flush()
	endWord(false)
	return strings.TrimSpace(b.String())
}

// isCJK reports whether r belongs to a script written without spaces
// between words.
func isCJK(r rune) bool {
	if r < 0x0E00 { // below Thai: Latin, Greek, Cyrillic, Arabic, Indic...
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}
