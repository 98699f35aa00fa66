package provenance

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
)

func TestDatelineDay(t *testing.T) {
	tests := []struct {
		text  string
		month time.Month
		day   int
		ok    bool
	}{
		{"TRIPOLI, Sept 14 (Kyodo) -- The", 9, 14, true},
		{"Riyadh, Feb 8 (IANS) The European Union", 2, 8, true},
		{"Abidjan, 28 oct (EFE).- Líder", 10, 28, true},
		{"МОСКВА, 3 марта. /ТАСС/. Текст", 3, 3, true},
		{"PARIS, 3 mars (AFP) - Texte", 3, 3, true},
		{"新华社北京3月5日电 文本", 3, 5, true},
		{"TEGUCIGALPA (AFP) - Leader", 0, 0, false},                 // no date
		{"Leader Luis Umikh announced, 3 killed (AP)", 0, 0, false}, // not a month
		{"LONDON, March 42 (Reuters) -", 0, 0, false},
		{"The minister said on Wednesday, May 3, that", 0, 0, false}, // not at the start
	}
	for _, tt := range tests {
		m, d, ok := datelineDay(tt.text)
		if ok != tt.ok || ok && (m != tt.month || d != tt.day) {
			t.Errorf("datelineDay(%q) = %v %d %v, want %v %d %v", tt.text, m, d, ok, tt.month, tt.day, tt.ok)
		}
	}
}

func TestDatelineDoubt(t *testing.T) {
	at := func(s string) time.Time { tm, _ := time.Parse("2006-01-02 15:04", s); return tm }
	tests := []struct {
		name   string
		d      Doc
		doubts bool
	}{
		{"copy dated before its dateline", Doc{Source: "Daily Mail", Published: at("2023-02-14 22:35"), Text: "DUBLIN, Feb 26 (Reuters) -- Text."}, true},
		{"copy on its dateline's day", Doc{Source: "Daily Mail", Published: at("2023-02-26 22:35"), Text: "DUBLIN, Feb 26 (Reuters) -- Text."}, false},
		{"a day off (time zones)", Doc{Source: "Daily Mail", Published: at("2023-02-25 22:35"), Text: "DUBLIN, Feb 26 (Reuters) -- Text."}, false},
		{"copy days after its dateline", Doc{Source: "Daily Mail", Published: at("2023-03-02 10:00"), Text: "DUBLIN, Feb 26 (Reuters) -- Text."}, false},
		{"agency's own article days after", Doc{Source: "Reuters", Published: at("2023-03-02 10:00"), Text: "DUBLIN, Feb 26 (Reuters) -- Text."}, true},
		{"across the new year", Doc{Source: "Reuters", Published: at("2024-01-01 01:00"), Text: "DUBLIN, Dec 31 (Reuters) -- Text."}, false},
		{"undated", Doc{Source: "Reuters", Text: "DUBLIN, Dec 31 (Reuters) -- Text."}, false},
		{"no dateline", Doc{Source: "Reuters", Published: at("2024-05-01 01:00"), Text: "DUBLIN (Reuters) - Text."}, false},
	}
	for _, tt := range tests {
		if got := datelineDoubt(tt.d) != ""; got != tt.doubts {
			t.Errorf("%s: doubtful %v (%q), want %v", tt.name, got, datelineDoubt(tt.d), tt.doubts)
		}
	}
}

func TestStoryDoubts(t *testing.T) {
	day := time.Date(2018, 6, 4, 12, 0, 0, 0, time.UTC)
	d := func(id int64, off time.Duration) Doc {
		return Doc{ID: id, Source: "X", Published: day.Add(off)}
	}
	tests := []struct {
		name string
		docs []Doc
		want []int64
	}{
		{"one a month away", []Doc{d(1, 0), d(2, 5*time.Hour), d(3, 29*24*time.Hour), d(4, 20*time.Hour)}, []int64{3}},
		{"a translation four days on", []Doc{d(1, 0), d(2, 5*time.Hour), d(3, 4*24*time.Hour)}, nil},
		{"only two dated", []Doc{d(1, 0), d(2, 29*24*time.Hour), {ID: 3}}, nil},
		{"all spread out", []Doc{d(1, 0), d(2, 10*24*time.Hour), d(3, 20*24*time.Hour)}, []int64{1, 2, 3}},
	}
	for _, tt := range tests {
		var got []int64
		for id := range storyDoubts(tt.docs) {
			got = append(got, id)
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: doubtful %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDoubtfulDatesDoNotVote(t *testing.T) {
	day := time.Date(2020, 9, 9, 10, 20, 0, 0, time.UTC)
	sup := []wiretrace.Credit{{Agency: "AFP", Role: wiretrace.RoleSupplier}}
	tests := []struct {
		name     string
		a, b     Doc
		kind     string
		pc       pairContext
		directed bool
		wantA    bool
		reason   string
	}{
		{"copy a month before the agency's article", Doc{ID: 1, Source: "Business Standard", Published: day},
			Doc{ID: 2, Source: "AFP", Published: day.AddDate(0, 1, 0)}, wiretrace.LinkReuse, pairContext{}, false, false, "one is wrong"},
		{"credit still directs", Doc{ID: 1, Source: "Business Standard", Published: day, Credits: sup},
			Doc{ID: 2, Source: "AFP", Published: day.AddDate(0, 1, 0)}, wiretrace.LinkReuse, pairContext{}, true, false, ""},
		{"uncredited copies a day apart", Doc{ID: 1, Source: "X", Published: day},
			Doc{ID: 2, Source: "AFP", Published: day.Add(30 * time.Hour)}, wiretrace.LinkReuse, pairContext{}, true, true, ""},
		{"not a wire story", Doc{ID: 1, Source: "X", Published: day},
			Doc{ID: 2, Source: "Y", Published: day.AddDate(0, 0, 5)}, wiretrace.LinkReuse, pairContext{}, true, true, ""},
		{"translation days later is fine", Doc{ID: 1, Source: "AFP", Published: day},
			Doc{ID: 2, Source: "Le Monde", Published: day.AddDate(0, 0, 4)}, wiretrace.LinkTranslation, pairContext{}, true, true, ""},
		{"doubtful by its story", Doc{ID: 1, Source: "X", Published: day},
			Doc{ID: 2, Source: "Y", Published: day.Add(5 * time.Hour)}, wiretrace.LinkReuse, pairContext{doubtA: "X's date is away"}, false, false, "dates not used"},
		{"doubtful by its dateline", Doc{ID: 1, Source: "X", Published: day, Text: "DUBLIN, Sept 20 (Reuters) -- T."},
			Doc{ID: 2, Source: "Y", Published: day.Add(5 * time.Hour)}, wiretrace.LinkReuse, pairContext{}, false, false, "before its dateline"},
	}
	for _, tt := range tests {
		v := directionOf(tt.a, tt.b, tt.kind, 0.9, 0.9, tt.pc)
		if v.Directed != tt.directed || v.Directed && v.AIsOrig != tt.wantA || !strings.Contains(v.Reason, tt.reason) {
			t.Errorf("%s: directed %v a-is-orig %v (%s), want %v %v %q", tt.name, v.Directed, v.AIsOrig, v.Reason, tt.directed, tt.wantA, tt.reason)
		}
	}
}
