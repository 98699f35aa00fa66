package archive_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/provenance"
)

// seedsStore imports testdata/seeds (ids 1..5 in file order, the folder's
// manifest applied), links them with package provenance as an import
// does (each article to the older ones) and stores the links and
// stories.
func seedsStore(t *testing.T) *archive.Store {
	t.Helper()
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := importer.Run(ctx, s, []string{"../testdata/seeds"}, importer.Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	ids := []int64{1, 2, 3, 4, 5}
	arts, err := s.Articles(ctx, ids)
	if err != nil || len(arts) != 5 {
		t.Fatalf("seeds: %d articles (%v), want 5", len(arts), err)
	}
	idx := provenance.NewMemIndex()
	linker := &provenance.Linker{Index: idx, Before: true}
	var docs []provenance.Doc
	var links []wiretrace.Link
	for _, id := range ids {
		a := arts[id]
		d := provenance.Doc{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text, Language: a.Language, Published: a.Published, Credits: a.Credits}
		idx.Add(d)
		docs = append(docs, d)
		ls, err := linker.Link(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		links = append(links, ls...)
	}
	if err := s.ReplaceLinks(ctx, ids, links); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveStories(ctx, provenance.Stories(docs, wiretrace.Ends(links))); err != nil {
		t.Fatal(err)
	}
	return s
}

// parents describes a provenance's tree: "id<-parent" per member in
// publication order, the parent "AFP" for an agency's dispatch, "#N" for
// an article, "?" for an unknown source and "root" for the root.
func parents(p *wiretrace.Provenance) string {
	var out []string
	for _, m := range p.Story.Articles {
		from := "root"
		switch d := m.DerivedFrom; {
		case d == nil:
		case d.Article != 0:
			from = fmt.Sprintf("#%d", d.Article)
		case d.Agency != "":
			from = d.Agency
		case d.Unknown:
			from = "?"
		}
		out = append(out, fmt.Sprintf("%d<-%s", m.Article, from))
	}
	slices.Sort(out)
	return p.Story.OriginKind + ":" + p.Story.OriginAgency + " " + strings.Join(out, " ")
}

// ends describes links as "from-to kind", sorted.
func ends(ls []wiretrace.Link) string {
	var out []string
	for _, l := range ls {
		out = append(out, fmt.Sprintf("%d-%d %s", l.From, l.To, l.Kind))
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// briefIDs lists the ids of a provenance's briefs, sorted.
func briefIDs(p *wiretrace.Provenance) []int64 {
	var out []int64
	for id := range p.Briefs {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// TestProvenanceSeeds reads each seed's provenance: DNA, The Times of
// Israel and The Epoch Times are one story under an AFP dispatch that is
// not in the archive, joined by a reuse and a translation link; the IANS
// and Sputnik articles are stories of their own. What Provenance returns
// agrees with Stories and Links read one by one.
func TestProvenanceSeeds(t *testing.T) {
	ctx := context.Background()
	s := seedsStore(t)
	afp := "agency:AFP 1<-AFP 2<-AFP 5<-AFP"
	tests := []struct {
		id                  int64
		source, tree, links string
		briefs              []int64
		credits             string // the article's, "agency/role" joined by ","
	}{
		{1, "DNA", afp, "1-5 translation, 2-1 reuse", []int64{1, 2, 5}, "AFP/supplier"},
		{2, "The Times of Israel", afp, "1-5 translation, 2-1 reuse", []int64{1, 2, 5}, "AFP/supplier,AP/photo"},
		{3, "Business Standard", "agency:IANS 3<-IANS", "", []int64{3}, "IANS/supplier,Xinhua/cited"},
		{4, "Pakistan Point News", "agency:Sputnik 4<-Sputnik", "", []int64{4}, "Sputnik/supplier,Tengrinews/cited"},
		{5, "The Epoch Times", afp, "1-5 translation, 2-1 reuse", []int64{1, 2, 5}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.source, func(t *testing.T) {
			p, err := s.Provenance(ctx, tc.id)
			if err != nil {
				t.Fatal(err)
			}
			if p.Article.ID != tc.id || p.Article.Source != tc.source || p.Article.Text != "" || p.Article.Title == "" {
				t.Errorf("article: got #%d %q (title %q, %d bytes of text), want #%d %q with a title and no text",
					p.Article.ID, p.Article.Source, p.Article.Title, len(p.Article.Text), tc.id, tc.source)
			}
			if got := parents(p); got != tc.tree {
				t.Errorf("tree: got %s, want %s", got, tc.tree)
			}
			if got := ends(p.Links); got != tc.links {
				t.Errorf("links among the story: got [%s], want [%s]", got, tc.links)
			}
			if p.Outside != nil {
				t.Errorf("outside links: got [%s], want none", ends(p.Outside))
			}
			if got := briefIDs(p); !slices.Equal(got, tc.briefs) {
				t.Errorf("briefs: got %v, want %v", got, tc.briefs)
			}
			var cs []string
			for _, c := range p.Credits(tc.id) {
				cs = append(cs, c.Agency+"/"+c.Role)
			}
			if got := strings.Join(cs, ","); got != tc.credits || p.Credits(tc.id) == nil {
				t.Errorf("credits: got %q (nil %v), want %q", got, p.Credits(tc.id) == nil, tc.credits)
			}
			for _, l := range p.Links {
				if len(l.Evidence) == 0 || l.Evidence[0].FromText == "" {
					t.Errorf("link %d-%d: passages not resolved: %+v", l.From, l.To, l.Evidence)
				}
			}
			// The same as the separate reads.
			all, err := s.Stories(ctx, true)
			if err != nil {
				t.Fatal(err)
			}
			var st *wiretrace.Story
			for i := range all {
				for _, m := range all[i].Articles {
					if m.Article == tc.id {
						st = &all[i]
					}
				}
			}
			if st == nil || !reflect.DeepEqual(p.Story, *st) {
				t.Errorf("story: got %+v\nStories says %+v", p.Story, st)
			}
			own, err := s.Links(ctx, tc.id)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.LinksOf(tc.id); len(got)+len(own) > 0 && !reflect.DeepEqual(got, own) {
				t.Errorf("LinksOf: got [%s]\nLinks says [%s]", ends(got), ends(own))
			}
		})
	}
}

// TestProvenanceTreeAndOutside stores, over the linked seeds, a story of
// DNA with The Times of Israel as its copy: its tree has an article as
// parent, and the two's translation links to The Epoch Times, now a story
// of its own, are outside links, with The Epoch Times's brief.
func TestProvenanceTreeAndOutside(t *testing.T) {
	ctx := context.Background()
	s := seedsStore(t)
	st := wiretrace.Story{ID: 1, OriginAgency: "AFP", OriginArticle: 1, OriginKind: wiretrace.OriginArticle, Articles: []wiretrace.StoryMember{
		{Article: 1}, {Article: 2, DerivedFrom: &wiretrace.DerivedFrom{Article: 1}},
	}}
	if err := s.SaveStories(ctx, []wiretrace.Story{st}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id                   int64
		tree, links, outside string
		briefs               []int64
		parent2              int64
	}{
		{1, "article:AFP 1<-root 2<-#1", "2-1 reuse", "1-5 translation", []int64{1, 2, 5}, 1},
		{2, "article:AFP 1<-root 2<-#1", "2-1 reuse", "", []int64{1, 2}, 1},
		// The Epoch Times credits nobody: its own root.
		{5, "article: 5<-root", "", "1-5 translation", []int64{1, 5}, 0},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.id), func(t *testing.T) {
			p, err := s.Provenance(ctx, tc.id)
			if err != nil {
				t.Fatal(err)
			}
			if got := parents(p); got != tc.tree {
				t.Errorf("tree: got %s, want %s", got, tc.tree)
			}
			if got := ends(p.Links); got != tc.links {
				t.Errorf("links: got [%s], want [%s]", got, tc.links)
			}
			if got := ends(p.Outside); got != tc.outside {
				t.Errorf("outside: got [%s], want [%s]", got, tc.outside)
			}
			if got := briefIDs(p); !slices.Equal(got, tc.briefs) {
				t.Errorf("briefs: got %v, want %v", got, tc.briefs)
			}
			if got := p.Parent(2); got != tc.parent2 {
				t.Errorf("Parent(2): got %d, want %d", got, tc.parent2)
			}
			if got := p.Parent(1); got != 0 {
				t.Errorf("Parent(1): got %d, want 0 (the root)", got)
			}
			own, err := s.Links(ctx, tc.id)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.LinksOf(tc.id); !reflect.DeepEqual(got, own) {
				t.Errorf("LinksOf: got [%s]\nLinks says [%s]", ends(got), ends(own))
			}
		})
	}
}

// TestProvenanceNotFound: an id that names no article is ErrNotFound, in
// an empty archive and in one with articles.
func TestProvenanceNotFound(t *testing.T) {
	ctx := context.Background()
	empty := MustOpen(t)
	full := MustOpen(t)
	fill(t, full)
	for _, tc := range []struct {
		name string
		s    *archive.Store
		id   int64
	}{{"empty", empty, 1}, {"filled", full, 999}, {"zero", full, 0}, {"negative", full, -3}} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tc.s.Provenance(ctx, tc.id)
			if !errors.Is(err, archive.ErrNotFound) || p != nil {
				t.Errorf("got %v, %v; want nil and an error wrapping ErrNotFound", p, err)
			}
		})
	}
}

// TestProvenanceOneArticle: an article without links is a story of its
// own, rooted in itself or, when it credits a supplier agency that is not
// its outlet, in that agency's dispatch; it has no links.
func TestProvenanceOneArticle(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	fill(t, s)
	for _, tc := range []struct {
		id   int64
		tree string
	}{{1, "agency:AFP 1<-AFP"}, {4, "article: 4<-root"}, {5, "article: 5<-root"}} {
		t.Run(fmt.Sprint(tc.id), func(t *testing.T) {
			p, err := s.Provenance(ctx, tc.id)
			if err != nil {
				t.Fatal(err)
			}
			if got := parents(p); got != tc.tree {
				t.Errorf("tree: got %s, want %s", got, tc.tree)
			}
			if len(p.Links) != 0 || p.Outside != nil || len(p.Briefs) != 1 || p.LinksOf(tc.id) != nil {
				t.Errorf("got %d links, outside %v, %d briefs; want none, nil, 1", len(p.Links), p.Outside, len(p.Briefs))
			}
		})
	}
}
