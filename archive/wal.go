package archive

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// The archive is one SQLite file in WAL mode: while it is open, committed
// transactions live in NAME-wal until a checkpoint copies them into NAME,
// and SQLite removes the -wal file when the last connection closes (Close
// checkpoints first). Two things go wrong with a -wal file that outlives
// its process (a crash, a kill, a power cut):
//
//   - NAME alone is not the archive: a copy of it lacks what the log
//     holds. The first open for writing after a crash therefore folds the
//     log into NAME before anything else (recoverWAL).
//   - SQLite applies any -wal file beside NAME whose own checksums are
//     right, whatever file it was written for: an archive received or
//     restored over NAME, with the old NAME's log still beside it, would
//     take on the old archive's pages (all of them, for a young archive).
//     Before opening, a log that no process has open is compared with NAME
//     (walBelongs); one written for another file is moved aside to
//     NAME-wal.stale, never applied, and Check reports it.

// walInfo is what walBelongs reads of a -wal file: its header and its
// committed frames, validated the way SQLite's recovery validates them.
type walInfo struct {
	pageSize  int
	committed int // frames up to the last valid commit frame
	// page1 are the headers (100 bytes) of the images of page 1 among
	// the committed frames, in log order; sizesBefore are the database sizes (in pages) that the commit
	// frames before the first of them record.
	page1       [][]byte
	sizesBefore []uint32
}

const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
)

// readWAL reads the -wal file r as SQLite's recovery would: it stops at the
// first frame whose salt or checksum is wrong, and keeps the frames up to
// the last commit frame before it. A file too short or with a bad header
// has no frames (SQLite ignores it too).
func readWAL(r io.Reader) (*walInfo, error) {
	var hdr [walHeaderSize]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return &walInfo{}, nil
		}
		return nil, err
	}
	magic := binary.BigEndian.Uint32(hdr[0:])
	if magic&^1 != 0x377f0682 || binary.BigEndian.Uint32(hdr[4:]) != 3007000 {
		return &walInfo{}, nil
	}
	bigEnd := magic&1 == 1
	ps := int(binary.BigEndian.Uint32(hdr[8:]))
	if ps < 512 || ps > 65536 || ps&(ps-1) != 0 {
		return &walInfo{}, nil
	}
	s1, s2 := walChecksum(bigEnd, 0, 0, hdr[:24])
	if s1 != binary.BigEndian.Uint32(hdr[24:]) || s2 != binary.BigEndian.Uint32(hdr[28:]) {
		return &walInfo{}, nil
	}
	w := &walInfo{pageSize: ps}
	salt := hdr[16:24]
	frame := make([]byte, walFrameHeaderSize+ps)
	var pending [][]byte // page-1 images since the last commit
	for n := 1; ; n++ {
		if _, err := io.ReadFull(r, frame); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return w, nil
			}
			return nil, err
		}
		pgno := binary.BigEndian.Uint32(frame[0:])
		size := binary.BigEndian.Uint32(frame[4:])
		if pgno == 0 || !bytes.Equal(frame[8:16], salt) {
			return w, nil
		}
		s1, s2 = walChecksum(bigEnd, s1, s2, frame[:8])
		s1, s2 = walChecksum(bigEnd, s1, s2, frame[walFrameHeaderSize:])
		if s1 != binary.BigEndian.Uint32(frame[16:]) || s2 != binary.BigEndian.Uint32(frame[20:]) {
			return w, nil
		}
		if pgno == 1 {
			pending = append(pending, bytes.Clone(frame[walFrameHeaderSize:][:100]))
		}
		if size != 0 { // a commit frame
			if len(w.page1) == 0 && len(pending) == 0 {
				w.sizesBefore = append(w.sizesBefore, size)
			}
			w.page1 = append(w.page1, pending...)
			pending = nil
			w.committed = n
		}
	}
}

// walChecksum continues SQLite's WAL checksum (s1, s2) over b, whose
// length is a multiple of 8, reading words in the log's byte order.
func walChecksum(bigEnd bool, s1, s2 uint32, b []byte) (uint32, uint32) {
	var order binary.ByteOrder = binary.LittleEndian
	if bigEnd {
		order = binary.BigEndian
	}
	for i := 0; i+8 <= len(b); i += 8 {
		s1 += order.Uint32(b[i:]) + s2
		s2 += order.Uint32(b[i+4:]) + s1
	}
	return s1, s2
}

// walBelongs reports whether the committed frames of w may have been
// written on top of the database whose first page is db (shorter than 100
// bytes for an empty file), and if not, why. SQLite's log names no
// database; this compares what the log's images of page 1 say with the
// file's page 1, by rules that hold for every log SQLite writes, however a
// crash or a power cut left the file (a checkpoint copies frames into the
// file in page order, but the disk may keep any subset of those writes):
//
//   - the log's pages are of the file's page size;
//   - the application id (offset 68), which Wiretrace makes random for
//     each file (setFileID), is the file's in every page-1 frame;
//   - the file change counter (offset 24): a transaction writing page 1
//     sets it to the counter it read plus one, so the log's first page-1
//     frame has the counter of the file's page 1 when the log began plus
//     one, and the file now has that counter or a later frame's;
//   - the schema version (user_version, offset 60) only grows;
//   - while the file's page 1 is the one the log began on, the commits
//     before the log's first page-1 frame, which cannot have changed the
//     database's size without writing page 1, leave it at the size page 1
//     records (offset 28).
//
// A log with no committed frames belongs to any file: SQLite ignores it.
func walBelongs(w *walInfo, db []byte) (bool, string) {
	if w.committed == 0 {
		return true, ""
	}
	if len(db) < 100 {
		return false, fmt.Sprintf("a log of %d pages beside an empty file", w.committed)
	}
	be := binary.BigEndian
	ps := int(be.Uint16(db[16:]))
	if ps == 1 {
		ps = 65536
	}
	if ps != w.pageSize {
		return false, fmt.Sprintf("its pages are of %d bytes, the file's of %d", w.pageSize, ps)
	}
	counter, id, version := be.Uint32(db[24:]), be.Uint32(db[68:]), be.Uint32(db[60:])
	var maxCounter uint32
	for _, h := range w.page1 {
		if hid := be.Uint32(h[68:]); id != 0 && hid != id {
			return false, fmt.Sprintf("it was written for the file with id %08x, this file's is %08x", hid, id)
		}
		if v := be.Uint32(h[60:]); v < version {
			return false, fmt.Sprintf("it holds schema %d, older than the file's %d", v, version)
		}
		maxCounter = max(maxCounter, be.Uint32(h[24:]))
	}
	if len(w.page1) > 0 {
		first := be.Uint32(w.page1[0][24:])
		if counter+1 < first || counter > maxCounter {
			return false, fmt.Sprintf("it continues the file at change %d, this file is at change %d", first-1, counter)
		}
		if counter+1 != first {
			return true, "" // a checkpoint copied a later page 1 into the file
		}
	}
	size := be.Uint32(db[28:])
	for _, s := range w.sizesBefore {
		if s != size {
			return false, fmt.Sprintf("it continues a database of %d pages, the file has %d", s, size)
		}
	}
	return true, ""
}

// walState is what open found of a -wal file beside the archive.
type walState struct {
	leftover bool   // a log with committed frames that no process had open
	stale    string // where a log that was not this file's was moved
	reason   string // why it was not this file's
	ignored  bool   // read-only: the foreign log stays, and is not read
}

// openFiles are the archive files this process has open (or is opening),
// so that opening one again never inspects, locks or moves its live log:
// POSIX locks are the process's, and closing any descriptor of the -shm
// file would drop the locks SQLite holds on it.
var openFiles struct {
	mu    sync.Mutex
	files []*openFile
}

type openFile struct {
	fi os.FileInfo
	n  int
}

// registerOpen notes p as open by this process and returns its entry, and
// whether it was open already (nil if p does not exist yet).
func registerOpen(p string) (*openFile, bool) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, false
	}
	for _, f := range openFiles.files {
		if os.SameFile(f.fi, fi) {
			f.n++
			return f, true
		}
	}
	f := &openFile{fi: fi, n: 1}
	openFiles.files = append(openFiles.files, f)
	return f, false
}

// unregisterOpen undoes registerOpen.
func unregisterOpen(f *openFile) {
	if f == nil {
		return
	}
	openFiles.mu.Lock()
	defer openFiles.mu.Unlock()
	if f.n--; f.n > 0 {
		return
	}
	for i, g := range openFiles.files {
		if g == f {
			openFiles.files = append(openFiles.files[:i], openFiles.files[i+1:]...)
			return
		}
	}
}

// inspectWAL registers p as open by this process and, when no process
// had it open, looks at a -wal file beside it: a log written for another
// file is moved aside (or, with readOnly, only reported: the caller must
// then open p without its log). Call unregisterOpen with the entry when
// the archive closes.
func inspectWAL(p string, readOnly bool) (*openFile, walState, error) {
	openFiles.mu.Lock()
	defer openFiles.mu.Unlock()
	f, already := registerOpen(p)
	var st walState
	if already || f == nil {
		return f, st, nil
	}
	wfi, err := os.Stat(p + "-wal")
	if err != nil || wfi.Size() < walHeaderSize {
		return f, st, nil
	}
	// Hold the lock SQLite's first connection takes, so that no other
	// process opens the archive while its log is judged; if another
	// process holds it, the log is live and not ours to judge.
	unlock, ok := lockSHM(p+"-shm", readOnly)
	if !ok {
		return f, st, nil
	}
	defer unlock()
	w, err := readWALFile(p + "-wal")
	if err != nil || w.committed == 0 {
		return f, st, nil // unreadable or empty: SQLite ignores it too
	}
	head, err := readPage1(p, w.pageSize)
	if err != nil {
		return f, st, nil
	}
	ok, why := walBelongs(w, head)
	if ok {
		st.leftover = true
		return f, st, nil
	}
	st.reason = why
	if readOnly {
		st.ignored = true
		return f, st, nil
	}
	dst := p + "-wal.stale"
	if _, err := os.Lstat(dst); err == nil {
		dst = p + "-wal." + time.Now().UTC().Format("20060102T150405.000000000") + ".stale"
	}
	if err := os.Rename(p+"-wal", dst); err != nil {
		unregisterOpen(f)
		return nil, st, fmt.Errorf("move aside a write-ahead log that is not this file's (%s): %w", st.reason, err)
	}
	st.stale = dst
	return f, st, nil
}

func readWALFile(p string) (*walInfo, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readWAL(bufio.NewReaderSize(f, 1<<20))
}

// readPage1 returns the first page of the database file p (fewer bytes for
// a shorter file).
func readPage1(p string, size int) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, size)
	n, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return b[:n], nil
}

// setFileID gives the archive on db a random application id (offset 68 of
// its header) unless it has one: the mark by which walBelongs tells this
// file's log from another's. A copy made with CopyTo gets its own.
func setFileID(ctx context.Context, db *sql.DB, always bool) error {
	var id int32
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return err
	}
	if id != 0 && !always {
		return nil
	}
	for {
		var b [4]byte
		if _, err := rand.Read(b[:]); err != nil {
			return err
		}
		if nid := int32(binary.BigEndian.Uint32(b[:])); nid != 0 && nid != id {
			id = nid
			break
		}
	}
	_, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", id))
	return err
}

// setCopyID gives the new copy p (which nothing else has open) an
// application id of its own, leaving it a single file.
func setCopyID(ctx context.Context, p string) error {
	db, err := sql.Open("sqlite", "file:"+filepathToURI(p)+"?_defensive=1&_pragma=trusted_schema(0)")
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	err = setFileID(ctx, db, true)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}
