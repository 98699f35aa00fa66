package provenance

import (
	"sort"
	"strconv"
	"time"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// Stories groups docs into stories: the connected components of links
// (links to articles not in docs are ignored), each article without a link
// being a story of its own. A story's origin agency is the supplier agency
// credited by most of its articles (or the agency that published one of
// them); its origin article is the earliest of the articles that copy no
// other, or the earliest article when every one is a copy. Members come in
// publication order (undated last) with their lag behind the origin. The
// story id is its smallest article id. Stories are sorted by id.
func Stories(docs []Doc, links []archive.LinkEnd) []archive.Story {
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
	copies := map[int64]bool{}
	for _, l := range links {
		if byID[l.From] == nil || byID[l.To] == nil || l.From == l.To {
			continue
		}
		copies[l.To] = true
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
	out := make([]archive.Story, 0, len(groups))
	for _, members := range groups {
		out = append(out, story(members, copies))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// earlier orders docs by publication, undated last, then by id.
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

func story(members []*Doc, copies map[int64]bool) archive.Story {
	sort.Slice(members, func(i, j int) bool { return earlier(members[i], members[j]) })
	st := archive.Story{ID: members[0].ID}
	for _, m := range members {
		if m.ID < st.ID {
			st.ID = m.ID
		}
	}
	origin := members[0]
	for _, m := range members {
		if !copies[m.ID] {
			origin = m
			break
		}
	}
	st.OriginArticle = origin.ID
	// The agency credited as supplier by most members.
	count := map[string]int{}
	for _, m := range members {
		seen := map[string]bool{}
		if a := agency.Outlet(m.Source); a != "" {
			seen[a] = true
		}
		for _, c := range m.Credits {
			if c.Role == archive.RoleSupplier {
				seen[c.Agency] = true
			}
		}
		for a := range seen {
			count[a]++
		}
	}
	best := 0
	for a, n := range count {
		if n > best || n == best && a < st.OriginAgency {
			st.OriginAgency, best = a, n
		}
	}
	for _, m := range members {
		sm := archive.StoryMember{Article: m.ID, Source: m.Source, Title: m.Title, Language: m.Language, Published: m.Published}
		if !m.Published.IsZero() && !origin.Published.IsZero() && m.Published.After(origin.Published) {
			sm.Lag = m.Published.Sub(origin.Published)
		}
		st.Articles = append(st.Articles, sm)
	}
	return st
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
