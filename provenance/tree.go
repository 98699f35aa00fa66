package provenance

import (
	"cmp"
	"slices"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// storyTree is the tree of one story's members.
type storyTree struct {
	kind    string                           // archive.Origin*
	root    int64                            // the root article, 0 when the root is not in the archive
	parents map[int64]*wiretrace.DerivedFrom // by member; nil (absent) for the root
}

// tree builds a story's tree from its members (in publication order),
// the links among them and its common supplier agency x ("" for none).
//
// The root: the earliest member published by x itself (its outlet is the
// agency); else, when x is set, x's dispatch, not in the archive; else the
// one member with no directed link into it from which every member is
// reached over directed links; else a common source that is not known.
//
// Each other member's parent is the article of a directed link into it,
// the strongest evidence first (then the smaller ids), keeping the tree
// free of cycles: a link that would close one is dropped. A member
// without such a link is a copy of the root (a sibling of the others):
// shared text alone does not say that one copy took from another.
func tree(members []*Doc, ends []wiretrace.LinkEnd, x string) storyTree {
	t := storyTree{parents: make(map[int64]*wiretrace.DerivedFrom, len(members))}
	if x != "" {
		for _, m := range members {
			if outletAgency(m.Source) == x {
				t.kind, t.root = wiretrace.OriginArticle, m.ID
				break
			}
		}
		if t.kind == "" {
			t.kind = wiretrace.OriginAgency
		}
	}
	var directed []wiretrace.LinkEnd
	for _, l := range ends {
		if l.Directed {
			directed = append(directed, l)
		}
	}
	slices.SortFunc(directed, func(a, b wiretrace.LinkEnd) int {
		if a.Strength != b.Strength {
			return int(b.Strength) - int(a.Strength)
		}
		if a.From != b.From {
			return cmp.Compare(a.From, b.From)
		}
		return cmp.Compare(a.To, b.To)
	})
	if t.kind == "" && len(members) == 1 {
		t.kind, t.root = wiretrace.OriginArticle, members[0].ID
	}
	if t.kind == "" {
		t.root = reachesAll(members, directed)
		t.kind = wiretrace.OriginUnknown
		if t.root != 0 {
			t.kind = wiretrace.OriginArticle
		}
	}
	// A greedy branching: each directed link, strongest first, gives its
	// copy a parent unless the copy has one, is the root, or is an
	// ancestor of the link's original (a cycle).
	up := map[int64]int64{}
	for _, l := range directed {
		if l.To == t.root || up[l.To] != 0 || l.From == l.To {
			continue
		}
		cycle := false
		for p := l.From; p != 0; p = up[p] {
			if p == l.To {
				cycle = true
				break
			}
		}
		if !cycle {
			up[l.To] = l.From
		}
	}
	for _, m := range members {
		switch {
		case m.ID == t.root:
		case up[m.ID] != 0:
			t.parents[m.ID] = &wiretrace.DerivedFrom{Article: up[m.ID]}
		case t.kind == wiretrace.OriginArticle:
			t.parents[m.ID] = &wiretrace.DerivedFrom{Article: t.root}
		case t.kind == wiretrace.OriginAgency:
			t.parents[m.ID] = &wiretrace.DerivedFrom{Agency: x}
		default:
			t.parents[m.ID] = &wiretrace.DerivedFrom{Unknown: true}
		}
	}
	return t
}

// reachesAll returns the one member without a directed link into it when
// every member is reached from it over directed links, else 0.
func reachesAll(members []*Doc, directed []wiretrace.LinkEnd) int64 {
	if len(members) < 2 {
		return 0
	}
	in := map[int64]bool{}
	out := map[int64][]int64{}
	for _, l := range directed {
		in[l.To] = true
		out[l.From] = append(out[l.From], l.To)
	}
	var root int64
	for _, m := range members {
		if !in[m.ID] {
			if root != 0 {
				return 0
			}
			root = m.ID
		}
	}
	if root == 0 {
		return 0
	}
	seen := map[int64]bool{root: true}
	queue := []int64{root}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, n := range out[id] {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	if len(seen) != len(members) {
		return 0
	}
	return root
}

// outletAgency is the agency that an outlet is, by name or by web
// domain ("reuters.com", "www.afp.com"; agency.Outlet matches whole
// domain labels, so lookalikes such as evil.afp.co are no agency).
func outletAgency(source string) string { return agency.Outlet(source) }
