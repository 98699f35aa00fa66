package provenance

import (
	"sort"
	"strconv"
	"time"

	"github.com/wiretrace/wiretrace"
)

// Stories groups docs into stories: the connected components of links
// (links to articles not in docs are ignored), each article without a link
// being a story of its own. Inside a story, the members form a tree (see
// tree): its root is the article of the story's supplier agency, else
// that agency's dispatch, not in the archive, else the one article that
// every other derives from over directed links, else an unknown common
// source. A story's origin agency is the supplier agency credited by most
// of its articles (or the agency that published one of them). Members
// come in publication order (undated last) with their lag behind the
// origin article. The story id is its smallest article id. Stories are
// sorted by id.
func Stories(docs []Doc, links []wiretrace.LinkEnd) []wiretrace.Story {
	byID := make(map[int64]*Doc, len(docs))
	parent := make(map[int64]int64, len(docs))
	for i := range docs {
		byID[docs[i].ID] = &docs[i]
		parent[docs[i].ID] = docs[i].ID
	}
	var find func(int64) int64
	find = func(x int64) int64 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	var kept []wiretrace.LinkEnd
	for _, l := range links {
		if byID[l.From] == nil || byID[l.To] == nil || l.From == l.To {
			continue
		}
		kept = append(kept, l)
		a, b := find(l.From), find(l.To)
		if a != b {
			if a < b {
				parent[b] = a
			} else {
				parent[a] = b
			}
		}
	}
	groups := map[int64][]*Doc{}
	for i := range docs {
		r := find(docs[i].ID)
		groups[r] = append(groups[r], &docs[i])
	}
	ends := map[int64][]wiretrace.LinkEnd{}
	for _, l := range kept {
		r := find(l.From)
		ends[r] = append(ends[r], l)
	}
	out := make([]wiretrace.Story, 0, len(groups))
	for r, members := range groups {
		out = append(out, story(members, ends[r]))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// earlier orders docs by publication, undated last, then by id. A
// date-only stamp is its day's first moment here: the order of members
// for display, not evidence of copying.
func earlier(a, b *Doc) bool {
	za, zb := a.Published.IsZero(), b.Published.IsZero()
	if za != zb {
		return !za
	}
	if !za && !a.Published.Equal(b.Published) {
		return a.Published.Before(b.Published)
	}
	return a.ID < b.ID
}

func story(members []*Doc, ends []wiretrace.LinkEnd) wiretrace.Story {
	sort.Slice(members, func(i, j int) bool { return earlier(members[i], members[j]) })
	st := wiretrace.Story{ID: members[0].ID}
	for _, m := range members {
		if m.ID < st.ID {
			st.ID = m.ID
		}
	}
	st.OriginAgency = commonSupplier(members)
	t := tree(members, ends, st.OriginAgency)
	st.OriginKind, st.OriginArticle = t.kind, t.root
	if st.OriginArticle == 0 {
		st.OriginArticle = members[0].ID
	}
	var origin *Doc
	for _, m := range members {
		if m.ID == st.OriginArticle {
			origin = m
		}
	}
	for _, m := range members {
		sm := wiretrace.StoryMember{Article: m.ID, Source: m.Source, Title: m.Title, Language: m.Language, Published: m.Published,
			DerivedFrom: t.parents[m.ID], DatePrecision: wiretrace.DatePrecision(m.Published)}
		if !m.Published.IsZero() && !origin.Published.IsZero() && m.Published.After(origin.Published) {
			sm.Lag = m.Published.Sub(origin.Published)
		}
		st.Articles = append(st.Articles, sm)
	}
	return st
}

// commonSupplier returns the agency credited as supplier (or being the
// outlet) by most members, ties to the smaller name; "" for none.
func commonSupplier(members []*Doc) string {
	count := map[string]int{}
	for _, m := range members {
		seen := map[string]bool{}
		if a := outletAgency(m.Source); a != "" {
			seen[a] = true
		}
		for _, c := range m.Credits {
			if c.Role == wiretrace.RoleSupplier {
				seen[c.Agency] = true
			}
		}
		for a := range seen {
			count[a]++
		}
	}
	best, name := 0, ""
	for a, n := range count {
		if n > best || n == best && a < name {
			name, best = a, n
		}
	}
	return name
}

// Lag formats a story member's lag for people: "" for none, else hours or
// days.
func Lag(d time.Duration) string {
	switch {
	case d <= 0:
		return ""
	case d < time.Hour:
		return d.Round(time.Minute).String()
	case d < 48*time.Hour:
		return d.Round(time.Hour).String()
	default:
		return strconv.Itoa(int(d/(24*time.Hour))) + " days"
	}
}
