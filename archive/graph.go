package archive

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace"
)

// NetOutlet is an outlet (a source of articles) or a credited agency, as
// a node of the syndication network.
type NetOutlet struct {
	Name     string
	Agency   bool   // credited as an agency by some article
	Articles int    // articles of this source in the archive
	Language string // its most frequent language, "" when unknown
}

// NetEdge counts the relations of one kind between two nodes: credits
// (Kind "supplier", "cited" or "photo", from the agency to the outlet)
// and links (LinkReuse or LinkTranslation, between outlets). Directed
// links go from the original's outlet to the copy's; links without
// evidence of direction are counted once per unordered pair, From before
// To in byte order, with Directed false.
type NetEdge struct {
	From, To string
	Kind     string
	Directed bool
	Count    int
}

// Network returns the archive's syndication network: every source and
// credited agency, credits by role, and links by kind, directed only
// where the links are.
func (s *Store) Network(ctx context.Context) ([]NetOutlet, []NetEdge, error) {
	nodes := map[string]*NetOutlet{}
	var order []string
	node := func(name string) *NetOutlet {
		n, ok := nodes[name]
		if !ok {
			n = &NetOutlet{Name: name}
			nodes[name] = n
			order = append(order, name)
		}
		return n
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT source, language, count(*) FROM articles GROUP BY source, language ORDER BY source, count(*) DESC, language`)
	if err != nil {
		return nil, nil, fmt.Errorf("network: %w", err)
	}
	for rows.Next() {
		var src, lang string
		var c int
		if err := rows.Scan(&src, &lang, &c); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("network: %w", err)
		}
		n := node(src)
		if n.Language == "" {
			n.Language = lang // the most frequent comes first
		}
		n.Articles += c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("network: %w", err)
	}
	rows, err = s.db.QueryContext(ctx, `
		SELECT g.agency, a.source, g.role, 1, count(*) FROM article_agencies g JOIN articles a ON a.id = g.article
		GROUP BY g.agency, a.source, g.role
		UNION ALL
		SELECT f.source, t.source, l.kind, 1, count(*) FROM links l
		JOIN articles f ON f.id = l.from_article JOIN articles t ON t.id = l.to_article
		WHERE l.directed = 1 GROUP BY f.source, t.source, l.kind
		UNION ALL
		SELECT min(f.source, t.source), max(f.source, t.source), l.kind, 0, count(*) FROM links l
		JOIN articles f ON f.id = l.from_article JOIN articles t ON t.id = l.to_article
		WHERE l.directed = 0 GROUP BY 1, 2, 3
		ORDER BY 5 DESC, 1, 2, 3`)
	if err != nil {
		return nil, nil, fmt.Errorf("network: %w", err)
	}
	defer rows.Close()
	var edges []NetEdge
	for rows.Next() {
		var e NetEdge
		var directed int
		if err := rows.Scan(&e.From, &e.To, &e.Kind, &directed, &e.Count); err != nil {
			return nil, nil, fmt.Errorf("network: %w", err)
		}
		e.Directed = directed == 1
		if e.Kind == wiretrace.RoleSupplier || e.Kind == wiretrace.RoleCited || e.Kind == wiretrace.RolePhoto {
			node(e.From).Agency = true
		}
		node(e.From)
		node(e.To)
		edges = append(edges, e)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("network: %w", err)
	}
	out := make([]NetOutlet, len(order))
	for i, name := range order {
		out[i] = *nodes[name]
	}
	return out, edges, nil
}
