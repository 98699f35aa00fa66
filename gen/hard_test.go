package gen

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestHardCases counts each hard case of a small corpus and checks its
// ground truth.
func TestHardCases(t *testing.T) {
	const n = 3000
	cfg := Config{Articles: n, Seed: 4, Hard: 0.3}
	if corpusHash(t, New(cfg)) != corpusHash(t, New(cfg)) {
		t.Fatal("hard corpus not deterministic")
	}
	g := New(cfg)
	var truth []Truth
	texts := map[int64]string{}
	titles := map[int64]string{}
	for a, tr := range g.All() {
		truth = append(truth, tr)
		texts[a.ID], titles[a.ID] = a.Text, a.Title
	}
	byStory := map[int64][]*Truth{}
	count := map[string]int{}
	for i := range truth {
		tr := &truth[i]
		if tr.Hard != "" {
			count[tr.Hard]++
		}
		if tr.Kind != KindEvent && tr.Kind != KindStandalone && tr.Kind != KindMerge { // a merge is not made hard
			byStory[tr.Story] = append(byStory[tr.Story], tr)
		}
		switch tr.Kind {
		case KindDispatch, KindEvent, KindStandalone:
			if tr.DerivedFrom != nil {
				t.Errorf("%d (%s) derives from %+v", tr.ID, tr.Kind, *tr.DerivedFrom)
			}
		default:
			if tr.DerivedFrom == nil {
				t.Errorf("%d (%s) has no parent", tr.ID, tr.Kind)
			}
		}
	}
	stories := map[string]int{}
	early := 0 // copies imported before their dispatch
	for id, members := range byStory {
		h := members[0].Hard
		for _, m := range members {
			if m.Hard != h {
				t.Fatalf("story %d: hard cases %q and %q", id, h, m.Hard)
			}
			if id > 0 && m.ID < id {
				early++
			}
		}
		if h == "" {
			continue
		}
		stories[h]++
		copies := slices.DeleteFunc(slices.Clone(members), func(m *Truth) bool { return m.Kind == KindDispatch })
		switch h {
		case HardUndated:
			for _, c := range copies {
				if !c.Published.IsZero() {
					t.Errorf("undated story %d: copy %d dated %v", id, c.ID, c.Published)
				}
			}
		case HardDateOnly:
			day := members[0].Published.Truncate(24 * time.Hour)
			for _, m := range members {
				if m.DatePrecision != "day" || !m.Published.Equal(day) {
					t.Errorf("date-only story %d: %d stamped %v (%q), want %v", id, m.ID, m.Published, m.DatePrecision, day)
				}
			}
		case HardWrongDate:
			var wrong []*Truth
			for _, m := range members {
				if m.DateWrong {
					wrong = append(wrong, m)
				}
			}
			if len(wrong) != 1 {
				t.Errorf("wrong-date story %d: %d wrong dates", id, len(wrong))
				continue
			}
			d := &truth[id-1]
			w := wrong[0]
			if w.ID == id {
				for _, c := range copies {
					if !c.Published.IsZero() && !c.Published.Before(d.Published) {
						t.Errorf("story %d: copy %d (%v) not before its late-stamped dispatch (%v)", id, c.ID, c.Published, d.Published)
					}
				}
			} else if !d.Published.IsZero() && !w.Published.Before(d.Published.Add(-24*time.Hour)) {
				t.Errorf("story %d: wrong-dated copy %d (%v) not days before the dispatch (%v)", id, w.ID, w.Published, d.Published)
			}
		case HardUnseen:
			if id >= 0 || len(members) < 2 {
				t.Errorf("unseen story %d with %d members", id, len(members))
			}
			credited := 0
			for _, m := range members {
				if m.Kind == KindDispatch || len(m.From) != 0 || m.DerivedFrom == nil || m.DerivedFrom.Agency != m.Supplier {
					t.Errorf("unseen story %d: %d (%s) from %v parent %+v", id, m.ID, m.Kind, m.From, m.DerivedFrom)
				}
				if m.Credited {
					credited++
				}
			}
			if credited < len(members)-1 {
				t.Errorf("unseen story %d: %d of %d credit the agency", id, credited, len(members))
			}
			for _, a := range members {
				for _, b := range members {
					if r := Relate(truth, a.ID, b.ID); a != b && (!r.Share || r.Orig != 0 || !r.Unseen) {
						t.Errorf("siblings %d, %d: %+v", a.ID, b.ID, r)
					}
				}
			}
		case HardCopyOfCopy:
			via := 0
			for _, c := range copies {
				if !slices.Contains(c.Edits, EditViaCopy) {
					continue
				}
				via++
				p := &truth[c.DerivedFrom.Article-1]
				if p.Kind != KindCopy || p.Story != id || !slices.Contains(p.Edits, EditLocal) || titles[c.ID] != titles[p.ID] {
					t.Errorf("copy of copy %d: parent %d (%s, story %d, edits %v)", c.ID, p.ID, p.Kind, p.Story, p.Edits)
				}
				// It carries the parent's own paragraph, which the dispatch lacks.
				own := false
				for _, para := range strings.Split(texts[p.ID], "\n\n") {
					if !strings.Contains(texts[id], para) && strings.Contains(texts[c.ID], para) && len(para) > 40 {
						own = true
					}
				}
				if !own {
					t.Errorf("copy of copy %d carries none of %d's own paragraphs", c.ID, p.ID)
				}
				if r := Relate(truth, p.ID, c.ID); r.Orig != p.ID {
					t.Errorf("relate(%d, %d) = %+v, want %d the original", p.ID, c.ID, r, p.ID)
				}
				if r := Relate(truth, id, c.ID); r.Orig != id {
					t.Errorf("relate(%d, %d) = %+v, want the dispatch the original", id, c.ID, r)
				}
			}
			if via != 1 {
				t.Errorf("copy-of-copy story %d: %d copies of copies", id, via)
			}
		}
	}
	t.Logf("hard articles %v, stories %v, %d copies imported before their dispatch", count, stories, early)
	for _, h := range HardCases {
		if stories[h] < 10 {
			t.Errorf("%d stories %s, want 10 or more", stories[h], h)
		}
	}
	if early == 0 {
		t.Error("every copy imported after its dispatch")
	}
}

// TestHardOff checks that without Config.Hard no article is a hard case.
func TestHardOff(t *testing.T) {
	for _, tr := range New(Config{Articles: 2000, Seed: 4}).All() {
		if tr.Hard != "" || tr.DateWrong || tr.DatePrecision != "" || tr.Story < 0 {
			t.Fatalf("%d: hard %q, date wrong %v, precision %q, story %d", tr.ID, tr.Hard, tr.DateWrong, tr.DatePrecision, tr.Story)
		}
	}
}
