// Package netgraph writes the syndication graph of an archive (outlets
// and agencies as nodes, credits and shared text as edges) in the formats
// network tools read: GraphML (NetworkX, Gephi, yEd, igraph), GEXF
// (Gephi) and CSV edge lists (Gephi's spreadsheet import, pandas).
//
// It knows nothing of the archive: the caller hands it nodes and edges.
package netgraph

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Node is an outlet or an agency.
type Node struct {
	ID       string // unique; the name as stored
	Label    string
	Agency   bool   // a wire agency (as credited), not an outlet
	Articles int    // articles of the outlet in the archive (0 for an agency with none)
	Language string // the outlet's most frequent language, "" when unknown
}

// Edge is a count of relations of one kind from Source to Target.
// Directed is false for "share text" edges, whose direction has no
// evidence: drawn without an arrow.
type Edge struct {
	Source, Target string
	Kind           string // "supplier", "cited", "photo", "reuse", "translation"
	Count          int
	Directed       bool
}

// Graph is a set of nodes and the edges among them.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// Formats are the names Write accepts.
var Formats = []string{"graphml", "gexf", "csv"}

// Write writes g to w in format (one of Formats).
func Write(w io.Writer, g Graph, format string) error {
	g = g.normalized()
	switch strings.ToLower(format) {
	case "graphml":
		return writeGraphML(w, g)
	case "gexf":
		return writeGEXF(w, g)
	case "csv":
		return writeCSV(w, g)
	}
	return fmt.Errorf("graph format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// normalized returns g with a node for every edge end, nodes and edges in
// a stable order, and names cleaned of characters XML cannot hold.
func (g Graph) normalized() Graph {
	seen := map[string]bool{}
	var out Graph
	for _, n := range g.Nodes {
		n.ID, n.Label = xmlSafe(n.ID), xmlSafe(n.Label)
		if seen[n.ID] {
			continue
		}
		if n.Label == "" {
			n.Label = n.ID
		}
		seen[n.ID] = true
		out.Nodes = append(out.Nodes, n)
	}
	for _, e := range g.Edges {
		e.Source, e.Target, e.Kind = xmlSafe(e.Source), xmlSafe(e.Target), xmlSafe(e.Kind)
		for _, id := range []string{e.Source, e.Target} {
			if !seen[id] {
				seen[id] = true
				out.Nodes = append(out.Nodes, Node{ID: id, Label: id})
			}
		}
		out.Edges = append(out.Edges, e)
	}
	sort.SliceStable(out.Nodes, func(i, j int) bool { return out.Nodes[i].ID < out.Nodes[j].ID })
	sort.SliceStable(out.Edges, func(i, j int) bool {
		a, b := out.Edges[i], out.Edges[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.Kind < b.Kind
	})
	return out
}

// xmlSafe drops the characters XML 1.0 cannot carry (control characters
// but tab and newline, lone surrogates, U+FFFE/U+FFFF): names come from
// imported files.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF, r == 0x7F, r >= 0x80 && r < 0xA0:
			return -1
		}
		return r
	}, s)
}

func nodeKind(n Node) string {
	if n.Agency {
		return "agency"
	}
	return "outlet"
}

func writeGraphML(w io.Writer, g Graph) error {
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	type key struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	type node struct {
		ID   string `xml:"id,attr"`
		Data []data `xml:"data"`
	}
	type edge struct {
		ID       string `xml:"id,attr"`
		Source   string `xml:"source,attr"`
		Target   string `xml:"target,attr"`
		Directed bool   `xml:"directed,attr"`
		Data     []data `xml:"data"`
	}
	type graph struct {
		ID          string `xml:"id,attr"`
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []node `xml:"node"`
		Edges       []edge `xml:"edge"`
	}
	type doc struct {
		XMLName xml.Name `xml:"graphml"`
		NS      string   `xml:"xmlns,attr"`
		Keys    []key    `xml:"key"`
		Graph   graph    `xml:"graph"`
	}
	d := doc{NS: "http://graphml.graphdrawing.org/xmlns", Keys: []key{
		{"label", "node", "label", "string"}, {"kind", "node", "kind", "string"},
		{"articles", "node", "articles", "int"}, {"language", "node", "language", "string"},
		{"ekind", "edge", "kind", "string"}, {"weight", "edge", "weight", "int"},
	}, Graph: graph{ID: "syndication", EdgeDefault: "undirected"}}
	ids := map[string]string{}
	for i, n := range g.Nodes {
		ids[n.ID] = "n" + strconv.Itoa(i)
		d.Graph.Nodes = append(d.Graph.Nodes, node{ID: ids[n.ID], Data: []data{
			{"label", n.Label}, {"kind", nodeKind(n)}, {"articles", strconv.Itoa(n.Articles)}, {"language", n.Language}}})
	}
	for i, e := range g.Edges {
		d.Graph.Edges = append(d.Graph.Edges, edge{ID: "e" + strconv.Itoa(i), Source: ids[e.Source], Target: ids[e.Target],
			Directed: e.Directed, Data: []data{{"ekind", e.Kind}, {"weight", strconv.Itoa(e.Count)}}})
	}
	return writeXML(w, d)
}

func writeGEXF(w io.Writer, g Graph) error {
	type attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	type attribute struct {
		ID    string `xml:"id,attr"`
		Title string `xml:"title,attr"`
		Type  string `xml:"type,attr"`
	}
	type attributes struct {
		Class string      `xml:"class,attr"`
		Attrs []attribute `xml:"attribute"`
	}
	type node struct {
		ID    string     `xml:"id,attr"`
		Label string     `xml:"label,attr"`
		Atts  []attvalue `xml:"attvalues>attvalue"`
	}
	type edge struct {
		ID     string     `xml:"id,attr"`
		Source string     `xml:"source,attr"`
		Target string     `xml:"target,attr"`
		Type   string     `xml:"type,attr"`
		Label  string     `xml:"label,attr"`
		Weight int        `xml:"weight,attr"`
		Atts   []attvalue `xml:"attvalues>attvalue"`
	}
	type graph struct {
		Mode        string       `xml:"mode,attr"`
		DefaultType string       `xml:"defaultedgetype,attr"`
		Attributes  []attributes `xml:"attributes"`
		Nodes       []node       `xml:"nodes>node"`
		Edges       []edge       `xml:"edges>edge"`
	}
	type doc struct {
		XMLName xml.Name `xml:"gexf"`
		NS      string   `xml:"xmlns,attr"`
		Version string   `xml:"version,attr"`
		Graph   graph    `xml:"graph"`
	}
	d := doc{NS: "http://gexf.net/1.3", Version: "1.3", Graph: graph{Mode: "static", DefaultType: "undirected",
		Attributes: []attributes{
			{"node", []attribute{{"kind", "kind", "string"}, {"articles", "articles", "integer"}, {"language", "language", "string"}}},
			{"edge", []attribute{{"kind", "kind", "string"}}},
		}}}
	ids := map[string]string{}
	for i, n := range g.Nodes {
		ids[n.ID] = "n" + strconv.Itoa(i)
		d.Graph.Nodes = append(d.Graph.Nodes, node{ID: ids[n.ID], Label: n.Label, Atts: []attvalue{
			{"kind", nodeKind(n)}, {"articles", strconv.Itoa(n.Articles)}, {"language", n.Language}}})
	}
	for i, e := range g.Edges {
		typ := "undirected"
		if e.Directed {
			typ = "directed"
		}
		d.Graph.Edges = append(d.Graph.Edges, edge{ID: "e" + strconv.Itoa(i), Source: ids[e.Source], Target: ids[e.Target],
			Type: typ, Label: e.Kind, Weight: e.Count, Atts: []attvalue{{"kind", e.Kind}}})
	}
	return writeXML(w, d)
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write graph: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// writeCSV writes one table, an edge list with the columns Gephi's
// spreadsheet import expects (Source, Target, Type, Weight), the edge
// kind, and each end's attributes (CSV readers want a single table).
func writeCSV(w io.Writer, g Graph) error {
	nodes := map[string]Node{}
	for _, n := range g.Nodes {
		nodes[n.ID] = n
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"Source", "Target", "Type", "Kind", "Weight", "Source_kind", "Target_kind", "Source_articles", "Target_articles", "Source_language", "Target_language"})
	for _, e := range g.Edges {
		typ := "Undirected"
		if e.Directed {
			typ = "Directed"
		}
		s, t := nodes[e.Source], nodes[e.Target]
		cw.Write([]string{csvSafe(e.Source), csvSafe(e.Target), typ, e.Kind, strconv.Itoa(e.Count), nodeKind(s), nodeKind(t),
			strconv.Itoa(s.Articles), strconv.Itoa(t.Articles), s.Language, t.Language})
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading a name as a formula (=, +, -,
// @ first): names come from imported files.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
