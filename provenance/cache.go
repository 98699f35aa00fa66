package provenance

import (
	"math"
	"strings"
	"sync"
)

// Cache keeps the prepared texts (tokens, translation sides) of the
// articles a Linker has read, by id, so that linking a batch of related
// articles prepares each candidate once rather than once per article that
// finds it. It holds at most a bounded number of articles, besides those
// given to Hold, and is safe for concurrent use. An article's text must not change while it is cached:
// use one Cache per batch.
type Cache struct {
	mu    sync.Mutex
	toks  recent[[]token]
	sides recent[*side]
	fps   recent[[]uint64]
	// held keeps what is prepared of the articles given to Hold, apart
	// from the others, until Release.
	held map[int64]*prepared
}

// prepared is what a Cache holds of one article given to Hold; nil
// fields are not prepared yet.
type prepared struct {
	toks []token
	side *side
	fps  []uint64
}

// Hold makes c keep what it prepares of the articles ids, however many
// others it prepares after them, until Release: the articles of a batch,
// whose tokens and sides are prepared with their fingerprints and used
// again to link each of them. Among the candidates of the batch's first
// articles, the cache of cacheSize articles had dropped many of them by
// the time they were linked, and made them again.
func (c *Cache) Hold(ids []int64) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held = make(map[int64]*prepared, len(ids))
	for _, id := range ids {
		if id != 0 {
			c.held[id] = &prepared{}
		}
	}
}

// Release drops what c holds for Hold.
func (c *Cache) Release() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.held = nil
	c.mu.Unlock()
}

// cacheSize bounds the articles a Cache holds of each kind. An import of
// 18,633 generated files with linking took the same time with 1024 as
// with 2048 (21.4-24.6 s against 22.2-22.7 s, same CPU) and 40-50 MB less
// peak memory (192-196 MB against 234-245 MB); 512 cost 7-15% more CPU.
const cacheSize = 1024

// recent keeps up to cacheSize values; when full it starts over. (Two
// generations of half the size, the older dropped when the newer fills,
// missed more: 24,374 sides prepared for 10k generated articles instead of
// 20,931. Dropping only the oldest value missed less, 47k texts tokenized
// for 20k articles of gen --link instead of 56k, but a cache kept full
// cost the collector more than it saved under import's 200 MiB soft
// memory limit: 42 s of CPU instead of 39.)
type recent[V any] struct {
	m map[int64]V
}

func (r *recent[V]) get(id int64) (V, bool) {
	v, ok := r.m[id]
	return v, ok
}

func (r *recent[V]) put(id int64, v V) {
	if r.m == nil {
		r.m = map[int64]V{}
	}
	if len(r.m) >= cacheSize {
		clear(r.m)
	}
	r.m[id] = v
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{} }

// tokens returns the tokens of d's text, from c when it has them.
func (c *Cache) tokens(d Doc) []token {
	if c == nil || d.ID == 0 {
		return tokenize(d.Text)
	}
	c.mu.Lock()
	h := c.held[d.ID]
	t, ok := c.toks.get(d.ID)
	if h != nil {
		t, ok = h.toks, h.toks != nil
	}
	c.mu.Unlock()
	if ok {
		return t
	}
	t = tokenize(d.Text)
	c.mu.Lock()
	if h != nil {
		h.toks = t
	} else {
		c.toks.put(d.ID, t)
	}
	c.mu.Unlock()
	return t
}

// side returns d's title and text prepared for translation alignment,
// from c when it has it. Sides are only read once made.
func (c *Cache) side(d Doc) *side {
	if c == nil || d.ID == 0 {
		return newSide(fullText(d))
	}
	c.mu.Lock()
	h := c.held[d.ID]
	s, ok := c.sides.get(d.ID)
	if h != nil {
		s, ok = h.side, h.side != nil
	}
	c.mu.Unlock()
	if ok {
		return s
	}
	// The text's tokens serve for both: d's side is prepared as soon as
	// its fingerprints are, and a candidate's for reuse and translation.
	// The side keeps none of the joined text's tokens, so they go in a
	// buffer used again (they were 5% of an import's allocations).
	buf := fullTokensPool.Get().(*[]token)
	full := appendFullTokens((*buf)[:0], d, c.tokens(d))
	s = newSideTokens(fullText(d), full)
	clear(full) // no strings kept alive from the pool
	*buf = full[:0]
	fullTokensPool.Put(buf)
	c.mu.Lock()
	if h != nil {
		h.side = s
	} else {
		c.sides.put(d.ID, s)
	}
	c.mu.Unlock()
	return s
}

// Fingerprints returns Fingerprints(d.Title, d.Text), from c when it has
// them. A nil Cache computes them.
func (c *Cache) Fingerprints(d Doc) []uint64 {
	if c == nil || d.ID == 0 {
		return Fingerprints(d.Title, d.Text)
	}
	c.mu.Lock()
	h := c.held[d.ID]
	f, ok := c.fps.get(d.ID)
	if h != nil {
		f, ok = h.fps, h.fps != nil
	}
	c.mu.Unlock()
	if ok {
		return f
	}
	// The same tokens and sentence anchors serve to link d later.
	f = fingerprintsOf(c.tokens(d), anchorKeysOf(c.side(d).anchors))
	c.mu.Lock()
	if h != nil {
		h.fps = f
	} else {
		c.fps.put(d.ID, f)
	}
	c.mu.Unlock()
	return f
}

// fullTokens returns the tokens of fullText(d) given those of d.Text: the
// title's, then the text's shifted past the title and its line break. A
// line break ends every word, number and quotation, so they are the tokens
// of the joined text.
func fullTokens(d Doc, text []token) []token {
	if strings.TrimSpace(d.Title) == "" {
		return text
	}
	return appendFullTokens(nil, d, text)
}

// fullTokensPool holds buffers for appendFullTokens.
var fullTokensPool = sync.Pool{New: func() any { return new([]token) }}

// appendFullTokens appends the tokens of fullText(d), given those of
// d.Text, to out.
func appendFullTokens(out []token, d Doc, text []token) []token {
	if strings.TrimSpace(d.Title) == "" {
		return append(out, text...)
	}
	out = append(out, tokenize(d.Title)...)
	off := int32(len(d.Title) + 1)
	for _, t := range text {
		if int64(t.e)+int64(off) > math.MaxInt32 {
			break // beyond tokenize's 2 GiB
		}
		t.s += off
		t.e += off
		out = append(out, t)
	}
	return out
}
