package agency

import (
	"testing"

	"github.com/wiretrace/wiretrace"
)

func TestDetectAllClues(t *testing.T) {
	const text = "Lawmakers voted on Monday."
	tests := []struct {
		name     string
		c        Clues
		want     map[string]string
		evidence string // of the first credit, when set
	}{
		{"byline capitals", Clues{Text: text, Byline: "ASSOCIATED PRESS"}, map[string]string{"AP": "supplier"}, "by-line: ASSOCIATED PRESS"},
		{"byline By AP", Clues{Text: text, Byline: "By ASSOCIATED PRESS"}, map[string]string{"AP": "supplier"}, "by-line: By ASSOCIATED PRESS"},
		{"byline By AFP", Clues{Text: text, Byline: "By AFP"}, map[string]string{"AFP": "supplier"}, ""},
		{"byline acronym", Clues{Text: text, Byline: "AP"}, map[string]string{"AP": "supplier"}, ""},
		{"byline staff", Clues{Text: text, Byline: "Reuters staff"}, map[string]string{"Reuters": "supplier"}, ""},
		{"byline writer, agency", Clues{Text: text, Byline: "Jane Doe, Associated Press"}, map[string]string{"AP": "supplier"}, ""},
		{"byline writer title", Clues{Text: text, Byline: "Jane Doe, Associated Press Writer"}, map[string]string{"AP": "supplier"}, ""},
		{"byline for", Clues{Text: text, Byline: "Jane Doe for AFP"}, map[string]string{"AFP": "supplier"}, ""},
		{"byline person", Clues{Text: text, Byline: "Jane Doe"}, nil, ""},
		{"byline former", Clues{Text: text, Byline: "Jane Doe, former AP editor"}, nil, ""},
		{"byline institute", Clues{Text: text, Byline: "Reuters Institute"}, nil, ""},
		{"byline in a word", Clues{Text: text, Byline: "Jane Apple"}, nil, ""},
		{"URL aponline", Clues{Text: text, URL: "https://www.nytimes.com/aponline/2017/05/01/us/ap-us-storm.html"}, map[string]string{"AP": "supplier"}, "URL /aponline/"},
		{"URL wireStory", Clues{Text: text, URL: "https://abcnews.go.com/US/wireStory/man-charged-51234567"}, map[string]string{"AP": "supplier"}, "URL /wireStory/"},
		{"URL wires ap", Clues{Text: text, URL: "https://www.dailymail.co.uk/wires/ap/article-123/Storm.html"}, map[string]string{"AP": "supplier"}, "URL /wires/ap/"},
		{"URL wires reuters", Clues{Text: text, URL: "https://www.dailymail.co.uk/wires/reuters/article-9/Oil.html"}, map[string]string{"Reuters": "supplier"}, "URL /wires/reuters/"},
		{"URL reuters section", Clues{Text: text, URL: "https://example.com/reuters/2017/oil-prices.html"}, map[string]string{"Reuters": "supplier"}, "URL /reuters/"},
		{"URL last segment", Clues{Text: text, URL: "https://example.com/tag/reuters"}, nil, ""},
		{"URL part of a segment", Clues{Text: text, URL: "https://example.com/aponlinex/story.html"}, nil, ""},
		{"URL slug", Clues{Text: text, URL: "https://example.com/news/ap-reuters-afp-story"}, nil, ""},
		{"URL host", Clues{Text: text, URL: "https://reuters.example.com/world/story"}, nil, ""},
		{"URL wires only", Clues{Text: text, URL: "https://example.com/wires/story.html"}, nil, ""},
		{"URL bad", Clues{Text: text, URL: "://%zz"}, nil, ""},
		{"notice copyright", Clues{Text: text, Notices: []string{"Copyright 2017 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."}}, map[string]string{"AP": "supplier"}, ""},
		{"notice sign", Clues{Text: text, Notices: []string{"© AFP"}}, map[string]string{"AFP": "supplier"}, ""},
		{"notice non-agency", Clues{Text: text, Notices: []string{"Distributed by Tribune Content Agency"}}, nil, ""},
		{"roles stay apart", Clues{Text: "A man walks. (AP Photo/Jane Doe)\n\nThe talks failed, reports Xinhua news agency.", URL: "https://www.dailymail.co.uk/wires/afp/article-1/x.html"},
			map[string]string{"AFP": "supplier", "AP": "photo", "Xinhua": "cited"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DetectAll(tt.c)
			g := roles(got)
			if len(g) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for a, r := range tt.want {
				if g[a] != r {
					t.Errorf("%s: got role %q, want %q (credits %v)", a, g[a], r, got)
				}
			}
			if tt.evidence != "" && got[0].Evidence != tt.evidence {
				t.Errorf("evidence %q, want %q", got[0].Evidence, tt.evidence)
			}
		})
	}
}

func TestDetectIsDetectAll(t *testing.T) {
	title, text, src := "Oil prices rise - Reuters", "Oil prices rose. (AP Photo)", "DNA"
	a, b := Detect(title, text, src), DetectAll(Clues{Title: title, Text: text, Source: src})
	if len(a) != len(b) || len(a) != 2 || a[0] != b[0] || a[1] != b[1] || a[0].Role != wiretrace.RoleSupplier {
		t.Errorf("Detect %v, DetectAll %v", a, b)
	}
}
