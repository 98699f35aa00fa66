package archive_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

func TestFingerprintIndex(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	fill(t, s)
	big := uint64(1<<47 - 1)
	if err := s.SetFingerprints(ctx, map[int64][]uint64{1: {10, 20, 30, big}, 2: {20, 30, 40}, 3: {30}}); err != nil {
		t.Fatal(err)
	}
	post, err := s.Postings(ctx, []uint64{10, 20, 30, 99, big}, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64]string{10: "[1]", 20: "[1 2]", 30: "[1 2]", big: "[1]"}
	if len(post) != len(want) {
		t.Errorf("got %v, want %v", post, want)
	}
	for fp, w := range want {
		if got := fmt.Sprint(post[fp]); got != w {
			t.Errorf("postings of %d: got %s, want %s", fp, got, w)
		}
	}
	// Replacing an article's fingerprints removes the old ones.
	if err := s.SetFingerprints(ctx, map[int64][]uint64{1: {50}}); err != nil {
		t.Fatal(err)
	}
	post, err = s.Postings(ctx, []uint64{10, 20, 50}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(post[10], post[20], post[50]) != "[] [2] [1]" {
		t.Errorf("after replace: got %v", post)
	}
	// A fingerprint an article keeps stays, next to those of other
	// articles set in the same call.
	if err := s.SetFingerprints(ctx, map[int64][]uint64{1: {20, 50}, 3: {50, 20, big}}); err != nil {
		t.Fatal(err)
	}
	post, err = s.Postings(ctx, []uint64{20, 30, 50, big}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(post[20], post[30], post[50], post[big]); got != "[1 2 3] [2] [1 3] [3]" {
		t.Errorf("after a second replace: got %s", got)
	}
	b, err := s.Briefs(ctx, []int64{1, 3, 999})
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 2 || b[1].Source != "DNA" || b[3].Language != "en" || b[1].Text != "" {
		t.Errorf("briefs: got %+v", b)
	}
	// Articles reads whole articles, as Article does one by one.
	as, err := s.Articles(ctx, []int64{3, 1, 999})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 {
		t.Fatalf("articles: got %d, want 2", len(as))
	}
	for _, id := range []int64{1, 3} {
		one, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%+v", as[id]) != fmt.Sprintf("%+v", one) || one.Text == "" {
			t.Errorf("articles: article %d is %+v, Article gives %+v", id, as[id], one)
		}
	}
}

func TestLinksAndStories(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	fill(t, s)
	links := []wiretrace.Link{
		{From: 2, To: 1, Kind: wiretrace.LinkReuse, DirectionConfidence: 0.7, DirectionReason: "earlier", Reused: 0.4, ReusedOfCopy: 0.9,
			Evidence: []wiretrace.Passage{{FromText: "a", ToText: "a"}}, Changes: wiretrace.Changes{NewHeadline: true, Cut: []string{"p"}, Credited: true}},
		{From: 1, To: 4, Kind: wiretrace.LinkTranslation, DirectionConfidence: 0.65, Reused: 0.6, ReusedOfCopy: 0.5},
	}
	if err := s.ReplaceLinks(ctx, []int64{1}, links); err != nil {
		t.Fatal(err)
	}
	got, err := s.Links(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Kind != wiretrace.LinkTranslation || got[1].Evidence[0].FromText != "a" || !got[1].Changes.Credited || got[0].Evidence == nil {
		t.Errorf("links of 1: got %+v", got)
	}
	ids, err := s.LinkedIDs(ctx, []int64{1})
	if err != nil || fmt.Sprint(ids) != "[2 4]" {
		t.Errorf("linked ids: got %v %v, want [2 4]", ids, err)
	}
	ends, err := s.LinkEndsAmong(ctx, []int64{1, 2, 4})
	if err != nil || len(ends) != 2 {
		t.Fatalf("link ends among 1, 2, 4: got %v %v, want 2 links", ends, err)
	}
	if e := ends[0]; e.From != 1 || e.To != 4 || e.Kind != wiretrace.LinkTranslation {
		t.Errorf("link ends among 1, 2, 4: first got %+v, want 1 -> 4 translation", e)
	}
	if e := ends[1]; e.From != 2 || e.To != 1 || e.Kind != wiretrace.LinkReuse {
		t.Errorf("link ends among 1, 2, 4: second got %+v, want 2 -> 1 reuse", e)
	}
	// Replacing the links of 4 drops the translation.
	if err := s.ReplaceLinks(ctx, []int64{4}, nil); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.AllLinks(ctx); len(all) != 1 {
		t.Errorf("all links after replace: got %d, want 1", len(all))
	}

	lag := 26 * time.Hour
	st := wiretrace.Story{ID: 1, OriginAgency: "AFP", OriginArticle: 2, Articles: []wiretrace.StoryMember{
		{Article: 2, Source: "The Times of Israel"}, {Article: 1, Source: "DNA", Lag: lag}}}
	if err := s.SaveStories(ctx, []wiretrace.Story{st, {ID: 3, Articles: []wiretrace.StoryMember{{Article: 3}}}}); err != nil {
		t.Fatal(err)
	}
	got1, err := storyOf(ctx, s, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got1.ID != 1 || got1.OriginAgency != "AFP" || got1.OriginArticle != 2 || len(got1.Articles) != 2 {
		t.Errorf("story of 1: got %+v", got1)
	}
	for _, m := range got1.Articles {
		if m.Article == 1 && m.Lag != lag {
			t.Errorf("lag of 1: got %v, want %v", m.Lag, lag)
		}
	}
	own, err := storyOf(ctx, s, 3)
	if err != nil || own.ID != 3 || own.OriginAgency != "IANS" || len(own.Articles) != 1 {
		t.Errorf("story of 3: got %+v %v, want a story of its own with IANS", own, err)
	}
	if _, err := storyOf(ctx, s, 999); !errors.Is(err, archive.ErrNotFound) {
		t.Errorf("story of 999: got %v, want ErrNotFound", err)
	}
	all, err := s.Stories(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 6 || len(all[0].Articles) != 2 {
		t.Errorf("stories: got %d (first of %d), want 6 with the story of two first", len(all), len(all[0].Articles))
	}
	// A merged story replaces the old one.
	merged := wiretrace.Story{ID: 1, OriginArticle: 2, Articles: []wiretrace.StoryMember{{Article: 1}, {Article: 2}, {Article: 4}}}
	if err := s.SaveStories(ctx, []wiretrace.Story{merged}); err != nil {
		t.Fatal(err)
	}
	if stored, _ := s.Stories(ctx, false); len(stored) != 1 || len(stored[0].Articles) != 3 {
		t.Errorf("after merge: got %+v", stored)
	}
	// Saving what is stored changes nothing; a changed lag, origin or
	// member is saved; a story split into articles of their own is gone.
	storyState := func() string {
		stored, err := s.Stories(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, st := range stored {
			fmt.Fprintf(&b, "%d/%s/%d:", st.ID, st.OriginAgency, st.OriginArticle)
			ms := st.Articles
			sort.Slice(ms, func(i, j int) bool { return ms[i].Article < ms[j].Article })
			for _, m := range ms {
				fmt.Fprintf(&b, " %d+%v", m.Article, m.Lag)
			}
			b.WriteString(";")
		}
		return b.String()
	}
	for _, c := range []struct {
		save []wiretrace.Story
		want string
	}{
		{[]wiretrace.Story{merged}, "1//2: 1+0s 2+0s 4+0s;"},
		{[]wiretrace.Story{{ID: 1, OriginArticle: 2, Articles: []wiretrace.StoryMember{{Article: 1}, {Article: 2}, {Article: 4, Lag: time.Hour}}}}, "1//2: 1+0s 2+0s 4+1h0m0s;"},
		{[]wiretrace.Story{{ID: 1, OriginAgency: "AFP", OriginArticle: 1, Articles: []wiretrace.StoryMember{{Article: 1}, {Article: 2}, {Article: 4, Lag: time.Hour}}}}, "1/AFP/1: 1+0s 2+0s 4+1h0m0s;"},
		{[]wiretrace.Story{{ID: 1, OriginAgency: "AFP", OriginArticle: 1, Articles: []wiretrace.StoryMember{{Article: 1}, {Article: 2}}}, {ID: 4, Articles: []wiretrace.StoryMember{{Article: 4}}}}, "1/AFP/1: 1+0s 2+0s;"},
		{[]wiretrace.Story{{ID: 1, Articles: []wiretrace.StoryMember{{Article: 1}}}, {ID: 2, Articles: []wiretrace.StoryMember{{Article: 2}}}}, ""},
		{[]wiretrace.Story{merged}, "1//2: 1+0s 2+0s 4+0s;"},
	} {
		if err := s.SaveStories(ctx, c.save); err != nil {
			t.Fatal(err)
		}
		if got := storyState(); got != c.want {
			t.Errorf("after saving %+v: got %q, want %q", c.save, got, c.want)
		}
	}

	g, err := s.Graph(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]int{}
	for _, e := range g {
		found[e.From+">"+e.To+":"+e.Kind] = e.Count
	}
	if found["AFP>DNA:credit"] != 1 || found["The Times of Israel>DNA:reuse"] != 1 || found["IANS>Business Standard:credit"] != 1 {
		t.Errorf("graph: got %v", found)
	}
	cr, err := s.AllCredits(ctx)
	if err != nil || len(cr) != 5 {
		t.Errorf("credits: got %d %v, want 5", len(cr), err)
	}

	if err := s.ClearProvenance(ctx); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.AllLinks(ctx); len(l) != 0 {
		t.Errorf("links after clear: %d", len(l))
	}
	if st, _ := s.Stories(ctx, false); len(st) != 0 {
		t.Errorf("stories after clear: %d", len(st))
	}
}

func TestProvenanceSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "a.db")
	s, err := archive.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(ctx, corpus()); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFingerprints(ctx, map[int64][]uint64{1: {7}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = archive.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	post, err := s.Postings(ctx, []uint64{7}, 5)
	if err != nil || fmt.Sprint(post[7]) != "[1]" {
		t.Errorf("postings after reopen: got %v %v", post, err)
	}
}

// TestReplaceLinksKnown stores the same rows from texts the caller holds
// as from texts read from the archive, and does use the caller's.
func TestReplaceLinksKnown(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	fill(t, s)
	a1, err := s.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	a2, err := s.Article(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	p1, p2 := a1.Text[len(a1.Text)/2:], a2.Text[:len(a2.Text)/2]
	links := []wiretrace.Link{{From: 2, To: 1, Kind: wiretrace.LinkReuse, Reused: 0.5, ReusedOfCopy: 0.5,
		Evidence: []wiretrace.Passage{{FromText: p2, ToText: p1}}, Changes: wiretrace.Changes{Cut: []string{p2}, Added: []string{p1}}}}
	stored := func() string {
		t.Helper()
		var ev, ch string
		if err := s.DB().QueryRowContext(ctx, "SELECT evidence, changes FROM links WHERE from_article = 2 AND to_article = 1").Scan(&ev, &ch); err != nil {
			t.Fatal(err)
		}
		return ev + " " + ch
	}
	if err := s.ReplaceLinks(ctx, []int64{2}, links); err != nil {
		t.Fatal(err)
	}
	read := stored()
	if err := s.ReplaceLinksKnown(ctx, []int64{2}, links, map[int64]string{1: a1.Text, 2: a2.Text, 3: "not an end"}); err != nil {
		t.Fatal(err)
	}
	if got := stored(); got != read {
		t.Errorf("from known texts: %s\nfrom the archive:  %s", got, read)
	}
	// Only article 1 known, 2 read: the same again.
	if err := s.ReplaceLinksKnown(ctx, []int64{2}, links, map[int64]string{1: a1.Text}); err != nil {
		t.Fatal(err)
	}
	if got := stored(); got != read {
		t.Errorf("from one known text: %s\nfrom the archive:  %s", got, read)
	}
	// A known text is the one the passages are located in.
	if err := s.ReplaceLinksKnown(ctx, []int64{2}, links, map[int64]string{2: "another text " + a2.Text}); err != nil {
		t.Fatal(err)
	}
	if got := stored(); got == read {
		t.Errorf("a different known text stored the same passages: %s", got)
	}
	if err := s.ReplaceLinksKnown(ctx, []int64{2}, links, map[int64]string{1: a1.Text, 2: a2.Text}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Links(ctx, 2)
	if err != nil || len(got) != 1 || got[0].Evidence[0].FromText != p2 || got[0].Evidence[0].ToText != p1 {
		t.Errorf("links of 2 read back: %+v %v", got, err)
	}
}

// storyOf returns the story of article id as Store.Provenance reads it.
func storyOf(ctx context.Context, s *archive.Store, id int64) (*wiretrace.Story, error) {
	p, err := s.Provenance(ctx, id)
	if err != nil {
		return nil, err
	}
	return &p.Story, nil
}
