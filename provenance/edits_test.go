package provenance

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
)

func TestExclusives(t *testing.T) {
	disp := "The minister announced the new budget on Monday in the capital city.\n\n" +
		"Officials said the plan would cut spending on roads and schools by ten percent next year.\n\n" +
		"Opposition leaders called the proposal reckless and vowed to fight it in parliament this week."
	local := "Local farmers in our region told this newspaper they fear the cuts will close the only rural clinic nearby. " +
		"The clinic serves more than four thousand families across eleven villages and has no replacement planned by the district council."
	mk := func(id int64, title, text string) Doc { return Doc{ID: id, Source: "S", Title: title, Text: text} }
	parent := mk(2, "Farmers fear budget cuts", disp+"\n\n"+local)
	via := mk(3, "Farmers fear budget cuts", disp+"\n\n"+local)
	sib1 := mk(4, "Budget unveiled", disp)
	sib2 := mk(5, "Budget unveiled", disp)
	tests := []struct {
		name string
		d    Doc
		rel  []Doc
		want []bool
	}{
		{"a copy of a copy", via, []Doc{parent, sib1, sib2}, []bool{true, false, false}},
		{"too few other relatives", via, []Doc{parent, sib1}, []bool{false, false}},
		{"siblings share the dispatch's title", sib2, []Doc{sib1, parent, via}, []bool{false, false, false}},
		{"same headline, no text of its own", mk(6, "Farmers fear budget cuts", disp), []Doc{parent, sib1, sib2}, []bool{false, false, false}},
	}
	for _, tt := range tests {
		x := newExclusives(tt.d, tokenize(tt.d.Text), tt.rel, nil, nil)
		var got []bool
		for i := range tt.rel {
			ok, _ := x.between(i)
			got = append(got, ok)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestEditsDirect(t *testing.T) {
	day := time.Date(2017, 12, 30, 14, 5, 0, 0, time.UTC)
	sup := []wiretrace.Credit{{Agency: "dpa", Role: wiretrace.RoleSupplier}}
	p := Doc{ID: 1, Source: "Münchner Morgenpost", Credits: sup, Published: day}
	c := Doc{ID: 2, Source: "Leipziger Echo", Credits: sup, Published: day.Add(7 * time.Hour)}
	ex := pairContext{exclusive: true, why: "the headline and text"}
	tests := []struct {
		name     string
		a, b     Doc
		shA, shB float64
		pc       pairContext
		directed bool
		wantA    bool
		kinds    []string
	}{
		{"siblings of dpa: no evidence", p, c, 0.8, 0.95, pairContext{}, false, false, nil},
		{"copy of a copy, dated", p, c, 0.8, 0.95, ex, true, true, []string{EvidenceDates, EvidenceEdits}},
		{"copy of a copy, undated", Doc{ID: 1, Source: "A", Credits: sup}, Doc{ID: 2, Source: "B", Credits: sup}, 0.8, 0.95, ex, true, true, []string{EvidenceEdits}},
		{"undated, neither contained", Doc{ID: 1, Source: "A", Credits: sup}, Doc{ID: 2, Source: "B", Credits: sup}, 0.9, 0.9, ex, false, false, nil},
	}
	for _, tt := range tests {
		v := directionOf(tt.a, tt.b, wiretrace.LinkReuse, tt.shA, tt.shB, tt.pc)
		if v.Directed != tt.directed || v.Directed && (v.AIsOrig != tt.wantA || !slices.Equal(v.Kinds, tt.kinds)) {
			t.Errorf("%s: directed %v a-is-orig %v kinds %v (%s)", tt.name, v.Directed, v.AIsOrig, v.Kinds, v.Reason)
		}
		if !tt.directed && tt.pc.exclusive && strings.Contains(v.Reason, "both credit") {
			t.Errorf("%s: reason %q calls them siblings", tt.name, v.Reason)
		}
	}
}
