package linking

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// seeds stores the five seed articles as the importer would (first line
// the title, credits from agency.Detect), in one batch or one by one (each
// linked by Service.Link of a new Service, or by the pipeline of one
// Service as an import does, or by a session that dies before it ends).
func seeds(t *testing.T, s *archive.Store, mode string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v %v", files, err)
	}
	sort.Strings(files)
	sources := []string{"DNA", "The Times of Israel", "Business Standard", "Pakistan Point News", "The Epoch Times"}
	langs := []string{"en", "en", "en", "en", "fr"}
	var arts []*wiretrace.Article
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		a := &wiretrace.Article{Source: sources[i], Title: title, Text: strings.TrimSpace(text), Language: langs[i], Origin: filepath.Base(f)}
		a.Credits = agency.Detect(a.Title, a.Text, a.Source)
		arts = append(arts, a)
	}
	ctx := context.Background()
	if mode == "batch" {
		res, err := s.Add(ctx, arts)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, r := range res {
			ids = append(ids, r.ID)
		}
		if err := New(s, Options{}).Link(ctx, ids); err != nil {
			t.Fatal(err)
		}
		return
	}
	link := func(ctx context.Context, ids []int64) error { return New(s, Options{}).Link(ctx, ids) }
	flush := func(context.Context) error { return nil }
	svc := New(s, Options{})
	x := newSession(s)
	switch mode {
	case "session":
		link, flush = svc.AfterBatch(ctx), svc.Flush
	case "batches":
		// Each article's links are stored before the next is added,
		// and the stories wait for Flush.
		link = func(ctx context.Context, ids []int64) error {
			if err := svc.LinkBatch(ctx, ids); err != nil {
				return err
			}
			if id := ids[0]; id == 2 || id == 5 {
				ls, err := s.Links(ctx, id)
				if err != nil || len(ls) == 0 {
					return fmt.Errorf("article %d: no links stored when LinkBatch returned (%v)", id, err)
				}
				if stale, err := s.StaleStories(ctx, 0, 100); err != nil || len(stale) == 0 {
					return fmt.Errorf("article %d: stories updated before Flush (%v)", id, err)
				}
			}
			return nil
		}
		flush = svc.Flush
	case "interrupted":
		link = x.Link
	}
	for _, a := range arts {
		res, err := s.Add(ctx, []*wiretrace.Article{a})
		if err != nil {
			t.Fatal(err)
		}
		if err := link(ctx, []int64{res[0].ID}); err != nil {
			t.Fatal(err)
		}
	}
	if mode == "interrupted" {
		// An import stopped after storing its links and before its
		// session ended leaves their stories out of date, and says so;
		// the next session updates them.
		if err := x.Wait(); err != nil {
			t.Fatal(err)
		}
		stale, err := s.StaleStories(ctx, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(stale) != "[1 2 5]" {
			t.Errorf("stale stories: got %v, want [1 2 5]", stale)
		}
		// The process dies holding the link lock, which the next
		// session takes over.
		x.Abandon()
		flush = New(s, Options{}).Flush
	}
	// A session updates stories when it ends.
	if err := flush(ctx); err != nil {
		t.Fatal(err)
	}
	if stale, err := s.StaleStories(ctx, 0, 100); err != nil || len(stale) > 0 {
		t.Errorf("stale stories after the end of a session: %v %v", stale, err)
	}
}

func open(t *testing.T) *archive.Store {
	s, err := archive.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// summary describes links and stories in a stable form.
func summary(t *testing.T, s *archive.Store) string {
	ctx := context.Background()
	links, err := s.AllLinks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, l := range links {
		a, b := l.From, l.To
		if a > b {
			a, b = b, a
		}
		parts = append(parts, fmt.Sprintf("%s:%d-%d", l.Kind, a, b))
	}
	sort.Strings(parts)
	sts, err := s.Stories(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range sts {
		var ids []int64
		for _, m := range st.Articles {
			ids = append(ids, m.Article)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		parts = append(parts, fmt.Sprintf("story%v:%s", ids, st.OriginAgency))
	}
	return strings.Join(parts, " ")
}

func TestLinkSeeds(t *testing.T) {
	// The Epoch Times (5) translates the AFP dispatch that DNA (1) and The
	// Times of Israel (2) carry; since translations must carry each
	// sentence's names both ways (5dd51ee), only the DNA pair is linked
	// as one, and 5 still joins the AFP story through it.
	want := "reuse:1-2 translation:1-5 story[1 2 5]:AFP story[3]:IANS story[4]:Sputnik"
	for _, mode := range []string{"batch", "one by one", "session", "batches", "interrupted"} {
		t.Run(mode, func(t *testing.T) {
			s := open(t)
			seeds(t, s, mode)
			if got := summary(t, s); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
			st, err := New(s, Options{}).Relink(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != 5 || st.Links != 2 || st.Stories != 1 {
				t.Errorf("relink: got %+v", st)
			}
			if got := summary(t, s); got != want {
				t.Errorf("after relink: got  %s\nwant %s", got, want)
			}
		})
	}
}

// TestRelinkProgress checks what a relink reports (each phase once, in
// order, its last report with every article done) and that its stories,
// computed from the stored links chunk by chunk, are the import's, with
// none left stale.
func TestRelinkProgress(t *testing.T) {
	s := open(t)
	seeds(t, s, "batch")
	want := summary(t, s)
	type report struct {
		phase       string
		done, total int
	}
	var got []report
	st, err := New(s, Options{Progress: func(phase string, done, total int) {
		got = append(got, report{phase, done, total})
	}}).Relink(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 5 || st.Links != 2 || st.Stories != 1 {
		t.Errorf("relink: got %+v", st)
	}
	last := map[string]report{}
	var order []string
	for _, r := range got {
		if len(order) == 0 || order[len(order)-1] != r.phase {
			order = append(order, r.phase)
		}
		last[r.phase] = r
	}
	if fmt.Sprint(order) != "[fingerprints links stories]" {
		t.Errorf("phases %v, want fingerprints, links, stories once each in that order", order)
	}
	for _, p := range order {
		if r := last[p]; r.done != 5 || r.total != 5 {
			t.Errorf("last report of %s: %+v, want 5 of 5", p, r)
		}
	}
	if got := summary(t, s); got != want {
		t.Errorf("after relink: got  %s\nwant %s", got, want)
	}
	if stale, err := s.StaleStories(context.Background(), 0, 100); err != nil || len(stale) > 0 {
		t.Errorf("stale stories after a relink: %v %v", stale, err)
	}
}
