package gui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/archive"
)

// render shows spans with the marked ones in [brackets].
func render(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.marked {
			b.WriteString("[" + s.text + "]")
		} else {
			b.WriteString(s.text)
		}
	}
	return b.String()
}

func TestParseMarks(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"none", "plain text", "plain text"},
		{"two", "a <mark>b</mark> c <mark>d</mark>", "a [b] c [d]"},
		{"unclosed", "a <mark>b c", "a [b c]"},
		{"stray end", "a</mark> b", "a</mark> b"},
		{"empty mark", "a<mark></mark>b", "ab"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(parseMarks(tc.in)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQueryTermsAndHighlight(t *testing.T) {
	for _, tc := range []struct{ name, query, text, want string }{
		{"accents", "tokaiev", "M. Tokaïev s’est rendu", "M. [Tokaïev] s’est rendu"},
		{"prefix", "restor*", "restored and restoration, not store", "[restored] and [restoration], not store"},
		{"operators dropped", "police AND NOT army OR fire", "police army fire", "[police] army [fire]"},
		{"negated word", "police -army", "police army", "[police] army"},
		{"phrase", `"prime minister"`, "the Prime Minister said", "the [Prime] [Minister] said"},
		{"junk", `AND "((`, "and so", "and so"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(highlight(tc.text, queryTerms(tc.query))); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSharedMarksCommonRuns(t *testing.T) {
	a := "President Tokayev visited Almaty on Wednesday for the first time since clashes"
	b := "Tokayev, the president, visited Almaty on Wednesday after the clashes"
	got := render(shared(a, b, 3))
	// Runs are of the common subsequence, contiguous in a.
	if want := "President [Tokayev visited Almaty on Wednesday] for the first time since clashes"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := render(shared("", b, 3)); got != "" {
		t.Errorf("empty: got %q", got)
	}
}

func TestFillBuckets(t *testing.T) {
	days, starts := fillDays([]archive.FacetCount{{Value: "2022-01-09", Count: 1}, {Value: "2022-01-12", Count: 2}, {Value: "junk", Count: 9}})
	var got []string
	for _, d := range days {
		got = append(got, fmt.Sprintf("%s:%d", d.Value, d.Count))
	}
	if want := "2022-01-09:1 2022-01-10:0 2022-01-11:0 2022-01-12:2"; strings.Join(got, " ") != want {
		t.Errorf("days: got %v, want %s", got, want)
	}
	if len(starts) != 4 || starts[3].Format("2006-01-02") != "2022-01-12" {
		t.Errorf("starts: %v", starts)
	}
	months, _ := fillMonths([]archive.FacetCount{{Value: "2021-11", Count: 3}, {Value: "2022-02", Count: 1}})
	if len(months) != 4 || months[1].Value != "2021-12" || months[3].Count != 1 {
		t.Errorf("months: %v", months)
	}
	if d, s := fillDays(nil); d != nil || s != nil {
		t.Errorf("no days: %v %v", d, s)
	}
}
