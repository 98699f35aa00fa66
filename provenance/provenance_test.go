package provenance

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
)

func findLink(links []wiretrace.Link, a, b int64, kind string) *wiretrace.Link {
	for i, l := range links {
		if l.Kind == kind && (l.From == a && l.To == b || l.From == b && l.To == a) {
			return &links[i]
		}
	}
	return nil
}

func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	links := linkAll(t, docs)

	reuse := findLink(links, 1, 2, wiretrace.LinkReuse)
	if reuse == nil {
		t.Fatalf("no reuse link 000-001 in %+v", links)
	}
	share000 := reuse.Reused
	if reuse.From != 1 {
		share000 = reuse.ReusedOfCopy
	}
	if share000 < 0.6 {
		t.Errorf("reuse 000-001: share of 000 reused %.2f, want >= 0.6", share000)
	}
	if len(reuse.Evidence) < 3 {
		t.Errorf("reuse 000-001: %d evidence passages, want >= 3", len(reuse.Evidence))
	}
	if !reuse.Changes.NewHeadline || !reuse.Changes.Credited {
		t.Errorf("reuse 000-001 changes: got %+v, want new headline and credited", reuse.Changes)
	}

	var tr []wiretrace.Link
	for _, l := range links {
		if l.Kind == wiretrace.LinkTranslation {
			tr = append(tr, l)
		}
		if l.From == 3 || l.To == 3 || l.From == 4 || l.To == 4 {
			t.Errorf("spurious link with 002/003: %d -> %d %s", l.From, l.To, l.Kind)
		}
	}
	if len(tr) == 0 {
		t.Fatal("no translation link to 004")
	}
	for _, l := range tr {
		if l.To != 5 || l.From != 1 && l.From != 2 {
			t.Errorf("translation %d -> %d, want 000 or 001 -> 004", l.From, l.To)
		}
		if len(l.Evidence) < 3 {
			t.Errorf("translation %d -> %d: %d sentence pairs, want >= 3", l.From, l.To, len(l.Evidence))
		}
		if l.Changes.Credited {
			t.Errorf("translation %d -> %d: 004 credits nobody, got credited", l.From, l.To)
		}
	}
	ok := false
	for _, e := range tr[0].Evidence {
		if strings.Contains(e.FromText, "2,000") && strings.Contains(e.ToText, "2.000") {
			ok = true
		}
	}
	if !ok {
		t.Errorf("translation evidence lacks the 2,000 / 2.000 sentence pair: %+v", tr[0].Evidence)
	}

	stories := Stories(docs, wiretrace.Ends(links))
	if len(stories) != 3 {
		t.Fatalf("got %d stories, want 3: %+v", len(stories), stories)
	}
	want := []struct {
		ids    []int64
		agency string
	}{{[]int64{1, 2, 5}, "AFP"}, {[]int64{3}, "IANS"}, {[]int64{4}, "Sputnik"}}
	for i, w := range want {
		st := stories[i]
		var got []int64
		for _, m := range st.Articles {
			got = append(got, m.Article)
		}
		if fmt.Sprint(sorted(got)) != fmt.Sprint(w.ids) || st.OriginAgency != w.agency {
			t.Errorf("story %d: got articles %v origin %q, want %v %q", i, got, st.OriginAgency, w.ids, w.agency)
		}
	}
}

func sorted(ids []int64) []int64 {
	out := append([]int64(nil), ids...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// base is an original dispatch for the synthetic edits.
func base(t *testing.T) Doc {
	d := seedDocs(t)[1]
	d.ID, d.Source, d.Credits = 1, "Agency Wire", nil
	d.Published = time.Date(2022, 1, 12, 8, 0, 0, 0, time.UTC)
	return d
}

func paras(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

func TestSyntheticEdits(t *testing.T) {
	orig := base(t)
	ps := paras(orig.Text)
	other := seedDocs(t)[3] // Sputnik: same event, other text
	tests := []struct {
		name     string
		edit     func(d *Doc)
		wantLink bool
		check    func(t *testing.T, l wiretrace.Link)
	}{
		{"verbatim", func(d *Doc) {}, true, nil},
		{"trimmed", func(d *Doc) { d.Text = strings.Join(ps[:len(ps)/3], "\n\n") }, true, func(t *testing.T, l wiretrace.Link) {
			if l.From != 1 || len(l.Changes.Cut) == 0 {
				t.Errorf("trimmed copy: from %d, cut %d paragraphs; want from 1 and cuts", l.From, len(l.Changes.Cut))
			}
		}},
		{"reordered", func(d *Doc) {
			r := append([]string(nil), ps...)
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
			d.Text = strings.Join(r, "\n\n")
		}, true, func(t *testing.T, l wiretrace.Link) {
			if l.Reused < 0.9 {
				t.Errorf("reordered copy: reused %.2f, want >= 0.9", l.Reused)
			}
		}},
		{"re-headlined and local context", func(d *Doc) {
			d.Title = "Our city's sister town Almaty to be rebuilt, says president"
			d.Text = "Local reaction: residents of our town with family in Almaty expressed relief on Thursday at the news.\n\n" + d.Text
		}, true, func(t *testing.T, l wiretrace.Link) {
			if !l.Changes.NewHeadline || len(l.Changes.Added) == 0 {
				t.Errorf("changes: got %+v, want new headline and an added paragraph", l.Changes)
			}
		}},
		{"British spelling and figures", func(d *Doc) {
			d.Text = strings.NewReplacer("organized", "organised", "stabilizing", "stabilising", "2,000", "3,000", "organization", "organisation").Replace(d.Text)
		}, true, func(t *testing.T, l wiretrace.Link) {
			if l.Reused < 0.9 {
				t.Errorf("respelled copy: reused %.2f, want >= 0.9", l.Reused)
			}
			found := false
			for _, a := range l.Changes.Altered {
				if strings.Contains(a, "2,000") && strings.Contains(a, "3,000") {
					found = true
				}
			}
			if !found {
				t.Errorf("altered figures: got %q, want 2,000 → 3,000", l.Changes.Altered)
			}
		}},
		{"same event other text", func(d *Doc) { d.Title, d.Text = other.Title, other.Text }, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cp := orig
			cp.ID, cp.Source = 2, "Some Daily"
			cp.Published = orig.Published.Add(3 * time.Hour)
			tt.edit(&cp)
			idx := NewMemIndex()
			idx.Add(orig)
			idx.Add(cp)
			links, err := LinkArticle(context.Background(), idx, cp)
			if err != nil {
				t.Fatal(err)
			}
			l := findLink(links, 1, 2, wiretrace.LinkReuse)
			if (l != nil) != tt.wantLink {
				t.Fatalf("got link %v, want %v (%+v)", l != nil, tt.wantLink, links)
			}
			if l == nil {
				return
			}
			if l.From != 1 || l.DirectionConfidence < 0.6 {
				t.Errorf("direction: got %d -> %d (%.2f, %s), want 1 -> 2", l.From, l.To, l.DirectionConfidence, l.DirectionReason)
			}
			if tt.check != nil {
				tt.check(t, *l)
			}
		})
	}
}

func TestBoilerplateIsNotProvenance(t *testing.T) {
	footer := "Dear Reader, Business Standard has always strived hard to provide up-to-date information and commentary on developments that are of interest to you and have wider political and economic implications for the country and the world. Support quality journalism and subscribe to Business Standard."
	bodies := []string{
		"The central bank raised interest rates by a quarter point on Tuesday, citing persistent inflation in food and fuel prices across the country.",
		"Heavy rain flooded parts of the coastal city overnight, cutting power to thousands of homes and closing schools for a second day.",
		"The cricket board named a new captain for the test series after the previous skipper stepped down citing personal reasons.",
		"Shares of the largest carmaker fell sharply after it reported lower quarterly profits and warned about chip shortages.",
		"The health ministry reported a rise in dengue cases and urged residents to remove standing water around their homes.",
	}
	idx := NewMemIndex()
	l := &Linker{Index: idx, OutletDF: 3}
	for i, b := range bodies {
		d := Doc{ID: int64(i + 1), Source: "Business Standard", Language: "en", Title: fmt.Sprint("Story ", i), Text: b + "\n\n" + footer}
		idx.Add(d)
		links, err := l.Link(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		if i >= 2 && len(links) > 0 {
			t.Errorf("article %d: linked by the outlet footer: %+v", i+1, links)
		}
	}
	// The same footer in other outlets is common overall.
	idx2 := NewMemIndex()
	l2 := &Linker{Index: idx2, MaxDF: 3}
	for i, b := range bodies {
		d := Doc{ID: int64(i + 1), Source: fmt.Sprint("Outlet ", i), Language: "en", Text: b + "\n\n" + footer}
		idx2.Add(d)
		links, err := l2.Link(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		if i >= 3 && len(links) > 0 {
			t.Errorf("article %d: linked by a common footer: %+v", i+1, links)
		}
	}
}

func TestNormalisation(t *testing.T) {
	norm := func(s string) string {
		var out []string
		for _, t := range tokenize(s) {
			out = append(out, t.norm)
		}
		return strings.Join(out, " ")
	}
	tests := []struct{ a, b string }{
		{"more than 2,000 troops", "more than 2.000 troops"},
		{"more than 2 000 troops", "more than 2000 troops"},
		{"the organised withdrawal", "the organized withdrawal"},
		{"stabilising the situation", "stabilizing the situation"},
		{"Tokaïev", "tokaiev"},
		{"the colour of the centre", "the color of the center"},
		{"2,5 percent", "2.5 percent"},
	}
	for _, tt := range tests {
		if norm(tt.a) != norm(tt.b) {
			t.Errorf("%q -> %q, %q -> %q: want equal", tt.a, norm(tt.a), tt.b, norm(tt.b))
		}
	}
	for _, names := range [][]string{{"Tokayev", "Tokaïev", "Токаев", "Tokajew"}, {"Almaty", "Алматы"}, {"Moscow", "Moscou"}} {
		for _, n := range names[1:] {
			if skeleton(n) != skeleton(names[0]) {
				t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q: want equal", n, skeleton(n), names[0], skeleton(names[0]))
			}
		}
	}
}

func TestFingerprints(t *testing.T) {
	d := seedDocs(t)[0]
	a, b := Fingerprints(d.Title, d.Text), Fingerprints(d.Title, d.Text)
	if fmt.Sprint(a) != fmt.Sprint(b) || len(a) == 0 {
		t.Fatalf("fingerprints not deterministic or empty")
	}
	reuse := 0
	for i, fp := range a {
		if fp >= 1<<47 || i > 0 && fp <= a[i-1] {
			t.Fatalf("fingerprint %d out of range or order", fp)
		}
		if !IsAnchorKey(fp) {
			reuse++
		}
	}
	words := len(tokenize(d.Text))
	if reuse > words/3 || reuse < words/10 {
		t.Errorf("%d reuse fingerprints for %d words, want about 18%%", reuse, words)
	}
	if len(Fingerprints("", "")) != 0 || len(Fingerprints("", "a b")) != 0 {
		t.Error("fingerprints of an empty text")
	}
}

func TestDirection(t *testing.T) {
	day := time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC)
	afp := []wiretrace.Credit{{Agency: "AFP", Role: wiretrace.RoleSupplier}}
	tests := []struct {
		name    string
		a, b    Doc
		shA     float64
		shB     float64
		wantA   bool
		minConf float64
	}{
		{"agency outlet", Doc{ID: 2, Source: "Reuters"}, Doc{ID: 1, Source: "X", Credits: []wiretrace.Credit{{Agency: "Reuters", Role: wiretrace.RoleSupplier}}}, 0.5, 0.5, true, 0.9},
		{"earlier", Doc{ID: 2, Published: day}, Doc{ID: 1, Published: day.Add(48 * time.Hour)}, 0.5, 0.5, true, 0.8},
		// Hints orient an undirected link, and claim nothing.
		{"trimmed copy", Doc{ID: 2}, Doc{ID: 1}, 0.4, 0.95, true, 0.5},
		{"credits vs none", Doc{ID: 2}, Doc{ID: 1, Credits: afp}, 0.5, 0.5, false, 0.5},
		{"nothing", Doc{ID: 1}, Doc{ID: 2}, 0.5, 0.5, true, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf, reason := Direction(tt.a, tt.b, wiretrace.LinkReuse, tt.shA, tt.shB)
			if got != tt.wantA || conf < tt.minConf {
				t.Errorf("got %v %.2f (%s), want %v >= %.2f", got, conf, reason, tt.wantA, tt.minConf)
			}
		})
	}
}

func FuzzLink(f *testing.F) {
	f.Add("Title", "Some text (AFP) - with 2,000 words. «Quote» Tokaïev.", "Other text with 2.000 words")
	f.Fuzz(func(t *testing.T, title, a, b string) {
		idx := NewMemIndex()
		idx.Add(Doc{ID: 1, Title: title, Text: a, Language: "en"})
		d := Doc{ID: 2, Title: title, Text: b, Language: "fr"}
		idx.Add(d)
		if _, err := LinkArticle(context.Background(), idx, d); err != nil {
			t.Fatal(err)
		}
		Stories(idx.Docs(), nil)
	})
}

func TestSharedQuotesAreNotReuse(t *testing.T) {
	q1 := "“The task now is to rebuild the city in the shortest possible time, and I have no doubt the city will be restored to its former glory,”"
	q2 := "“Without a doubt, it was of great psychological importance in repelling the aggression of terrorists and bandits, and the mission can be considered very successful,”"
	a := Doc{ID: 1, Source: "Reuters", Language: "en", Title: "Kazakh president visits Almaty",
		Text: "ALMATY (Reuters) - Kazakhstan's president toured the battered commercial capital on Wednesday.\n\n" + q1 +
			" Tokayev told officials at a meeting broadcast on state television.\n\nHe thanked the Russian-led alliance. " + q2 +
			" he said, adding that troops would start leaving on Thursday.\n\nShops reopened across the city."}
	b := Doc{ID: 2, Source: "AP", Language: "en", Title: "Tokayev vows to restore Almaty",
		Text: "ALMATY, Kazakhstan (AP) — The leader of Kazakhstan went to Almaty for the first time since the unrest.\n\n" + q1 +
			" the president said during a government session.\n\nSpeaking of the foreign troops, he said: " + q2 +
			"\n\nThe airport is due to reopen for flights later this week, officials said."}
	idx := NewMemIndex()
	idx.Add(a)
	idx.Add(b)
	al := alignReuse(tokenize(a.Text), tokenize(b.Text), nil)
	if al.coveredA < 40 {
		t.Fatalf("the quotations should align: covered %d", al.coveredA)
	}
	links, err := LinkArticle(context.Background(), idx, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(links) > 0 {
		t.Errorf("same quotations in two reports linked: %+v", links)
	}
}

func TestCalendarAnchors(t *testing.T) {
	keys := func(s string) string {
		var out []string
		for _, as := range sentenceAnchors(s, []span{{0, len(s)}}) {
			for _, a := range as {
				if strings.HasPrefix(a.key, "%") {
					out = append(out, a.key)
				}
			}
		}
		return strings.Join(out, " ")
	}
	tests := []struct{ a, b string }{
		{"He came on Wednesday, 12 January.", "Il est venu mercredi 12 janvier."},
		{"Flights resume on Thursday.", "Вылеты возобновятся в четверг."},
		{"It happened in May.", "Ocurrió en mayo."},
	}
	for _, tt := range tests {
		if ka, kb := keys(tt.a), keys(tt.b); ka == "" || ka != kb {
			t.Errorf("%q -> %q, %q -> %q: want equal and not empty", tt.a, ka, tt.b, kb)
		}
	}
	if k := keys("Prices may rise by the sea (el mar)."); k != "" {
		t.Errorf("common words taken for dates: %q", k)
	}
}

func TestChineseReuse(t *testing.T) {
	orig := "新华社阿拉木图1月12日电 哈萨克斯坦总统托卡耶夫12日抵达阿拉木图，与反恐行动指挥部成员以及在骚乱中牺牲的警察和军人家属会面。托卡耶夫还前往医院看望了在骚乱中受伤的民众。总统新闻秘书乌阿利当天表示，总统目前仍在阿拉木图。\n\n哈萨克斯坦西南部城市扎瑙津和阿克套上周因燃料价格上涨爆发抗议，随后蔓延至阿拉木图等城市并演变为暴力事件。"
	cp := "哈萨克斯坦总统托卡耶夫12日抵达阿拉木图，与反恐行动指挥部成员以及在骚乱中牺牲的警察和军人家属会面。托卡耶夫还前往医院看望了在骚乱中受伤的民众。\n\n（来源：新华社）"
	other := "哈萨克斯坦政府12日宣布，阿拉木图机场将于本周四恢复国内和国际航班。当地商店和餐馆陆续重新营业，城市生活逐步恢复正常。"
	idx := NewMemIndex()
	idx.Add(Doc{ID: 1, Source: "新华网", Language: "zh", Text: orig})
	idx.Add(Doc{ID: 2, Source: "Other", Language: "zh", Text: other})
	d := Doc{ID: 3, Source: "某报", Language: "zh", Text: cp}
	idx.Add(d)
	links, err := LinkArticle(context.Background(), idx, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[0].From != 1 || links[0].Kind != wiretrace.LinkReuse {
		t.Errorf("got %+v, want one reuse link from 1", links)
	}
}
