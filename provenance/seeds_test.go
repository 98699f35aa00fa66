package provenance

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// seedInfo is the outlet, language and publication day of each seed.
var seedInfo = []struct {
	n, source, lang string
	published       time.Time
}{
	{"000", "DNA", "en", time.Time{}},
	{"001", "The Times of Israel", "en", time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC)},
	{"002", "Business Standard", "en", time.Date(2022, 1, 9, 11, 7, 0, 0, time.UTC)},
	{"003", "Pakistan Point News", "en", time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC)},
	{"004", "Epoch Times", "fr", time.Time{}},
}

// seedDocs reads the seeds as the importer would: the first line is the
// title, credits from agency.Detect; ids 1..5.
func seedDocs(t testing.TB) []Doc {
	t.Helper()
	var docs []Doc
	for i, s := range seedInfo {
		m, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", s.n+"_*.txt"))
		if err != nil || len(m) != 1 {
			t.Fatalf("seed %s: %v %v", s.n, m, err)
		}
		b, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		d := Doc{ID: int64(i + 1), Source: s.source, Title: title, Text: strings.TrimSpace(text), Language: s.lang, Published: s.published}
		d.Credits = agency.Detect(d.Title, d.Text, d.Source)
		docs = append(docs, d)
	}
	return docs
}

// linkAll indexes docs and links each to the older ones.
func linkAll(t testing.TB, docs []Doc) []wiretrace.Link {
	t.Helper()
	idx := NewMemIndex()
	var links []wiretrace.Link
	l := &Linker{Index: idx, Before: true}
	for _, d := range docs {
		idx.Add(d)
		ls, err := l.Link(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		links = append(links, ls...)
	}
	return links
}

func TestSeedsExplore(t *testing.T) {
	docs := seedDocs(t)
	links := linkAll(t, docs)
	for _, l := range links {
		t.Logf("%d -> %d %s conf=%.2f (%s) reused=%.2f/%.2f ev=%d changes=%+v", l.From, l.To, l.Kind, l.DirectionConfidence, l.DirectionReason, l.Reused, l.ReusedOfCopy, len(l.Evidence), l.Changes)
		for _, e := range l.Evidence {
			t.Logf("   %q\n   => %q", e.FromText, e.ToText)
		}
	}
	for i := range docs {
		for j := range docs {
			if i < j {
				al := alignReuse(tokenize(docs[i].Text), tokenize(docs[j].Text), nil)
				ta := alignTranslation(fullText(docs[i]), fullText(docs[j]))
				t.Logf("%d-%d reuse cov=%d/%d %.2f %.2f runs=%d | trans pairs=%d strong=%d score=%.1f anch=%d/%d trans=%v", i+1, j+1, al.coveredA, al.coveredB, al.shareA(), al.shareB(), len(al.runs), len(ta.pairs), ta.strong, ta.score, ta.anchoredA, ta.anchoredB, ta.isTranslation())
			}
		}
	}
	for _, s := range Stories(docs, wiretrace.Ends(links)) {
		t.Logf("story %+v", s)
	}
}
