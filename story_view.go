package wiretrace

import (
	"cmp"
	"slices"
)

// Provenance is where one article's text came from, as the archive states
// it at one moment: the article's story (its tree), the metadata of the
// story's members, the links among them, and the article's links to
// articles outside its story. The archive reads all of it in one read
// transaction, so the parts agree with one another.
type Provenance struct {
	// Article is the article asked about, without its text (Text is
	// empty).
	Article Article
	// Story is the article's story: its stored story, or a story of its
	// own (one member, with its supplier agency as origin) when it shares
	// nothing that a story was made of.
	Story Story
	// Briefs holds, by id, every member of Story and every article at the
	// far end of Outside, without their text: outlet, title, language,
	// date, credits, origin file.
	Briefs map[int64]Article
	// Links are the links whose two ends are both members of Story.
	Links []Link
	// Outside are the links between Article and articles that are not
	// members of Story; usually none.
	Outside []Link
}

// Member returns the member of the story that is article id, and whether
// there is one.
func (p *Provenance) Member(id int64) (StoryMember, bool) {
	for _, m := range p.Story.Articles {
		if m.Article == id {
			return m, true
		}
	}
	return StoryMember{}, false
}

// Parent returns the article of the story that member id derives from, or
// 0 when it derives from none: it is the story's root, it derives from an
// original that is not in the archive (DerivedFrom names an agency or an
// unknown source), it is not a member, or its stated parent is not
// another member of the story.
func (p *Provenance) Parent(id int64) int64 {
	m, ok := p.Member(id)
	if !ok || m.DerivedFrom == nil || m.DerivedFrom.Article == 0 || m.DerivedFrom.Article == id {
		return 0
	}
	if _, ok := p.Member(m.DerivedFrom.Article); !ok {
		return 0
	}
	return m.DerivedFrom.Article
}

// Credits returns the credits of article id (a member of the story or the
// far end of an outside link): empty, not nil, when it credits nobody; nil
// when the article is not one of Briefs, so its credits are unknown.
func (p *Provenance) Credits(id int64) []Credit {
	b, ok := p.Briefs[id]
	if !ok {
		return nil
	}
	if b.Credits == nil {
		return []Credit{}
	}
	return b.Credits
}

// LinksOf returns the links of Links and Outside that touch article id,
// as original or as copy: the largest share reused first, then by From,
// To and Kind. It returns nil when there are none.
func (p *Provenance) LinksOf(id int64) []Link {
	var out []Link
	for _, ls := range [][]Link{p.Links, p.Outside} {
		for _, l := range ls {
			if l.From == id || l.To == id {
				out = append(out, l)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Link) int {
		return cmp.Or(cmp.Compare(b.Reused, a.Reused), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Kind, b.Kind))
	})
	return out
}

// Between returns the link between articles a and b, whichever is its
// From, preferring a directed link (evidence of who copied whom) when the
// two share both text and a translation; ok is false when they are not
// linked.
func (p *Provenance) Between(a, b int64) (l Link, ok bool) {
	for _, ls := range [][]Link{p.Links, p.Outside} {
		for _, x := range ls {
			if x.From == a && x.To == b || x.From == b && x.To == a {
				if !ok || x.Directed && !l.Directed {
					l, ok = x, true
				}
			}
		}
	}
	return l, ok
}
