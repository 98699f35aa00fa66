package main

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/internal/netgraph/graphmltest"
)

// provenance --graph on the seeds writes a GraphML that an XML parser
// reads: agencies and outlets as nodes, credits by role, and the three
// AFP copies joined by undirected "share text" edges only.
func TestProvenanceGraphML(t *testing.T) {
	db := seedsArchive(t)
	out, stderr, err := run(t, "provenance", "--db", db, "--graph")
	if err != nil {
		t.Fatalf("provenance --graph: %v\n%s", err, stderr)
	}
	doc, err := graphmltest.Parse([]byte(out))
	if err != nil {
		t.Fatalf("not GraphML: %v\n%.300s", err, out)
	}
	name, kind := doc.Labels(), map[string]string{}
	for _, n := range doc.Nodes {
		kind[n.ID] = n.Data["kind"]
	}
	edges := map[string]bool{}
	for _, e := range doc.Edges {
		k := e.Data["ekind"]
		edges[name[e.Source]+" "+k+" "+name[e.Target]] = true
		if (k == "reuse" || k == "translation") && e.Directed {
			t.Errorf("%s %s %s drawn directed: the seeds' copies share text with no evidence of who copied whom", name[e.Source], k, name[e.Target])
		}
	}
	for _, want := range []string{"AFP supplier DNA", "AFP supplier The Times of Israel", "IANS supplier Business Standard",
		"Xinhua cited Business Standard", "AP photo The Times of Israel", "Sputnik supplier Pakistan Point News"} {
		if !edges[want] {
			t.Errorf("no edge %q in %v", want, edges)
		}
	}
	for id, n := range name {
		if n == "AFP" && kind[id] != "agency" || n == "DNA" && kind[id] != "outlet" {
			t.Errorf("node %s is %s", n, kind[id])
		}
	}
	csvOut, _, err := run(t, "provenance", "--db", db, "--graph", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil || len(rows) != len(doc.Edges)+1 {
		t.Errorf("CSV: %v, %d rows for %d edges", err, len(rows), len(doc.Edges))
	}
	if _, _, err := run(t, "provenance", "--db", db, "--graph", "--format", "dot"); err == nil {
		t.Error("--format dot accepted")
	}
}
