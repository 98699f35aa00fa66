package provenance

import "sync"

// Cache keeps the prepared texts (tokens, translation sides) of the
// articles a Linker has read, by id, so that linking a batch of related
// articles prepares each candidate once rather than once per article that
// finds it. It holds at most a bounded number of articles and is safe for
// concurrent use. An article's text must not change while it is cached:
// use one Cache per batch.
type Cache struct {
	mu    sync.Mutex
	toks  map[int64][]token
	sides map[int64]*side
	fps   map[int64][]uint64
}

// cacheSize bounds the articles a Cache holds of each kind; when full it
// starts over.
const cacheSize = 2048

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{toks: map[int64][]token{}, sides: map[int64]*side{}, fps: map[int64][]uint64{}}
}

// tokens returns the tokens of d's text, from c when it has them.
func (c *Cache) tokens(d Doc) []token {
	if c == nil || d.ID == 0 {
		return tokenize(d.Text)
	}
	c.mu.Lock()
	t, ok := c.toks[d.ID]
	c.mu.Unlock()
	if ok {
		return t
	}
	t = tokenize(d.Text)
	c.mu.Lock()
	if len(c.toks) >= cacheSize {
		clear(c.toks)
	}
	c.toks[d.ID] = t
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
	s, ok := c.sides[d.ID]
	c.mu.Unlock()
	if ok {
		return s
	}
	s = newSide(fullText(d))
	c.mu.Lock()
	if len(c.sides) >= cacheSize {
		clear(c.sides)
	}
	c.sides[d.ID] = s
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
	f, ok := c.fps[d.ID]
	c.mu.Unlock()
	if ok {
		return f
	}
	// The same tokens and sentence anchors serve to link d later.
	f = fingerprintsOf(c.tokens(d), anchorKeysOf(c.side(d).anchors))
	c.mu.Lock()
	if len(c.fps) >= cacheSize {
		clear(c.fps)
	}
	c.fps[d.ID] = f
	c.mu.Unlock()
	return f
}
