package textparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func seed(t *testing.T, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", prefix+"_*.txt"))
	if len(m) != 1 {
		t.Fatalf("seed %s not found", prefix)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSeeds(t *testing.T) {
	ist := time.FixedZone("IST", 5*3600+1800)
	tests := []struct {
		seed, title, dateline, byline string
		published                     time.Time
		credits                       []string
		notInText                     []string
		inText                        []string
	}{
		{seed: "000", title: "Kazakh leader vows to rebuild city hit by deadly clashes", dateline: "Nur-Sultan, JAN 22",
			notInText: []string{"Related News", "Comments are Closed", "Uzbekistan – Pakistan"},
			inText:    []string{"AFP correspondents saw", "visited injured people in hospital, the presidential website said."}},
		{seed: "001", title: "Kazakh leader vows to restore city hit by fatal clashes; Russian-led troops to leave", dateline: "ALMATY, Kazakhstan",
			notInText: []string{"Never miss breaking news", "You're subscribed"},
			inText:    []string{"charges linked to the unrest."}},
		{seed: "002", title: "Kazakhstan President urges post-riot restoration as situation stabilises", byline: "IANS", dateline: "Nur-Sultan",
			published: time.Date(2022, 1, 9, 11, 7, 0, 0, ist),
			notInText: []string{"Dear Reader", "Support quality journalism", "First Published", "RECOMMENDED FOR YOU"},
			inText:    []string{"--IANS", "reports Xinhua news agency"}},
		{seed: "003", title: "Kazakh President Arrives In Almaty To Meet With Counter-terrorism Task Force - Spokesman", dateline: "NUR-SULTAN",
			published: time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC), credits: []string{"Pakistan Point News", "Sputnik"},
			inText: []string{"Tengrinews", "appointed a new prime minister on Tuesday."}},
		{seed: "004", title: "Le président du Kazakhstan, Kassym-Jomart Tokaïev, s’est rendu mercredi à Almaty, pour la première fois depuis les émeutes meurtrières de la semaine dernière, promettant de réparer les dégâts dans la plus grande ville du pays.",
			notInText: []string{"Rejoignez Epoch Times", "média libre et indépendant"},
			inText:    []string{"10.000 personnes"}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			p := Parse(seed(t, tt.seed))
			if p.Title != tt.title {
				t.Errorf("title = %q, want %q", p.Title, tt.title)
			}
			if p.Dateline != tt.dateline {
				t.Errorf("dateline = %q, want %q", p.Dateline, tt.dateline)
			}
			if p.Byline != tt.byline {
				t.Errorf("byline = %q, want %q", p.Byline, tt.byline)
			}
			if !p.Published.Equal(tt.published) {
				t.Errorf("published = %v, want %v", p.Published, tt.published)
			}
			if strings.Join(p.DatelineCredits, "|") != strings.Join(tt.credits, "|") {
				t.Errorf("dateline credits = %q, want %q", p.DatelineCredits, tt.credits)
			}
			for _, s := range tt.notInText {
				if strings.Contains(p.Text, s) {
					t.Errorf("text holds boilerplate %q", s)
				}
			}
			for _, s := range tt.inText {
				if !strings.Contains(p.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Sun, January 09 2022. 11:07 IST", "2022-01-09T11:07:00+05:30"},
		{"Pakistan Point News / Sputnik - 12th January, 2022", "2022-01-12T00:00:00Z"},
		{"2022-01-12T08:30:00+06:00", "2022-01-12T08:30:00+06:00"},
		{"le 12 janvier 2022 à 10h15", "2022-01-12T10:15:00Z"},
		{"Jan. 9, 2022 at 3:05 pm EST", "2022-01-09T15:05:00-05:00"},
		{"12.01.2022", "2022-01-12T00:00:00Z"},
		{"12 января 2022 г.", "2022-01-12T00:00:00Z"},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if !ok || got.Format(time.RFC3339) != tt.want {
			t.Errorf("ParseDate(%q) = %v %v, want %s", tt.in, got.Format(time.RFC3339), ok, tt.want)
		}
	}
	for _, in := range []string{"JAN 22", "no date here", "31 February 2022", ""} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %v, want none", in, got)
		}
	}
}

func TestParseOddInput(t *testing.T) {
	for _, in := range []string{"", "\n\n\n", "only a title", "\ufefftitle\r\nbody line\r\n", strings.Repeat("x", 100000)} {
		p := Parse(in)
		if strings.TrimSpace(in) != "" && p.Title == "" {
			t.Errorf("Parse(%.20q): no title", in)
		}
	}
}
