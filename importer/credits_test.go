package importer_test

import (
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/importer"
)

// TestCreditsFromEverything checks that a text file's credits come from
// its first-line dateline, its copyright notices (also those cut from its
// tail), its by-line and its URL.
func TestCreditsFromEverything(t *testing.T) {
	const para = "Police said the fire was reported shortly after midnight and caused extensive damage.\n\n" +
		"The pastor said the congregation would hold services in a school gym.\n\n"
	tests := []struct {
		name, text, url string
		title           string
		want            map[string]string // agency -> role
		evidence        string            // in one credit's evidence
		notInText       string
	}{
		{name: "first-line dateline", text: "ERIE, Pa. (AP) — A man was charged Tuesday with setting fire to a church.\n\n" + para,
			want: map[string]string{"AP": "supplier"}, evidence: "(AP) —"},
		{name: "bare dateline and (c)", text: "(Reuters) - Oil prices rose on Monday as supply concerns grew.\n\n" + para + "(c) 2017 Reuters",
			want: map[string]string{"Reuters": "supplier"}},
		{name: "by-line", text: "Church fire suspect charged\n\nBy ASSOCIATED PRESS\n\n" + para,
			title: "Church fire suspect charged", want: map[string]string{"AP": "supplier"}, evidence: "by-line: ASSOCIATED PRESS"},
		{name: "notice in the cut tail", text: "Church fire suspect charged\n\nA man was charged.\n\n" + para + "Related News\n\nCopyright © 2017 The Associated Press. All rights reserved.",
			title: "Church fire suspect charged", want: map[string]string{"AP": "supplier"}, evidence: "Copyright ©", notInText: "Copyright"},
		{name: "URL", text: "Church fire suspect charged\n\nA man was charged.\n\n" + para, url: "https://abcnews.go.com/US/wireStory/church-fire-51234567",
			title: "Church fire suspect charged", want: map[string]string{"AP": "supplier"}, evidence: "URL /wireStory/"},
		{name: "headline mentioning AP", text: "AP source: Yankees agree to deal with Cole\n\nThe Yankees agreed.\n\n" + para,
			title: "AP source: Yankees agree to deal with Cole", want: map[string]string{}},
		{name: "photo and cited stay apart", text: "ERIE, Pa. (AFP) - A man was charged.\n\nA church burns. (AP Photo/Jane Doe)\n\nThe fire spread, reports Xinhua news agency.\n\n" + para,
			want: map[string]string{"AFP": "supplier", "AP": "photo", "Xinhua": "cited"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := importer.Defaults{Entry: &importer.Entry{Source: "Some Paper", URL: tt.url}}
			arts, err := importer.Parse("story.txt", []byte(tt.text), d)
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse: %v %v", arts, err)
			}
			a := arts[0]
			if tt.notInText != "" && strings.Contains(a.Text, tt.notInText) {
				t.Errorf("text holds %q", tt.notInText)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			got := map[string]string{}
			found := tt.evidence == ""
			for _, c := range a.Credits {
				got[c.Agency] = c.Role
				found = found || strings.Contains(c.Evidence, tt.evidence)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("credits %v, want %v", a.Credits, tt.want)
			}
			for ag, r := range tt.want {
				if got[ag] != r {
					t.Errorf("%s: role %q, want %q (%v)", ag, got[ag], r, a.Credits)
				}
			}
			if !found {
				t.Errorf("no credit's evidence holds %q: %v", tt.evidence, a.Credits)
			}
		})
	}
}
