package archive_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// TestLinkDirectedStored: a link's Directed and DirectionEvidence are
// stored and read back, and an undirected link reads [] as its evidence.
func TestLinkDirectedStored(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	fill(t, s)
	links := []wiretrace.Link{
		{From: 1, To: 2, Kind: wiretrace.LinkReuse, Directed: true, DirectionEvidence: []string{wiretrace.EvidenceCredit, wiretrace.EvidenceDates}, DirectionConfidence: 0.9, Evidence: []wiretrace.Passage{}},
		{From: 1, To: 3, Kind: wiretrace.LinkReuse, DirectionConfidence: 0.5, Evidence: []wiretrace.Passage{}},
	}
	if err := s.ReplaceLinks(ctx, []int64{1}, links); err != nil {
		t.Fatal(err)
	}
	got, err := s.Links(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range got {
		out = append(out, fmt.Sprintf("%d-%d %v %q %v", l.From, l.To, l.Directed, l.DirectionEvidence, l.DirectionEvidence == nil))
	}
	if want := `[1-2 true ["credit" "dates"] false 1-3 false [] false]`; fmt.Sprint(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
	ends, err := s.LinkEndsAmong(ctx, []int64{1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if want := "[{1 2 reuse true 3} {1 3 reuse false 0}]"; fmt.Sprint(ends) != want {
		t.Errorf("ends: got %v, want %s", ends, want)
	}
}
