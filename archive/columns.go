package archive

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// columns hold, for every article id, what searches filter and count on:
// the index of its source, its publication day (YYYYMMDD, 0 undated), its
// language and its credited agencies (not photo credits). Facets over a
// match set of a million ids are then a loop over arrays instead of a
// million row reads.
//
// They are kept up to date by generation: appends are loaded as a delta,
// any other change rebuilds them; a snapshot is stored in the archive so a
// new process loads a few bytes per article instead of scanning the rows.
type columns struct {
	generation int64
	rewrites   int64
	ftsEpoch   int64 // meta's fts_epoch when generation was read (see matchcache.go)
	maxID      int64
	source     []uint32 // 0: no article with this id
	day        []int32
	lang       []uint16
	agOff      []uint32 // agencies of id i are agIDs[agOff[i]:agOff[i+1]]
	agIDs      []uint16
	count      int // articles present
	// dayIdx[id] numbers id's day among the distinct days (dayList, in
	// order) from 1, 0 for undated, dayOther for a day outside 1900-2099:
	// the tally counts days with it (see indexDays).
	dayIdx  []uint16
	dayList []int32
	// dlen[id] is the length in tokens of id's title and text, clen[id]
	// that of its CJK bigram column, as FTS5 counted them (its docsize
	// table): BM25 normalises by them (bm25.go). They were read when
	// fts_epoch was lenEpoch; dlenSum and clenSum are their totals.
	dlen, clen       []uint32
	lenEpoch         int64
	dlenSum, clenSum int64

	sources, langs, agencies []string // index 0 of sources is "no article"
	srcIdx, langIdx, agIdx   map[string]int
}

func newColumns() *columns {
	c := &columns{source: []uint32{0}, day: []int32{0}, lang: []uint16{0}, agOff: []uint32{0, 0},
		dlen: []uint32{0}, clen: []uint32{0}, lenEpoch: -1,
		sources: []string{"\x00"}, srcIdx: map[string]int{}, langIdx: map[string]int{}, agIdx: map[string]int{}}
	return c
}

func (c *columns) intern(list *[]string, idx map[string]int, v string) int {
	if i, ok := idx[v]; ok {
		return i
	}
	*list = append(*list, v)
	idx[v] = len(*list) - 1
	return len(*list) - 1
}

// appendRow adds article id (which must be greater than maxID).
func (c *columns) appendRow(id int64, source string, day int32, lang string, agencies []string) {
	for c.maxID < id-1 { // gaps left by deleted ids
		c.maxID++
		c.source = append(c.source, 0)
		c.day = append(c.day, 0)
		c.lang = append(c.lang, 0)
		c.agOff = append(c.agOff, uint32(len(c.agIDs)))
		c.dlen, c.clen = append(c.dlen, 0), append(c.clen, 0)
	}
	c.maxID = id
	c.dlen, c.clen = append(c.dlen, 0), append(c.clen, 0)
	c.source = append(c.source, uint32(c.intern(&c.sources, c.srcIdx, source)))
	c.day = append(c.day, day)
	c.lang = append(c.lang, uint16(c.intern(&c.langs, c.langIdx, lang)))
	for _, a := range agencies {
		c.agIDs = append(c.agIDs, uint16(c.intern(&c.agencies, c.agIdx, a)))
	}
	c.agOff = append(c.agOff, uint32(len(c.agIDs)))
	c.count++
}

func (c *columns) present(id int64) bool { return id > 0 && id <= c.maxID && c.source[id] != 0 }

// load appends the articles with ids above maxID from the database.
func (c *columns) load(ctx context.Context, q querier) error {
	from := c.maxID
	if err := c.loadRows(ctx, q); err != nil {
		return err
	}
	return c.loadLengths(ctx, q, from)
}

// loadLengths reads the token counts of the articles with ids above from
// out of FTS5's docsize table (each row: one SQLite varint per column).
func (c *columns) loadLengths(ctx context.Context, q querier, from int64) error {
	if from == 0 {
		clear(c.dlen)
		clear(c.clen)
		c.dlenSum, c.clenSum = 0, 0
	}
	rows, err := q.QueryContext(ctx, "SELECT id, sz FROM articles_fts_docsize WHERE id > ? AND id <= ?", from, c.maxID)
	if err != nil {
		return fmt.Errorf("token counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sz []byte
		if err := rows.Scan(&id, &sz); err != nil {
			return fmt.Errorf("token counts: %w", err)
		}
		if id <= 0 || id > c.maxID {
			continue
		}
		var n [3]uint64
		for k, p := 0, sz; k < 3 && len(p) > 0; k++ {
			v, w := sqliteVarint(p)
			if w == 0 {
				break
			}
			n[k], p = min(v, 1<<31), p[w:]
		}
		c.dlenSum += int64(n[0]+n[1]) - int64(c.dlen[id])
		c.clenSum += int64(n[2]) - int64(c.clen[id])
		c.dlen[id], c.clen[id] = uint32(n[0]+n[1]), uint32(n[2])
	}
	return rows.Err()
}

// sqliteVarint decodes one SQLite varint (big-endian groups of seven bits,
// a ninth byte of eight), returning 0 bytes read when p is cut short.
func sqliteVarint(p []byte) (uint64, int) {
	var v uint64
	for i := 0; i < 9 && i < len(p); i++ {
		if i == 8 {
			return v<<8 | uint64(p[i]), 9
		}
		v = v<<7 | uint64(p[i]&0x7f)
		if p[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// loadRows appends the articles' filter columns.
func (c *columns) loadRows(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, "SELECT id, source, coalesce(pubday, 0), language FROM articles WHERE id > ? ORDER BY id", c.maxID)
	if err != nil {
		return err
	}
	type row struct {
		id     int64
		source string
		day    int32
		lang   string
	}
	var batch []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.source, &r.day, &r.lang); err != nil {
			rows.Close()
			return err
		}
		batch = append(batch, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ag := map[int64][]string{}
	arows, err := q.QueryContext(ctx, "SELECT article, agency FROM article_agencies WHERE role != 'photo' AND article > ? ORDER BY article, agency", c.maxID)
	if err != nil {
		return err
	}
	for arows.Next() {
		var id int64
		var a string
		if err := arows.Scan(&id, &a); err != nil {
			arows.Close()
			return err
		}
		if l := ag[id]; len(l) == 0 || l[len(l)-1] != a {
			ag[id] = append(l, a)
		}
	}
	arows.Close()
	if err := arows.Err(); err != nil {
		return err
	}
	for _, r := range batch {
		c.appendRow(r.id, r.source, r.day, r.lang, ag[r.id])
	}
	return nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readGeneration(ctx context.Context, q querier) (gen, rewrites, epoch int64, err error) {
	rows, err := q.QueryContext(ctx, "SELECT key, value FROM meta WHERE key IN ('generation', 'rewrites', 'fts_epoch')")
	if err != nil {
		return 0, 0, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var v int64
		if err := rows.Scan(&k, &v); err != nil {
			return 0, 0, 0, err
		}
		switch k {
		case "generation":
			gen = v
		case "rewrites":
			rewrites = v
		default:
			epoch = v
		}
	}
	return gen, rewrites, epoch, rows.Err()
}

// columnsFor returns columns that reflect the archive as it is now.
func (s *Store) columnsFor(ctx context.Context) (*columns, error) {
	gen, rw, epoch, err := readGeneration(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("columns: %w", err)
	}
	s.colMu.Lock()
	defer s.colMu.Unlock()
	c := s.cols
	if c != nil && c.generation == gen {
		return c, nil
	}
	oldFormat := false
	if c == nil {
		c, oldFormat, _ = s.loadSnapshot(ctx) // a missing or damaged snapshot is rebuilt
	}
	if c == nil || c.rewrites != rw || c.generation > gen {
		c = newColumns()
	} else if c.generation != gen {
		c = c.clone()
	}
	slow := false
	if c.generation != gen || c.count == 0 {
		start := time.Now()
		fresh := c.maxID == 0
		if err := c.load(ctx, s.db); err != nil {
			return nil, fmt.Errorf("columns: %w", err)
		}
		c.generation, c.rewrites = gen, rw
		if fresh {
			c.lenEpoch = epoch
		}
		slow = time.Since(start) > 100*time.Millisecond
	}
	if c.lenEpoch != epoch { // an edited text changes its length
		if err := c.loadLengths(ctx, s.db, 0); err != nil {
			return nil, fmt.Errorf("columns: %w", err)
		}
		c.lenEpoch = epoch
		oldFormat = true
	}
	if slow && !oldFormat && !s.readOnly {
		s.cols = c
		s.bg.Add(1)
		go s.saveColumnsNoWait(c) // so the next process starts fast
	}
	c.ftsEpoch = epoch // c is not shared yet: its epoch moves with generation
	c.indexDays()
	if oldFormat && c.generation == gen && !s.readOnly {
		s.bg.Add(1)
		go s.saveColumnsNoWait(c) // in the current format
	}
	s.cols = c
	return c, nil
}

const dayOther = 0xffff

// indexDays numbers the distinct days of the articles (~5 ms for a
// million), so that the tally counts a day with one array increment.
func (c *columns) indexDays() {
	var slot [dayYears * 372]uint16
	for _, d := range c.day {
		if k := denseDay(d); k >= 0 {
			slot[k] = 1
		}
	}
	// A new list, not the old one truncated: a clone shares its backing
	// array with the columns it was cloned from, which searches may be
	// reading.
	c.dayList = nil
	for k := range slot {
		if slot[k] != 0 && len(c.dayList) < dayOther-2 {
			y, m, dd := k/372, k%372/31, k%31
			c.dayList = append(c.dayList, int32((1900+y)*10000+(m+1)*100+dd+1))
			slot[k] = uint16(len(c.dayList))
		} else {
			slot[k] = dayOther
		}
	}
	c.dayIdx = make([]uint16, len(c.day))
	for id, d := range c.day {
		switch k := denseDay(d); {
		case d == 0:
		case k < 0:
			c.dayIdx[id] = dayOther
		default:
			c.dayIdx[id] = slot[k]
		}
	}
}

// denseDay places day (YYYYMMDD) among the days of 1900-2099, -1 outside.
func denseDay(day int32) int {
	y, m, dd := day/10000-1900, day/100%100, day%100
	if y >= 0 && y < dayYears && m >= 1 && m <= 12 && dd >= 1 && dd <= 31 {
		return int(y*372 + (m-1)*31 + dd - 1)
	}
	return -1
}

// clone copies c so that searches holding the old one are not disturbed
// by the delta load.
func (c *columns) clone() *columns {
	n := *c
	n.source = append([]uint32(nil), c.source...)
	n.day = append([]int32(nil), c.day...)
	n.lang = append([]uint16(nil), c.lang...)
	n.agOff = append([]uint32(nil), c.agOff...)
	n.agIDs = append([]uint16(nil), c.agIDs...)
	n.dlen = append([]uint32(nil), c.dlen...)
	n.clen = append([]uint32(nil), c.clen...)
	n.sources = append([]string(nil), c.sources...)
	n.langs = append([]string(nil), c.langs...)
	n.agencies = append([]string(nil), c.agencies...)
	n.srcIdx, n.langIdx, n.agIdx = copyMap(c.srcIdx), copyMap(c.langIdx), copyMap(c.agIdx)
	return &n
}

func copyMap(m map[string]int) map[string]int {
	n := make(map[string]int, len(m))
	for k, v := range m {
		n[k] = v
	}
	return n
}

// matchIDs returns the ids of the articles matching an FTS5 expression, in
// ascending order. The ids are packed inside SQLite by the aggregate
// function wiretrace_ids, which is about twice as fast as reading them row
// by row through database/sql (the per-row cost of a match set of a
// million).
func (s *Store) matchIDs(ctx context.Context, expr string) ([]int64, error) {
	var packed []byte
	err := s.db.QueryRowContext(ctx, "SELECT wiretrace_ids(rowid) FROM articles_fts WHERE articles_fts MATCH ?", expr).Scan(&packed)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(packed)/8)
	for i := range ids {
		ids[i] = int64(binary.LittleEndian.Uint64(packed[i*8:]))
	}
	if !sort.SliceIsSorted(ids, func(i, j int) bool { return ids[i] < ids[j] }) {
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	}
	return ids, nil
}

func init() {
	sqlite.MustRegisterFunction("wiretrace_ids", &sqlite.FunctionImpl{NArgs: 1,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &idCollector{}, nil }})
}

// idCollector is the aggregate wiretrace_ids: integers packed as
// little-endian uint64s in a blob (an empty blob for no rows).
type idCollector struct{ b []byte }

func (c *idCollector) Step(_ *sqlite.FunctionContext, args []driver.Value) error {
	id, ok := args[0].(int64)
	if !ok {
		return fmt.Errorf("wiretrace_ids: want an integer, got %T", args[0])
	}
	c.b = binary.LittleEndian.AppendUint64(c.b, uint64(id))
	return nil
}

func (c *idCollector) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	return errors.New("wiretrace_ids: not a window function")
}

func (c *idCollector) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if c.b == nil {
		return []byte{}, nil
	}
	return c.b, nil
}

func (c *idCollector) Final(*sqlite.FunctionContext) {}

func idList(ids []int64) string {
	var b strings.Builder
	b.Grow(len(ids) * 7)
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	b.WriteByte(']')
	return b.String()
}
