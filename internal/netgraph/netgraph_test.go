package netgraph

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/internal/netgraph/graphmltest"
)

// seeds is the seed archive's graph as the attribution model states it:
// AFP supplies three outlets that share text with no evidence of
// direction; IANS supplies Business Standard, which cites Xinhua.
func seeds() Graph {
	return Graph{
		Nodes: []Node{
			{ID: "AFP", Agency: true}, {ID: "IANS", Agency: true}, {ID: "Xinhua", Agency: true},
			{ID: "DNA", Articles: 1, Language: "en"}, {ID: "The Times of Israel", Articles: 1, Language: "en"},
			{ID: "The Epoch Times", Articles: 1, Language: "fr"}, {ID: "Business Standard", Articles: 1, Language: "en"},
		},
		Edges: []Edge{
			{"AFP", "DNA", "supplier", 1, true}, {"AFP", "The Times of Israel", "supplier", 1, true},
			{"IANS", "Business Standard", "supplier", 1, true}, {"Xinhua", "Business Standard", "cited", 1, true},
			{"The Times of Israel", "DNA", "reuse", 1, false}, {"DNA", "The Epoch Times", "translation", 1, false},
			{"AP", "The Times of Israel", "photo", 1, true}, // a node only an edge names
		},
	}
}

// The GraphML parses as XML, has a node per outlet and agency with its
// attributes, and an edge per relation, directed only where stated.
func TestGraphML(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, seeds(), "graphml"); err != nil {
		t.Fatal(err)
	}
	doc, err := graphmltest.Parse(b.Bytes())
	if err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, b.String())
	}
	if len(doc.Nodes) != 8 || len(doc.Edges) != 7 {
		t.Fatalf("%d nodes, %d edges; want 8, 7", len(doc.Nodes), len(doc.Edges))
	}
	label := doc.Labels()
	attrs := map[string]map[string]string{}
	for _, n := range doc.Nodes {
		attrs[n.ID] = n.Data
	}
	kinds := map[string]int{}
	for _, e := range doc.Edges {
		kind := e.Data["ekind"]
		kinds[kind]++
		if (kind == "reuse" || kind == "translation") == e.Directed {
			t.Errorf("%s edge %s -> %s directed=%v", kind, label[e.Source], label[e.Target], e.Directed)
		}
		if label[e.Source] == "The Epoch Times" || label[e.Target] == "The Epoch Times" {
			if attrs[e.Target]["language"] != "fr" {
				t.Errorf("The Epoch Times' language: %q", attrs[e.Target]["language"])
			}
		}
	}
	if kinds["supplier"] != 3 || kinds["cited"] != 1 || kinds["photo"] != 1 || kinds["reuse"] != 1 || kinds["translation"] != 1 {
		t.Errorf("edge kinds %v", kinds)
	}
	for id, a := range attrs {
		if a["label"] == "AFP" && a["kind"] != "agency" || a["label"] == "DNA" && (a["kind"] != "outlet" || a["articles"] != "1") {
			t.Errorf("node %s: %v", id, a)
		}
	}
}

// The GEXF parses and marks edge types; the CSV is one table whose names
// cannot run as spreadsheet formulas.
func TestGEXFAndCSV(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, seeds(), "gexf"); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph struct {
			Nodes []struct {
				Label string `xml:"label,attr"`
			} `xml:"nodes>node"`
			Edges []struct {
				Type  string `xml:"type,attr"`
				Label string `xml:"label,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("GEXF does not parse: %v", err)
	}
	undirected := 0
	for _, e := range doc.Graph.Edges {
		if e.Type == "undirected" {
			undirected++
		}
	}
	if len(doc.Graph.Nodes) != 8 || undirected != 2 {
		t.Errorf("GEXF: %d nodes, %d undirected edges; want 8, 2", len(doc.Graph.Nodes), undirected)
	}
	g := seeds()
	g.Edges = append(g.Edges, Edge{"=HYPERLINK(\"x\")", "DNA\x1b[2J", "reuse", 2, false})
	b.Reset()
	if err := Write(&b, g, "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 || rows[0][0] != "Source" || rows[0][4] != "Weight" {
		t.Fatalf("CSV: %d rows, header %v", len(rows), rows[0])
	}
	for _, r := range rows {
		if strings.HasPrefix(r[0], "=") || strings.ContainsRune(r[1], 0x1b) {
			t.Errorf("unsafe cell in %v", r)
		}
	}
	if err := Write(&b, g, "dot"); err == nil {
		t.Error("an unknown format was accepted")
	}
	// Control characters never reach the XML, which would not parse.
	b.Reset()
	if err := Write(&b, g, "graphml"); err != nil || xml.Unmarshal(b.Bytes(), new(struct{})) != nil {
		t.Errorf("GraphML with hostile names: %v", err)
	}
}
