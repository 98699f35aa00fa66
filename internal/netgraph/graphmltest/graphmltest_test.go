package graphmltest

import "testing"

func TestParse(t *testing.T) {
	doc, err := Parse([]byte(`<?xml version="1.0"?><graphml><key id="label" for="node" attr.name="label"/>` +
		`<graph edgedefault="undirected"><node id="n0"><data key="label">AFP</data></node><node id="n1"><data key="label">DNA</data></node>` +
		`<edge source="n0" target="n1" directed="true"><data key="ekind">supplier</data></edge></graph></graphml>`))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Keys) != 1 || doc.Keys[0] != (Key{ID: "label", For: "node", Name: "label"}) || doc.EdgeDefault != "undirected" {
		t.Errorf("keys %v, edgedefault %q", doc.Keys, doc.EdgeDefault)
	}
	l := doc.Labels()
	if len(doc.Edges) != 1 || l[doc.Edges[0].Source] != "AFP" || l[doc.Edges[0].Target] != "DNA" || !doc.Edges[0].Directed || doc.Edges[0].Data["ekind"] != "supplier" {
		t.Errorf("edges %+v, labels %v", doc.Edges, l)
	}
	for _, bad := range []string{"", "not xml <", "<graphml></graphml>"} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}
