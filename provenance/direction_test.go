package provenance

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
)

func TestDirectionOf(t *testing.T) {
	day := time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC)
	sup := func(a string) []wiretrace.Credit {
		return []wiretrace.Credit{{Agency: a, Role: wiretrace.RoleSupplier}}
	}
	tests := []struct {
		name       string
		a, b       Doc
		kind       string
		shA, shB   float64
		directed   bool
		wantA      bool     // when directed
		wantKinds  []string // when directed
		wantReason string   // a part of the reason, when not directed
	}{
		{"agency's own article", Doc{ID: 2, Source: "Reuters"}, Doc{ID: 1, Source: "Daily Mail", Credits: sup("Reuters")},
			wiretrace.LinkReuse, 0.5, 0.5, true, true, []string{EvidenceCredit}, ""},
		{"copy names the other outlet", Doc{ID: 1, Source: "The Times of Israel", Text: "A."},
			Doc{ID: 2, Source: "Daily Sabah", Text: "B.\n\nThis story first appeared in The Times of Israel."},
			wiretrace.LinkReuse, 0.5, 0.5, true, true, []string{EvidenceCredit}, ""},
		{"AFP siblings, same day, date-only and timed", Doc{ID: 1, Source: "DNA", Credits: sup("AFP"), Published: day},
			Doc{ID: 2, Source: "The Times of Israel", Credits: sup("AFP"), Published: day.Add(6*time.Hour + 54*time.Minute)},
			wiretrace.LinkReuse, 0.9, 0.6, false, false, nil, "both credit AFP"},
		{"AFP siblings days apart", Doc{ID: 1, Source: "DNA", Credits: sup("AFP"), Published: day},
			Doc{ID: 2, Source: "ToI", Credits: sup("AFP"), Published: day.Add(72 * time.Hour)},
			wiretrace.LinkReuse, 0.5, 0.5, false, false, nil, "both credit AFP"},
		{"same-day date-only stamps", Doc{ID: 1, Source: "X", Published: day}, Doc{ID: 2, Source: "Y", Published: day},
			wiretrace.LinkReuse, 0.5, 0.5, false, false, nil, "both share text"},
		{"date-only against a time on the same day", Doc{ID: 1, Source: "X", Published: day}, Doc{ID: 2, Source: "Y", Published: day.Add(7 * time.Hour)},
			wiretrace.LinkReuse, 0.5, 0.5, false, false, nil, "both share text"},
		{"date-only stamps a day apart", Doc{ID: 1, Source: "X", Published: day.Add(24 * time.Hour)}, Doc{ID: 2, Source: "Y", Published: day},
			wiretrace.LinkReuse, 0.5, 0.5, true, false, []string{EvidenceDates}, ""},
		{"times of day that differ", Doc{ID: 1, Source: "X", Published: day.Add(9 * time.Hour)}, Doc{ID: 2, Source: "Y", Published: day.Add(13 * time.Hour)},
			wiretrace.LinkReuse, 0.5, 0.5, true, true, []string{EvidenceDates}, ""},
		{"the later copy credits another supplier", Doc{ID: 1, Source: "Daily Record", Published: day.Add(18 * time.Hour)},
			Doc{ID: 2, Source: "Boston Register", Credits: sup("Xinhua"), Published: day.Add(19 * time.Hour)},
			wiretrace.LinkReuse, 0.5, 0.5, false, false, nil, "both share text"},
		{"the earlier copy credits another supplier", Doc{ID: 1, Source: "Boston Register", Credits: sup("Xinhua"), Published: day.Add(18 * time.Hour)},
			Doc{ID: 2, Source: "Daily Record", Published: day.Add(19 * time.Hour)},
			wiretrace.LinkReuse, 0.5, 0.5, false, false, nil, "both share text"},
		{"the agency's own article earlier", Doc{ID: 1, Source: "Xinhua", Credits: sup("Xinhua"), Published: day.Add(18 * time.Hour)},
			Doc{ID: 2, Source: "Daily Record", Published: day.Add(19 * time.Hour)},
			wiretrace.LinkReuse, 0.5, 0.5, true, true, []string{EvidenceDates}, ""},
		{"undated trimmed copy", Doc{ID: 1, Source: "X"}, Doc{ID: 2, Source: "Y"},
			wiretrace.LinkReuse, 0.4, 0.95, false, false, nil, "both share text"},
		{"undeclared undated translation", Doc{ID: 1, Source: "DNA", Credits: sup("AFP")}, Doc{ID: 2, Source: "The Epoch Times", Language: "fr"},
			wiretrace.LinkTranslation, 0.5, 0.5, false, false, nil, "translations of each other"},
		{"translation of the agency's own article", Doc{ID: 2, Source: "AFP"}, Doc{ID: 1, Source: "Le Monde"},
			wiretrace.LinkTranslation, 0.5, 0.5, true, true, []string{EvidenceTranslationOfOriginal}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := DirectionOf(tt.a, tt.b, tt.kind, tt.shA, tt.shB)
			if v.Directed != tt.directed {
				t.Fatalf("directed %v (%s), want %v", v.Directed, v.Reason, tt.directed)
			}
			if v.Kinds == nil {
				t.Errorf("Kinds is nil: JSON must write []")
			}
			if !tt.directed {
				if v.Conf != 0.5 || len(v.Kinds) != 0 || !strings.Contains(v.Reason, tt.wantReason) {
					t.Errorf("undirected: conf %.2f kinds %v reason %q, want 0.5, none, %q", v.Conf, v.Kinds, v.Reason, tt.wantReason)
				}
				return
			}
			if v.AIsOrig != tt.wantA || !slices.Equal(v.Kinds, tt.wantKinds) || v.Conf <= 0.5 {
				t.Errorf("got a-is-orig %v kinds %v conf %.2f (%s), want %v %v", v.AIsOrig, v.Kinds, v.Conf, v.Reason, tt.wantA, tt.wantKinds)
			}
		})
	}
}
