package archive

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// TestCollapseStory checks that a story's copies fold into its best
// match, that singletons stay, and that totals and facets count articles.
func TestCollapseStory(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var arts []*wiretrace.Article
	for i := range 12 {
		title := fmt.Sprintf("Quake report %d", i)
		if i < 5 {
			title = "Quake hits the coast" // ids 1-5: one wire story
		}
		arts = append(arts, &wiretrace.Article{Source: fmt.Sprintf("Outlet %d", i), Title: title, Language: "en",
			Text: fmt.Sprintf("A quake was felt, report %d says.", i)})
	}
	if _, err := s.Add(ctx, arts); err != nil {
		t.Fatal(err)
	}
	st := wiretrace.Story{ID: 1, OriginArticle: 1}
	for id := int64(1); id <= 5; id++ {
		st.Articles = append(st.Articles, wiretrace.StoryMember{Article: id})
	}
	if err := s.SaveStories(ctx, []wiretrace.Story{st}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name      string
		q         Query
		hits      int
		firstCopy []int64
	}{
		{"relevance", Query{Text: "quake coast", CollapseStory: true}, 1, nil},
		{"all of them", Query{Text: "quake", CollapseStory: true}, 8, nil},
		{"newest", Query{Text: "quake", Sort: SortNewest, CollapseStory: true, Limit: 3}, 3, nil},
		{"a filter leaves out copies", Query{Text: "coast", Sources: []string{"Outlet 0", "Outlet 2"}, CollapseStory: true}, 1, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := s.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) != tt.hits {
				t.Fatalf("%d hits, want %d", len(r.Hits), tt.hits)
			}
			seen := map[int64]bool{}
			for _, h := range r.Hits {
				if seen[h.ID] {
					t.Errorf("hit %d twice", h.ID)
				}
				seen[h.ID] = true
				if h.ID <= 5 {
					want := []int64{}
					for id := int64(1); id <= 5; id++ {
						if id != h.ID && (tt.q.Sources == nil || id == 1 || id == 3) {
							want = append(want, id)
						}
					}
					if !reflect.DeepEqual(h.CopyIDs, want) || h.Copies != len(want) || len(h.CopySources) != len(want) {
						t.Errorf("story hit %d: copies %d %v %v, want %v", h.ID, h.Copies, h.CopyIDs, h.CopySources, want)
					}
				} else if h.Copies != 0 {
					t.Errorf("singleton %d has copies %v", h.ID, h.CopyIDs)
				}
			}
			plain := tt.q
			plain.CollapseStory = false
			p, _ := s.Search(ctx, plain)
			if r.Total != p.Total || !reflect.DeepEqual(r.Facets, p.Facets) {
				t.Errorf("total %d facets differ from the uncollapsed %d", r.Total, p.Total)
			}
		})
	}
}
