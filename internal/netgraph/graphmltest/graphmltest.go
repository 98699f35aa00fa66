// Package graphmltest reads GraphML back for tests: the documents that
// netgraph writes and `wiretrace provenance --graph` prints, parsed by
// encoding/xml as Gephi or NetworkX would read them.
package graphmltest

import (
	"encoding/xml"
	"fmt"
)

// Doc is a parsed GraphML document.
type Doc struct {
	Keys        []Key
	EdgeDefault string
	Nodes       []Node
	Edges       []Edge
}

// Key declares one data attribute.
type Key struct{ ID, For, Name string }

// Node is a node with its data values by key id.
type Node struct {
	ID   string
	Data map[string]string
}

// Edge is an edge with its data values by key id.
type Edge struct {
	Source, Target string
	Directed       bool
	Data           map[string]string
}

type data struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type doc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []data `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source   string `xml:"source,attr"`
			Target   string `xml:"target,attr"`
			Directed bool   `xml:"directed,attr"`
			Data     []data `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func values(ds []data) map[string]string {
	m := make(map[string]string, len(ds))
	for _, d := range ds {
		m[d.Key] = d.Value
	}
	return m
}

// Parse parses a GraphML document; it returns an error when b is not XML
// or has no graph element.
func Parse(b []byte) (*Doc, error) {
	var d doc
	if err := xml.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("graphml: %w", err)
	}
	if d.Graph.EdgeDefault == "" && len(d.Graph.Nodes) == 0 {
		return nil, fmt.Errorf("graphml: no graph element")
	}
	out := &Doc{EdgeDefault: d.Graph.EdgeDefault}
	for _, k := range d.Keys {
		out.Keys = append(out.Keys, Key{ID: k.ID, For: k.For, Name: k.Name})
	}
	for _, n := range d.Graph.Nodes {
		out.Nodes = append(out.Nodes, Node{ID: n.ID, Data: values(n.Data)})
	}
	for _, e := range d.Graph.Edges {
		out.Edges = append(out.Edges, Edge{Source: e.Source, Target: e.Target, Directed: e.Directed, Data: values(e.Data)})
	}
	return out, nil
}

// Labels returns each node's "label" value by node id.
func (d *Doc) Labels() map[string]string {
	m := make(map[string]string, len(d.Nodes))
	for _, n := range d.Nodes {
		m[n.ID] = n.Data["label"]
	}
	return m
}
