package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// TestSearchSorts checks that relevance puts the title match first however
// old it is, and that --sort newest and oldest order by publication day.
func TestSearchSorts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	s, err := archive.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*wiretrace.Article
	for i := range 30 {
		title := fmt.Sprintf("Report %d", i)
		if i == 3 {
			title = "Ceasefire holds"
		}
		arts = append(arts, &wiretrace.Article{Source: "Alpha", Title: title, Language: "en",
			Text:      fmt.Sprintf("The ceasefire was discussed in report number %d.", i),
			Published: time.Date(2020, 1, 1+i, 0, 0, 0, 0, time.UTC)})
	}
	if _, err := s.Add(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, tt := range []struct {
		name  string
		args  []string
		first string
	}{
		{"relevance", nil, "Ceasefire holds"},
		{"newest", []string{"--sort", "newest"}, "Report 29"},
		{"oldest", []string{"--sort", "oldest"}, "Report 0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"search", "--db", db, "--json"}, tt.args...)
			out, stderr, err := run(t, append(args, "ceasefire")...)
			if err != nil {
				t.Fatalf("search: %v\n%s", err, stderr)
			}
			var res archive.Result
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if res.Total != 30 || len(res.Hits) != 20 || res.Hits[0].Title != tt.first {
				t.Errorf("total %d, %d hits, first %q; want 30, 20, %q", res.Total, len(res.Hits), res.Hits[0].Title, tt.first)
			}
		})
	}
}

// TestSearchCollapseStory checks --collapse story: one line per story with
// its copies, the JSON copies count and ids, and a refused value.
func TestSearchCollapseStory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	s, err := archive.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*wiretrace.Article
	for i := range 4 {
		arts = append(arts, &wiretrace.Article{Source: fmt.Sprintf("Outlet %d", i), Title: "Flood warning", Language: "en",
			Text: fmt.Sprintf("Rivers rose overnight, report %d.", i)})
	}
	ctx := context.Background()
	if _, err := s.Add(ctx, arts); err != nil {
		t.Fatal(err)
	}
	st := wiretrace.Story{ID: 1, OriginArticle: 1}
	for id := int64(1); id <= 3; id++ {
		st.Articles = append(st.Articles, wiretrace.StoryMember{Article: id})
	}
	if err := s.SaveStories(ctx, []wiretrace.Story{st}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, stderr, err := run(t, "search", "--db", db, "--collapse", "story", "flood")
	if err != nil {
		t.Fatalf("search: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "4 matches") || !strings.Contains(out, "+2 copies at Outlet") || strings.Count(out, "Flood warning") != 2 {
		t.Errorf("collapsed output:\n%s", out)
	}
	out, _, err = run(t, "search", "--db", db, "--collapse", "story", "--json", "flood")
	if err != nil {
		t.Fatal(err)
	}
	var res archive.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 || len(res.Hits) != 2 || res.Hits[0].Copies+res.Hits[1].Copies != 2 {
		t.Errorf("JSON: total %d, %d hits, copies %+v", res.Total, len(res.Hits), res.Hits)
	}
	if _, _, err := run(t, "search", "--db", db, "--collapse", "outlet", "flood"); err == nil {
		t.Error("--collapse outlet was accepted")
	}
}
