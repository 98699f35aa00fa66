package archive

import (
	"bytes"
	"compress/flate"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The column snapshot: the search columns stored in the archive, so that a
// new process loads a few bytes per article instead of scanning the rows.

// snapshotMagic starts a stored snapshot: the encoded columns, as they
// are. (WTC3 snapshots were compressed with DEFLATE, three times smaller,
// but inflating them cost 15 ms of every 100k-article search process
// against 1 ms to read the larger blob; they are still read.)
// WTC5 adds the token counts (dlen, clen) and the fts_epoch they are of.
const (
	snapshotMagic  = "WTC5"
	snapshotMagic4 = "WTC4"
	snapshotMagic3 = "WTC3"
)

// SaveColumns stores a snapshot of the search columns in the archive, so
// that the next process opening it starts fast. Import calls it at the end.
func (s *Store) SaveColumns(ctx context.Context) error {
	c, err := s.columnsFor(ctx)
	if err != nil {
		return err
	}
	return s.saveColumns(ctx, s.db, c)
}

// saveColumnsNoWait stores c unless another process holds the write lock.
func (s *Store) saveColumnsNoWait(c *columns) {
	ctx := context.Background()
	defer s.bg.Done()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	conn.ExecContext(ctx, "PRAGMA busy_timeout = 0")
	s.saveColumns(ctx, conn, c)
	conn.ExecContext(ctx, "PRAGMA busy_timeout = 15000")
}

type execQuerier interface {
	querier
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (s *Store) saveColumns(ctx context.Context, db execQuerier, c *columns) error {
	var stored int64 = -1
	// A snapshot of another format (or damaged header) is replaced even at
	// the same generation.
	db.QueryRowContext(ctx, "SELECT generation FROM column_snapshot WHERE id = 1 AND substr(data, 1, ?) = CAST(? AS BLOB)",
		len(snapshotMagic), snapshotMagic).Scan(&stored)
	if stored == c.generation {
		return nil
	}
	var b bytes.Buffer
	w := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	w(c.generation)
	w(c.rewrites)
	w(c.maxID)
	w(int64(c.count))
	for _, list := range [][]string{c.sources, c.langs, c.agencies} {
		w(uint32(len(list)))
		for _, v := range list {
			w(uint32(len(v)))
			b.WriteString(v)
		}
	}
	w(c.source)
	w(c.day)
	w(c.lang)
	w(c.agOff)
	w(uint32(len(c.agIDs)))
	w(c.agIDs)
	w(c.lenEpoch)
	w(c.dlen)
	w(c.clen)
	var z bytes.Buffer
	z.Grow(len(snapshotMagic) + 4 + b.Len())
	z.WriteString(snapshotMagic)
	binary.Write(&z, binary.LittleEndian, uint32(b.Len()))
	z.Write(b.Bytes())
	// Only if nothing changed meanwhile: the snapshot must match its generation.
	_, err := db.ExecContext(ctx, `INSERT OR REPLACE INTO column_snapshot (id, generation, data)
		SELECT 1, ?, ? WHERE (SELECT value FROM meta WHERE key = 'generation') = ?`, c.generation, z.Bytes(), c.generation)
	if err != nil {
		return fmt.Errorf("save columns: %w", err)
	}
	return nil
}

// loadSnapshot reads the stored snapshot; old tells that it is in an
// older format, to be saved again.
func (s *Store) loadSnapshot(ctx context.Context) (c *columns, old bool, err error) {
	var data []byte
	if err := s.db.QueryRowContext(ctx, "SELECT data FROM column_snapshot WHERE id = 1").Scan(&data); err != nil {
		return nil, false, err
	}
	c, err = decodeColumns(data)
	return c, err == nil && !bytes.HasPrefix(data, []byte(snapshotMagic)), err
}

var errBadSnapshot = errors.New("bad column snapshot")

func decodeColumns(stored []byte) (c *columns, err error) {
	if len(stored) < len(snapshotMagic)+4 {
		return nil, errBadSnapshot
	}
	size := binary.LittleEndian.Uint32(stored[len(snapshotMagic):])
	if size > 1<<31 {
		return nil, errBadSnapshot
	}
	var data []byte
	switch string(stored[:len(snapshotMagic)]) {
	case snapshotMagic, snapshotMagic4:
		data = stored[len(snapshotMagic)+4:]
		if len(data) != int(size) {
			return nil, errBadSnapshot
		}
	case snapshotMagic3:
		data = make([]byte, size)
		if _, err := io.ReadFull(flate.NewReader(bytes.NewReader(stored[len(snapshotMagic)+4:])), data); err != nil {
			return nil, errBadSnapshot
		}
	default:
		return nil, errBadSnapshot
	}
	d := decoder{b: data}
	c = newColumns()
	c.generation, c.rewrites, c.maxID = int64(d.u64()), int64(d.u64()), int64(d.u64())
	c.count = int(d.u64())
	if d.bad || c.maxID < 0 || c.maxID > int64(len(data)) {
		return nil, errBadSnapshot
	}
	for _, list := range []*[]string{&c.sources, &c.langs, &c.agencies} {
		n := int(d.u32())
		if d.bad || n > len(data) {
			return nil, errBadSnapshot
		}
		*list = make([]string, n)
		for i := range *list {
			(*list)[i] = string(d.bytes(int(d.u32())))
		}
	}
	n := int(c.maxID + 1)
	c.source, c.day, c.lang, c.agOff = make([]uint32, n), make([]int32, n), make([]uint16, n), make([]uint32, n+1)
	// Whole arrays at a time: a call per value cost as much as the rest.
	p := d.take(4 * n)
	if d.bad {
		return nil, errBadSnapshot
	}
	for i := range c.source {
		c.source[i] = binary.LittleEndian.Uint32(p[4*i:])
	}
	p = d.take(4 * n)
	if d.bad {
		return nil, errBadSnapshot
	}
	for i := range c.day {
		c.day[i] = int32(binary.LittleEndian.Uint32(p[4*i:]))
	}
	p = d.take(2 * n)
	if d.bad {
		return nil, errBadSnapshot
	}
	for i := range c.lang {
		c.lang[i] = binary.LittleEndian.Uint16(p[2*i:])
	}
	p = d.take(4 * (n + 1))
	if d.bad {
		return nil, errBadSnapshot
	}
	for i := range c.agOff {
		c.agOff[i] = binary.LittleEndian.Uint32(p[4*i:])
	}
	if d.bad {
		return nil, errBadSnapshot
	}
	na := int(d.u32())
	if d.bad || na > len(data) {
		return nil, errBadSnapshot
	}
	c.agIDs = make([]uint16, na)
	p = d.take(2 * na)
	if d.bad {
		return nil, errBadSnapshot
	}
	for i := range c.agIDs {
		c.agIDs[i] = binary.LittleEndian.Uint16(p[2*i:])
	}
	if d.bad {
		return nil, errBadSnapshot
	}
	c.dlen, c.clen = make([]uint32, n), make([]uint32, n)
	if string(stored[:len(snapshotMagic)]) == snapshotMagic {
		c.lenEpoch = int64(d.u64())
		for _, a := range [][]uint32{c.dlen, c.clen} {
			p = d.take(4 * n)
			if d.bad {
				return nil, errBadSnapshot
			}
			for i := range a {
				a[i] = binary.LittleEndian.Uint32(p[4*i:])
			}
		}
		for i := range c.dlen {
			c.dlenSum += int64(c.dlen[i])
			c.clenSum += int64(c.clen[i])
		}
	}
	for i, v := range c.sources {
		c.srcIdx[v] = i
	}
	for i, v := range c.langs {
		c.langIdx[v] = i
	}
	for i, v := range c.agencies {
		c.agIdx[v] = i
	}
	// Indexes must stay inside their tables.
	for i := range c.source {
		if int(c.source[i]) >= len(c.sources) || int(c.lang[i]) >= max(len(c.langs), 1) || c.agOff[i] > c.agOff[i+1] || int(c.agOff[i+1]) > len(c.agIDs) {
			return nil, errBadSnapshot
		}
	}
	for _, a := range c.agIDs {
		if int(a) >= len(c.agencies) {
			return nil, errBadSnapshot
		}
	}
	return c, nil
}

// decoder reads little-endian values from a byte slice; running past its
// end sets bad and yields zeros.
type decoder struct {
	b   []byte
	off int
	bad bool
}

func (d *decoder) take(n int) []byte {
	if n < 0 || d.off+n > len(d.b) {
		d.bad = true
		return nil
	}
	p := d.b[d.off : d.off+n]
	d.off += n
	return p
}

func (d *decoder) u64() uint64 {
	if p := d.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

func (d *decoder) u32() uint32 {
	if p := d.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (d *decoder) u16() uint16 {
	if p := d.take(2); p != nil {
		return binary.LittleEndian.Uint16(p)
	}
	return 0
}

func (d *decoder) bytes(n int) []byte { return d.take(n) }
