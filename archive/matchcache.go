package archive

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/bits"
	"strings"
	"sync"
	"time"
)

// Match sets of frequent expressions.
//
// Counting and faceting a query needs every matching id, and FTS5 can only
// enumerate them: a word in half of a million articles costs ~100 ms to
// list each time it is searched. So the ids matched by an expression that
// matches many articles (a common word, phrase or prefix) are kept as a
// bitset, in memory and in the archive's match_cache table (migration
// 0005), and a query combines the kept sets of its parts with AND, OR and
// NOT in Go, asking FTS5 only for the parts it has no set for. This is the
// "filter cache" of Lucene-style engines, persisted so that a new process
// starts warm. A set covers the ids up to a bound and is extended to newer
// articles by asking FTS5 only for ids above it; deleting an article or
// editing a text moves meta's fts_epoch, which retires every set.

// bitset is a set of article ids: bit i stands for id i.
type bitset []uint64

func newBitset(maxID int64) bitset { return make(bitset, maxID>>6+1) }

func (b bitset) add(id int64) {
	if id >= 0 && int(id>>6) < len(b) {
		b[id>>6] |= 1 << (uint64(id) & 63)
	}
}

// bitsetOf returns the set of ids, sized for maxID (larger ids are left out).
func bitsetOf(ids []int64, maxID int64) bitset {
	b := newBitset(maxID)
	for _, id := range ids {
		b.add(id)
	}
	return b
}

// resized returns a copy of b sized for maxID.
func (b bitset) resized(maxID int64) bitset {
	n := newBitset(maxID)
	copy(n, b)
	return n
}

func (b bitset) and(o bitset) {
	for i := range b {
		if i < len(o) {
			b[i] &= o[i]
		} else {
			b[i] = 0
		}
	}
}

func (b bitset) or(o bitset) {
	for i := range min(len(b), len(o)) {
		b[i] |= o[i]
	}
}

func (b bitset) andNot(o bitset) {
	for i := range min(len(b), len(o)) {
		b[i] &^= o[i]
	}
}

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// ids returns the members in ascending order.
func (b bitset) ids() []int64 {
	out := make([]int64, 0, b.count())
	for i, w := range b {
		for w != 0 {
			t := bits.TrailingZeros64(w)
			out = append(out, int64(i)<<6|int64(t))
			w &= w - 1
		}
	}
	return out
}

// encode stores b as 'B' and its words, or as 'V' and the varint gaps
// between ids when that is smaller.
func (b bitset) encode(n int) []byte {
	if n*2 < len(b)*8 { // sparse: gaps take one to three bytes
		out := make([]byte, 1, n*2+16)
		out[0] = 'V'
		var last int64
		for i, w := range b {
			for w != 0 {
				id := int64(i)<<6 | int64(bits.TrailingZeros64(w))
				out = binary.AppendUvarint(out, uint64(id-last))
				last = id
				w &= w - 1
			}
		}
		if len(out) < len(b)*8 {
			return out
		}
	}
	out := make([]byte, 1, 1+len(b)*8)
	out[0] = 'B'
	for _, w := range b {
		out = binary.LittleEndian.AppendUint64(out, w)
	}
	return out
}

// decodeBitset reads what encode wrote, for ids up to upto.
func decodeBitset(data []byte, upto int64) (bitset, error) {
	b := newBitset(upto)
	switch {
	case len(data) > 0 && data[0] == 'B' && (len(data)-1)%8 == 0 && (len(data)-1)/8 <= len(b):
		for i := range (len(data) - 1) / 8 {
			b[i] = binary.LittleEndian.Uint64(data[1+i*8:])
		}
		return b, nil
	case len(data) > 0 && data[0] == 'V':
		var id int64
		for p := data[1:]; len(p) > 0; {
			gap, k := binary.Uvarint(p)
			if k <= 0 || gap == 0 || gap > uint64(upto-id) { // ids are positive and ascending
				return nil, errBadMatchSet
			}
			id += int64(gap)
			b.add(id)
			p = p[k:]
		}
		return b, nil
	}
	return nil, errBadMatchSet
}

var errBadMatchSet = fmt.Errorf("bad match set")

// matchEntry is the kept match set of one expression.
type matchEntry struct {
	epoch int64
	upto  int64 // ids above upto are not covered
	bits  bitset
	used  int64 // recency, for eviction from memory
}

// matchCache holds match sets in memory, the most recently used first to
// stay when they outgrow matchCacheBytes.
type matchCache struct {
	mu      sync.Mutex
	entries map[string]*matchEntry
	bytes   int
	tick    int64
	// phrases holds the postings that BM25 ranks with (bm25.go).
	phrases phraseCache
}

const (
	matchCacheBytes    = 48 << 20 // in memory
	matchCacheRows     = 400      // in the archive
	matchCacheMinShare = 50       // see matchCacheMin
)

// A set is kept when it holds at least matchCacheMin ids and a
// 1/matchCacheMinShare share of the archive (below that, FTS5 lists it in
// a few milliseconds). A variable so that tests can keep small sets.
var matchCacheMin = 5000

func cacheWorthy(c *columns, n int) bool {
	return n >= matchCacheMin && n >= c.count/matchCacheMinShare
}

func (m *matchCache) get(key string, epoch int64) *matchEntry {
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.entries[key]
	if e == nil || e.epoch != epoch {
		return nil
	}
	m.tick++
	e.used = m.tick
	return e
}

func (m *matchCache) put(key string, e *matchEntry) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.entries == nil {
		m.entries = map[string]*matchEntry{}
	}
	if old := m.entries[key]; old != nil {
		m.bytes -= len(old.bits) * 8
	}
	m.tick++
	e.used = m.tick
	m.entries[key] = e
	m.bytes += len(e.bits) * 8
	for m.bytes > matchCacheBytes && len(m.entries) > 1 {
		var oldest string
		var at int64 = -1
		for k, v := range m.entries {
			if at < 0 || v.used < at {
				oldest, at = k, v.used
			}
		}
		m.bytes -= len(m.entries[oldest].bits) * 8
		delete(m.entries, oldest)
	}
}

// evaluator computes the match set of one query's tree.
type evaluator struct {
	s     *Store
	ctx   context.Context
	c     *columns
	keys  map[*node]string
	known map[string]bitset // kept sets, sized for c.maxID; read-only
	fresh map[string]bitset // sets listed by FTS5 for this query
}

func (s *Store) newEvaluator(ctx context.Context, c *columns) *evaluator {
	return &evaluator{s: s, ctx: ctx, c: c, keys: map[*node]string{}, known: map[string]bitset{}, fresh: map[string]bitset{}}
}

// matchSet returns the ids matching fq in ascending order, from kept match
// sets where it can, and keeps the sets of large parts for the next time.
func (s *Store) matchSet(ctx context.Context, fq ftsQuery, c *columns) ([]int64, error) {
	if fq.tree == nil || s.noCache {
		return s.matchIDs(ctx, fq.expr)
	}
	ev := s.newEvaluator(ctx, c)
	var all []string
	var walk func(n *node)
	walk = func(n *node) {
		k, ok := n.emit(&ftsQuery{})
		if !ok {
			return
		}
		ev.keys[n] = k
		all = append(all, k)
		for _, kid := range n.kids {
			walk(kid)
		}
		for _, kid := range n.negated {
			walk(kid)
		}
	}
	walk(fq.tree)
	root, ok := ev.keys[fq.tree]
	if !ok {
		return s.matchIDs(ctx, fq.expr)
	}
	if err := ev.load(all); err != nil {
		return nil, err
	}
	if len(ev.known) == 0 {
		ids, err := s.matchIDs(ctx, root)
		if err != nil {
			return nil, err
		}
		if cacheWorthy(c, len(ids)) {
			s.keepMatchSet(root, c, bitsetOf(ids, c.maxID), false)
		}
		return ids, nil
	}
	b, err := ev.eval(fq.tree)
	if err != nil {
		return nil, err
	}
	return b.ids(), nil
}

// load fills ev.known with the kept sets among keys, from memory or from
// the archive, extended to the newest article.
func (ev *evaluator) load(keys []string) error {
	s, c := ev.s, ev.c
	var missing []string
	for _, k := range keys {
		if e := s.mc.get(k, c.ftsEpoch); e != nil {
			b, err := ev.extend(k, e)
			if err != nil {
				return err
			}
			ev.known[k] = b
		} else {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	list, _ := json.Marshal(missing) // strings always marshal
	rows, err := s.db.QueryContext(ev.ctx, "SELECT expr, upto, ids FROM match_cache WHERE expr IN (SELECT value FROM json_each(?)) AND epoch = ?",
		string(list), c.ftsEpoch)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil // a read-only archive of an older schema
		}
		return fmt.Errorf("match cache: %w", err)
	}
	type row struct {
		expr string
		upto int64
		data []byte
	}
	var got []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.expr, &r.upto, &r.data); err != nil {
			rows.Close()
			return fmt.Errorf("match cache: %w", err)
		}
		got = append(got, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("match cache: %w", err)
	}
	for _, r := range got {
		if r.upto < 0 || r.upto > c.maxID {
			continue // from a newer state of the archive than our columns
		}
		b, err := decodeBitset(r.data, r.upto)
		if err != nil {
			continue // a damaged row is ignored and replaced in time
		}
		e := &matchEntry{epoch: c.ftsEpoch, upto: r.upto, bits: b}
		s.mc.put(r.expr, e)
		if ev.known[r.expr], err = ev.extend(r.expr, e); err != nil {
			return err
		}
	}
	return nil
}

// extend returns e's set sized for the current columns, with the matches
// among articles added since it was made.
func (ev *evaluator) extend(key string, e *matchEntry) (bitset, error) {
	c := ev.c
	if e.upto >= c.maxID {
		return e.bits, nil
	}
	var packed []byte
	err := ev.s.db.QueryRowContext(ev.ctx, "SELECT wiretrace_ids(rowid) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ? AND rowid <= ?",
		key, e.upto, c.maxID).Scan(&packed)
	if err != nil {
		return nil, err
	}
	b := e.bits.resized(c.maxID)
	for i := 0; i+8 <= len(packed); i += 8 {
		b.add(int64(binary.LittleEndian.Uint64(packed[i:])))
	}
	// Persist the longer set when it covers many new articles; otherwise
	// each process extends it by the little that is new.
	ev.s.keepMatchSet(key, c, b, c.maxID-e.upto < min(2000, e.upto/20))
	return b, nil
}

// keepMatchSet remembers b as key's set for the articles up to c.maxID, and
// stores it in the archive in the background unless memOnly.
func (s *Store) keepMatchSet(key string, c *columns, b bitset, memOnly bool) {
	s.mc.put(key, &matchEntry{epoch: c.ftsEpoch, upto: c.maxID, bits: b})
	if memOnly || s.readOnly {
		return
	}
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		s.saveMatchSet(context.Background(), key, c.ftsEpoch, c.maxID, b, true)
	}()
}

// saveMatchSet writes one set to match_cache, if the archive's epoch is
// still the set's, and trims the table to its most recent rows. With
// noWait it gives up at once when another connection is writing.
func (s *Store) saveMatchSet(ctx context.Context, key string, epoch, upto int64, b bitset, noWait bool) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if noWait {
		conn.ExecContext(ctx, "PRAGMA busy_timeout = 0")
		defer conn.ExecContext(ctx, "PRAGMA busy_timeout = 15000")
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO match_cache (expr, epoch, upto, n, made, ids)
		SELECT ?, ?, ?, ?, ?, ? WHERE (SELECT value FROM meta WHERE key = 'fts_epoch') = ?`,
		key, epoch, upto, b.count(), time.Now().Unix(), b.encode(b.count()), epoch)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM match_cache WHERE epoch != ? OR id IN
		(SELECT id FROM match_cache ORDER BY made DESC, id DESC LIMIT -1 OFFSET ?)`, epoch, matchCacheRows)
	if err != nil {
		return err
	}
	return tx.Commit()
}

// fts lists expr's matches through FTS5, keeping the set when it is large.
func (ev *evaluator) fts(expr string) (bitset, error) {
	if b, ok := ev.fresh[expr]; ok {
		return b, nil
	}
	ids, err := ev.s.matchIDs(ev.ctx, expr)
	if err != nil {
		return nil, err
	}
	b := bitsetOf(ids, ev.c.maxID)
	if cacheWorthy(ev.c, len(ids)) {
		ev.s.keepMatchSet(expr, ev.c, b, false)
	}
	ev.fresh[expr] = b
	return b, nil
}

// covered reports whether n or a part of it has a kept set.
func (ev *evaluator) covered(n *node) bool {
	if _, ok := ev.known[ev.keys[n]]; ok {
		return true
	}
	for _, k := range n.kids {
		if ev.covered(k) {
			return true
		}
	}
	for _, k := range n.negated {
		if ev.covered(k) {
			return true
		}
	}
	return false
}

// eval returns n's match set as a bitset the caller may change.
func (ev *evaluator) eval(n *node) (bitset, error) {
	key := ev.keys[n]
	if b, ok := ev.known[key]; ok {
		return append(bitset(nil), b...), nil
	}
	if !ev.covered(n) {
		b, err := ev.fts(key)
		return append(bitset(nil), b...), err
	}
	var acc bitset
	var rest []string // parts FTS5 lists together
	for _, k := range n.kids {
		if ev.covered(k) {
			b, err := ev.eval(k)
			if err != nil {
				return nil, err
			}
			switch {
			case acc == nil:
				acc = b
			case n.op == "OR":
				acc.or(b)
			default:
				acc.and(b)
			}
		} else {
			rest = append(rest, ev.keys[k])
		}
	}
	if len(rest) > 0 {
		op := " AND "
		if n.op == "OR" {
			op = " OR "
		}
		expr := rest[0]
		if len(rest) > 1 {
			expr = "(" + strings.Join(rest, op) + ")"
		}
		b, err := ev.fts(expr)
		if err != nil {
			return nil, err
		}
		switch {
		case acc == nil:
			acc = append(bitset(nil), b...)
		case n.op == "OR":
			acc.or(b)
		default:
			acc.and(b)
		}
	}
	for _, k := range n.negated {
		b, err := ev.eval(k)
		if err != nil {
			return nil, err
		}
		acc.andNot(b)
	}
	return acc, nil
}
