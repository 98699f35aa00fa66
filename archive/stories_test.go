package archive_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// TestStoryTreeStored: a story's origin kind and members' parents are
// stored and read back, and a story whose parents change while its shape
// stays the same is stored again (not skipped as stored exactly so).
func TestStoryTreeStored(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	fill(t, s)
	st := wiretrace.Story{ID: 1, OriginAgency: "AFP", OriginArticle: 1, OriginKind: wiretrace.OriginAgency, Articles: []wiretrace.StoryMember{
		{Article: 1, DerivedFrom: &wiretrace.DerivedFrom{Agency: "AFP"}},
		{Article: 2, DerivedFrom: &wiretrace.DerivedFrom{Agency: "AFP"}},
		{Article: 3, DerivedFrom: &wiretrace.DerivedFrom{Article: 2}},
	}}
	tree := func() string {
		got, err := storyOf(ctx, s, 3)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range got.Articles {
			out = append(out, fmt.Sprintf("%d<-%+v", m.Article, *m.DerivedFrom))
		}
		sort.Strings(out) // members come in publication order
		return got.OriginKind + " " + strings.Join(out, " ")
	}
	if err := s.SaveStories(ctx, []wiretrace.Story{st}); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(), "agency 1<-{Agency:AFP Article:0 Unknown:false} 2<-{Agency:AFP Article:0 Unknown:false} 3<-{Agency: Article:2 Unknown:false}"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	st.Articles[2].DerivedFrom = &wiretrace.DerivedFrom{Agency: "AFP"}
	if err := s.SaveStories(ctx, []wiretrace.Story{st}); err != nil {
		t.Fatal(err)
	}
	if got := tree(); !strings.HasSuffix(got, "3<-{Agency:AFP Article:0 Unknown:false}") {
		t.Errorf("a new parent was not stored: %s", got)
	}
	st.OriginKind = wiretrace.OriginUnknown
	st.OriginAgency = ""
	for i := range st.Articles {
		st.Articles[i].DerivedFrom = &wiretrace.DerivedFrom{Unknown: true}
	}
	if err := s.SaveStories(ctx, []wiretrace.Story{st}); err != nil {
		t.Fatal(err)
	}
	if got := tree(); got != "unknown 1<-{Agency: Article:0 Unknown:true} 2<-{Agency: Article:0 Unknown:true} 3<-{Agency: Article:0 Unknown:true}" {
		t.Errorf("unknown source: got %s", got)
	}
}
