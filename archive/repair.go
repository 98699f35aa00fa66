package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"

	"modernc.org/sqlite"
)

// ErrIndexDamaged is wrapped by the errors of searches that found the
// full-text index's pages damaged (SQLite reports the file malformed).
// 'wiretrace check' reports the damage and 'wiretrace check --repair'
// rebuilds the index from the articles.
var ErrIndexDamaged = errors.New("the full-text index is damaged: run wiretrace check --repair")

// damagedError is an error of SQLite's saying the file is malformed,
// told as ErrIndexDamaged.
type damagedError struct{ err error }

func (e *damagedError) Error() string   { return ErrIndexDamaged.Error() }
func (e *damagedError) Unwrap() []error { return []error{ErrIndexDamaged, e.err} }

// IndexDamaged returns err, or for an error saying the archive's pages are
// malformed (SQLITE_CORRUPT, as FTS5 reports a damaged index) an error
// wrapping both it and ErrIndexDamaged whose text is ErrIndexDamaged's:
// what a search tells the user to do.
func IndexDamaged(err error) error {
	if err == nil || errors.Is(err, ErrIndexDamaged) || !isCorrupt(err) {
		return err
	}
	return &damagedError{err}
}

// isCorrupt reports whether err is SQLite's SQLITE_CORRUPT (any extended
// code of it).
func isCorrupt(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()&0xff == 11 // SQLITE_CORRUPT
	}
	return false
}

// repairIndex rebuilds the full-text index from the articles. FTS5's
// 'rebuild' first deletes the index's rows, which fails when one of its
// pages is damaged; and the index cannot be dropped then either (SQLite
// frees a dropped table's pages by reading them, and defensive mode
// forbids dropping its shadow tables or editing the schema). So for a
// damaged index the archive is rebuilt into a new file (rebuildFile).
func (s *Store) repairIndex(ctx context.Context) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
	if err == nil {
		err = tx.Commit()
	}
	done()
	if err == nil || !isCorrupt(err) {
		return err
	}
	return s.rebuildFile(ctx)
}

// copySkipped are the tables rebuildFile leaves empty: the full-text
// index (rebuilt from the articles) and the caches Repair empties anyway.
func copySkipped(name string) bool {
	return name == "articles_fts" || strings.HasPrefix(name, "articles_fts_") ||
		name == "column_snapshot" || name == "match_cache"
}

// rebuildFile replaces the archive file with a new one holding the same
// rows but a new full-text index: the migrations' schema (so that it is
// exactly the one Open verifies), every table's rows copied from the old
// file except the index's and the caches', and the index rebuilt from the
// articles. It needs the archive to itself: it refuses while another
// process has it open. The Store's connections are closed and reopened on
// the new file. A table other than the index whose pages are damaged
// cannot be copied: the error names it.
func (s *Store) rebuildFile(ctx context.Context) (err error) {
	if s.readOnly {
		return ErrReadOnly
	}
	var v, id int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return err
	}
	if err := verifySchema(ctx, s.db, v); err != nil {
		return err
	}
	want, err := expectedSchema(v)
	if err != nil {
		return err
	}
	var tables []string
	for name, o := range want {
		if o.typ == "table" && strings.HasPrefix(o.sql, "CREATE TABLE") && !copySkipped(name) && !strings.HasPrefix(name, "sqlite_") {
			tables = append(tables, name)
		}
	}
	// meta last: triggers of the new file's tables count the inserts there.
	sort.Slice(tables, func(i, j int) bool {
		if (tables[i] == "meta") != (tables[j] == "meta") {
			return tables[j] == "meta"
		}
		return tables[i] < tables[j]
	})

	// The copy reads the file on a connection of its own.
	s.bg.Wait()
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.closePools()
	if err := s.db.Close(); err != nil {
		return err
	}
	s.db = nil
	defer func() {
		n, oerr := open(s.path)
		if oerr != nil {
			err = errors.Join(err, oerr)
			return
		}
		s.db, s.rdb, s.wdb = n.db, n.rdb, n.wdb
		unregisterOpen(s.file)
		s.file = n.file
	}()
	if shmLocks {
		unlock, ok := lockSHM(s.path+"-shm", false)
		if !ok {
			return errors.New("another process has the archive open: close it, then repair again")
		}
		defer unlock()
	}
	tmp := s.path + ".repair"
	for _, suf := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suf)
	}
	ok := false
	defer func() {
		if !ok {
			for _, suf := range []string{"", "-wal", "-shm"} {
				os.Remove(tmp + suf)
			}
		}
	}()
	if err := createFile(tmp); err != nil {
		return err
	}
	if err := copyInto(ctx, tmp, s.path, v, id, tables); err != nil {
		return err
	}
	if fi, err := os.Stat(tmp + "-wal"); err == nil && fi.Size() > 0 {
		return errors.New("the new file's log was not folded into it")
	}
	// What the old file's log held was read through it; a log left
	// beside the new file would not be the new file's.
	os.Remove(s.path + "-wal")
	os.Remove(s.path + "-shm")
	if err := os.Rename(tmp, s.path); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(parentDirOrDot(s.path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// copyInto fills the new archive file dst (with the migrations up to
// version applied, and application id id) with the rows of tables from
// src, and builds its full-text index.
func copyInto(ctx context.Context, dst, src string, version, id int, tables []string) error {
	db, err := sql.Open("sqlite", "file:"+filepathToURI(dst)+"?_defensive=1&_pragma=trusted_schema(0)&_pragma=foreign_keys(0)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.version > version {
			break
		}
		body, err := migrationFS.ReadFile(path.Join("migrations", m.name))
		if err == nil {
			_, err = db.ExecContext(ctx, string(body))
		}
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", version, int32(id))); err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "ATTACH DATABASE ? AS old", src); err != nil {
		return fmt.Errorf("read %s: %w", src, err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range tables {
		q := fmt.Sprintf(`DELETE FROM main."%s"; INSERT INTO main."%[1]s" SELECT * FROM old."%[1]s"`, t)
		if _, err := tx.ExecContext(ctx, q); err != nil {
			if isCorrupt(err) {
				return fmt.Errorf("table %s is damaged too and cannot be rebuilt: %w", t, err)
			}
			return fmt.Errorf("copy table %s: %w", t, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')"); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "DETACH DATABASE old"); err != nil {
		return err
	}
	if err := verifySchema(ctx, conn, version); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return err
	}
	if err := conn.Close(); err != nil {
		return err
	}
	return db.Close()
}

func parentDirOrDot(p string) string {
	if d := parentDir(p); d != "" {
		return d
	}
	return "."
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (any extended code).
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()&0xff == 5 // SQLITE_BUSY
	}
	return strings.Contains(err.Error(), "SQLITE_BUSY") // wrapped with %v on the way
}
