package provenance

import (
	"strings"
)

// Containment of edits. Two copies of one dispatch share what the
// dispatch holds; a copy of a copy also shares what only that copy has:
// its added paragraph, its new headline. Text that two relatives of an
// article share and none of its other relatives holds says that one of
// the two took it from the other (directionOf then orients the pair by
// containment, kind edits, and lets their dates order them).

// minExclusive is how many shingles (about two sentences) two texts must
// share outside every other relative for the text to be an edit of one of
// them rather than a stray phrase.
const minExclusive = 20

// exclusives holds what the linker needs to find the text that d shares
// with only one of its reuse relatives. A shared headline that no other
// relative carries is required: it is cheap to test, and it keeps two
// siblings that happen to keep the same part of a dispatch the others
// trimmed from looking like a copy and its copy.
type exclusives struct {
	toks   []token
	rel    []Doc
	c      *Cache
	boiler map[uint64]bool
	titleD string
	titles []string // each relative's normalised title
}

// newExclusives prepares d (its tokens toks) and its reuse relatives.
func newExclusives(d Doc, toks []token, rel []Doc, c *Cache, boiler map[uint64]bool) *exclusives {
	x := &exclusives{toks: toks, rel: rel, c: c, boiler: boiler, titleD: normTitle(d.Title)}
	for _, od := range rel {
		x.titles = append(x.titles, normTitle(od.Title))
	}
	return x
}

// between reports whether d and relative i share a headline and text that
// none of the other relatives holds (there must be one at least), and
// what it is.
func (x *exclusives) between(i int) (bool, string) {
	if x == nil || len(x.rel) < 3 || x.titleD == "" || x.titleD != x.titles[i] {
		return false, ""
	}
	for j, o := range x.titles {
		if j != i && o == x.titleD {
			return false, ""
		}
	}
	others := map[uint64]bool{}
	for j, od := range x.rel {
		if j != i {
			for _, h := range shingles(x.c.tokens(od)) {
				others[h] = true
			}
		}
	}
	mine := map[uint64]bool{}
	for _, h := range shingles(x.toks) {
		if !x.boiler[h] && !others[h] {
			mine[h] = true
		}
	}
	n := 0
	for _, h := range shingles(x.c.tokens(x.rel[i])) {
		if mine[h] {
			n++
			delete(mine, h)
		}
	}
	if n < minExclusive {
		return false, ""
	}
	return true, "the headline and text"
}

// normTitle is a title compared without case and spacing.
func normTitle(t string) string {
	return strings.Join(strings.Fields(strings.ToLower(t)), " ")
}
