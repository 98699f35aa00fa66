package textparse

import (
	"strings"
	"testing"
)

var agencyNames = map[string]bool{"ap": true, "afp": true, "reuters": true, "sputnik": true, "ians": true}

var withAgencies = Options{IsAgency: func(n string) bool { return agencyNames[strings.ToLower(n)] }}

func TestFirstLineDateline(t *testing.T) {
	const rest = "\n\nThe second paragraph says more.\n\nA third paragraph ends it."
	tests := []struct {
		name, in        string
		opts            Options
		title, dateline string
		credits         []string
		firstPara       string // prefix of the text's first paragraph
	}{
		{name: "AP place and state", in: "ERIE, Pa. (AP) — A man was charged Tuesday with setting fire to a church." + rest, opts: withAgencies,
			dateline: "ERIE, Pa.", credits: []string{"AP"}, firstPara: "ERIE, Pa. (AP) — A man"},
		{name: "Reuters bare", in: "(Reuters) - Oil prices rose on Monday as supply concerns outweighed demand." + rest, opts: withAgencies,
			credits: []string{"Reuters"}, firstPara: "(Reuters) - Oil prices"},
		{name: "Reuters with date", in: "MOSCOW, Jan 5 (Reuters) - Russia said on Thursday it would cut output." + rest, opts: withAgencies,
			dateline: "MOSCOW, Jan 5", credits: []string{"Reuters"}, firstPara: "MOSCOW, Jan 5 (Reuters) -"},
		{name: "AFP with month", in: "ALMATY, January 10 (AFP) - Kazakhstan's president said the unrest was an attempted coup." + rest, opts: withAgencies,
			dateline: "ALMATY, January 10", credits: []string{"AFP"}, firstPara: "ALMATY, January 10 (AFP)"},
		{name: "dateline alone on its line", in: "WASHINGTON (AP) —\n\nLawmakers voted on Monday." + rest, opts: withAgencies,
			dateline: "WASHINGTON", credits: []string{"AP"}, firstPara: "WASHINGTON (AP) —"},
		{name: "no agency table, paragraph", in: "ERIE, Pa. (AP) — A man was charged Tuesday with setting fire to a church in northwestern Pennsylvania." + rest,
			dateline: "ERIE, Pa.", credits: []string{"AP"}, firstPara: "ERIE, Pa. (AP)"},
		{name: "outlet and agency", in: "NUR-SULTAN (Pakistan Point News / Sputnik - 12th January, 2022) - Kazakh President Kassym-Jomart Tokayev arrived in Almaty." + rest, opts: withAgencies,
			dateline: "NUR-SULTAN", credits: []string{"Pakistan Point News", "Sputnik"}, firstPara: "NUR-SULTAN (Pakistan"},
		{name: "comma dateline paragraph", in: "Nur-Sultan, JAN 22: Kazakh President Kassym-Jomart Tokayev on Saturday vowed to rebuild the city of Almaty after the clashes." + rest, opts: withAgencies,
			dateline: "Nur-Sultan, JAN 22", firstPara: "Nur-Sultan, JAN 22: Kazakh"},

		// Headlines stay titles.
		{name: "headline mentions AP", in: "AP source: Yankees agree to deal with Cole" + rest, opts: withAgencies,
			title: "AP source: Yankees agree to deal with Cole", firstPara: "The second paragraph"},
		{name: "headline ends with agency", in: "Oil prices rise - Reuters" + rest, opts: withAgencies,
			title: "Oil prices rise - Reuters", firstPara: "The second paragraph"},
		{name: "headline with (VIDEO)", in: "BREAKING NEWS (VIDEO): Fire downtown" + rest, opts: withAgencies,
			title: "BREAKING NEWS (VIDEO): Fire downtown", firstPara: "The second paragraph"},
		{name: "headline bare parens", in: "(UPDATE) - Storm hits the coast" + rest, opts: withAgencies,
			title: "(UPDATE) - Storm hits the coast", firstPara: "The second paragraph"},
		{name: "headline comma dash", in: "Washington, Beijing — trade talks stall as tariffs rise once again" + rest, opts: withAgencies,
			title: "Washington, Beijing — trade talks stall as tariffs rise once again", firstPara: "The second paragraph"},
		{name: "headline AP in a word", in: "CAPE TOWN (APTN) - Storm hits" + rest, opts: withAgencies,
			title: "CAPE TOWN (APTN) - Storm hits", firstPara: "The second paragraph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ParseWith(tt.in, tt.opts)
			if p.Title != tt.title {
				t.Errorf("title = %q, want %q", p.Title, tt.title)
			}
			if p.Dateline != tt.dateline {
				t.Errorf("dateline = %q, want %q", p.Dateline, tt.dateline)
			}
			if strings.Join(p.DatelineCredits, "|") != strings.Join(tt.credits, "|") {
				t.Errorf("dateline credits = %q, want %q", p.DatelineCredits, tt.credits)
			}
			if !strings.HasPrefix(p.Text, tt.firstPara) {
				t.Errorf("text starts %.40q, want %q", p.Text, tt.firstPara)
			}
		})
	}
}

func TestNotices(t *testing.T) {
	body := "Title of the story\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\nFourth paragraph.\n\n"
	tests := []struct {
		name, tail string
		want       []string
	}{
		{"copyright kept", "All rights reserved.\n\nCopyright 2017 The Associated Press. All rights reserved. This material may not be published.",
			[]string{"All rights reserved.", "Copyright 2017 The Associated Press. All rights reserved. This material may not be published."}},
		{"sign and distribution", "Copyright © 2022 Agence France-Presse\n\nRelated News\n\nDistributed by Tribune Content Agency",
			[]string{"Copyright © 2022 Agence France-Presse", "Distributed by Tribune Content Agency"}},
		{"no notices", "Related News\n\nMore from the site", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Parse(body + tt.tail)
			if strings.Join(p.Notices, "|") != strings.Join(tt.want, "|") {
				t.Errorf("notices = %q, want %q (boilerplate %q)", p.Notices, tt.want, p.Boilerplate)
			}
			for _, n := range p.Notices {
				if strings.Contains(p.Text, n) {
					t.Errorf("notice %q also in text", n)
				}
			}
		})
	}
}
