package main

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/wiretrace/wiretrace/internal/netgraph"
)

// writeNetwork writes the archive's outlet/agency network (provenance
// --graph) in format to standard output.
func writeNetwork(ctx context.Context, env *Env, db, format string) error {
	if !slices.Contains(netgraph.Formats, strings.ToLower(format)) {
		return &usageError{err: fmt.Errorf("provenance: --format %q: want one of %s", format, strings.Join(netgraph.Formats, ", "))}
	}
	s, err := openExisting(db)
	if err != nil {
		return err
	}
	defer s.Close()
	nodes, edges, err := s.Network(ctx)
	if err != nil {
		return err
	}
	var g netgraph.Graph
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, netgraph.Node{ID: n.Name, Label: orUnknown(n.Name), Agency: n.Agency, Articles: n.Articles, Language: n.Language})
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, netgraph.Edge{Source: e.From, Target: e.To, Kind: e.Kind, Count: e.Count, Directed: e.Directed})
	}
	w := bufio.NewWriter(env.Stdout)
	if err := netgraph.Write(w, g, format); err != nil {
		return fmt.Errorf("provenance --graph: %w", err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("provenance --graph: %w", err)
	}
	return nil
}
