package agency

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// seed returns the title and text of seed file n of testdata/seeds.
func seed(t *testing.T, n string) (string, string) {
	t.Helper()
	m, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", n+"_*.txt"))
	if err != nil || len(m) != 1 {
		t.Fatalf("seed %s: %v %v", n, m, err)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSpace(string(b))
	title, text, _ := strings.Cut(s, "\n")
	return title, text
}

func roles(cs []wiretrace.Credit) map[string]string {
	m := map[string]string{}
	for _, c := range cs {
		m[c.Agency] = c.Role
	}
	return m
}

func TestDetectSeeds(t *testing.T) {
	tests := []struct {
		seed, source string
		want         map[string]string
	}{
		{"000", "DNA", map[string]string{"AFP": wiretrace.RoleSupplier}},
		{"001", "The Times of Israel", map[string]string{"AFP": wiretrace.RoleSupplier, "AP": wiretrace.RolePhoto}},
		{"002", "Business Standard", map[string]string{"IANS": wiretrace.RoleSupplier, "Xinhua": wiretrace.RoleCited}},
		{"003", "Pakistan Point News", map[string]string{"Sputnik": wiretrace.RoleSupplier, "Tengrinews": wiretrace.RoleCited}},
		{"004", "Epoch Times", map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			title, text := seed(t, tt.seed)
			got := Detect(title, text, tt.source)
			g := roles(got)
			if len(g) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for a, r := range tt.want {
				if g[a] != r {
					t.Errorf("%s: got role %q, want %q (credits %v)", a, g[a], r, got)
				}
			}
		})
	}
}

func TestDetectSentences(t *testing.T) {
	tests := []struct {
		name, title, text, source string
		want                      map[string]string
	}{
		{"dateline AFP", "", "PARIS (AFP) - The minister said on Monday.", "", map[string]string{"AFP": "supplier"}},
		{"dateline AP em dash", "", "WASHINGTON (AP) — Lawmakers voted.", "", map[string]string{"AP": "supplier"}},
		{"dateline Xinhua", "", "BEIJING, Jan. 9 (Xinhua) -- China said.", "", map[string]string{"Xinhua": "supplier"}},
		{"dateline TASS slashes", "", "MOSCOW, January 12. /TASS/. The Kremlin said.", "", map[string]string{"TASS": "supplier"}},
		{"dateline ANI colon", "", "New Delhi [India], Jan 9 (ANI): The government said.", "", map[string]string{"ANI": "supplier"}},
		{"sign-off", "", "The minister spoke.\n\n--IANS\n\nksk/", "", map[string]string{"IANS": "supplier"}},
		{"inputs from", "", "The minister spoke.\n\n(With inputs from PTI)", "", map[string]string{"PTI": "supplier"}},
		{"copyright AP", "", "Lawmakers voted.\n\nCopyright 2022 The Associated Press. All rights reserved.", "", map[string]string{"AP": "supplier"}},
		{"byline", "", "By Reuters\n\nThe minister spoke.", "", map[string]string{"Reuters": "supplier"}},
		{"title suffix", "Oil prices rise - Reuters", "Oil prices rose on Monday.", "", map[string]string{"Reuters": "supplier"}},
		{"correspondent", "", "An AFP correspondent saw smoke.", "", map[string]string{"AFP": "supplier"}},
		{"photo credit", "", "Protesters in the square. Photo: Reuters\n\nThe crowd grew.", "", map[string]string{"Reuters": "photo"}},
		{"getty", "", "Smoke rises. (Photo by John Smith/AFP via Getty Images)", "", map[string]string{"AFP": "photo"}},
		{"AP Photo slash", "", "A man walks. (AP Photo/Vladimir Tretyakov)", "", map[string]string{"AP": "photo"}},
		{"cited told", "", "He told Reuters the plan had failed.", "", map[string]string{"Reuters": "cited"}},
		{"cited reports", "", "The talks failed, reports Xinhua news agency.", "", map[string]string{"Xinhua": "cited"}},
		{"cited according", "", "According to TASS, the plane landed.", "", map[string]string{"TASS": "cited"}},
		{"Russian", "", "Об этом сообщает ТАСС.", "", map[string]string{"TASS": "cited"}},
		{"Chinese dateline", "", "新华社北京1月9日电 中国外交部表示。", "", map[string]string{"Xinhua": "supplier"}},
		{"Chinese cited", "", "中国外交部表示。据新华社报道。", "", map[string]string{"Xinhua": "cited"}},
		{"dateline no dash", "", "Oslo, March 22 (IANS) Minister Carlos spoke.", "", map[string]string{"IANS": "supplier"}},
		{"EFE dateline", "", "Madrid, 3 marzo (EFE).- El ministro dijo.", "", map[string]string{"EFE": "supplier"}},
		{"German attribution", "", "Der Minister sprach.\n\nMit Material von AFP", "", map[string]string{"AFP": "supplier"}},
		{"Spanish attribution", "", "El ministro habló.\n\nCon información de EFE", "", map[string]string{"EFE": "supplier"}},
		{"Russian attribution", "", "Министр выступил.\n\nПо материалам ТАСС", "", map[string]string{"TASS": "supplier"}},
		{"syndicated feed", "", "The minister spoke.\n\n(This story has not been edited by our staff and is published from a syndicated IANS feed.)", "", map[string]string{"IANS": "supplier"}},
		{"Chinese source line", "", "外交部表示。\n\n来源：新华社", "", map[string]string{"Xinhua": "supplier"}},
		{"French AFP", "", "a indiqué l'Agence France-Presse.", "", map[string]string{"AFP": "cited"}},
		{"AP word", "", "The AP government in Amaravati announced a scheme. AP Chief Minister spoke.", "", nil},
		{"AP stylebook", "", "The AP Stylebook now allows it.", "", nil},
		{"ANI inside names", "", "Anil and ANIMESH met Ani in DANIEL's house.", "", nil},
		{"PTI party", "", "PTI chairman Imran Khan addressed a rally. The PTI said it would protest.", "", nil},
		{"Reuters Institute", "", "A study by the Reuters Institute found trust fell.", "", nil},
		{"Sputnik vaccine", "", "The Sputnik V vaccine was approved.", "", nil},
		{"Australian police", "", "The Australian Federal Police (AFP) said AFP officers arrested two men.", "", nil},
		{"agency outlet itself", "", "MOSCOW (Sputnik) - The Kremlin said, Sputnik reported.", "Sputnik International", map[string]string{"Sputnik": "supplier"}},
		{"agency outlet without credit", "", "The Kremlin said.", "Reuters", map[string]string{"Reuters": "supplier"}},
		{"APP not AP", "", "ISLAMABAD, Jan 9 (APP): Associated Press of Pakistan reported.", "", map[string]string{"APP": "supplier"}},
		{"Bloomberg the mayor", "", "Former mayor Bloomberg said he would donate. Bloomberg spoke in Iowa.", "", nil},
		{"Bloomberg News cited", "", "The deal is worth $2 billion, Bloomberg News reported.", "", map[string]string{"Bloomberg": "cited"}},
		{"told Bloomberg", "", "The minister told Bloomberg the talks had stalled.", "", map[string]string{"Bloomberg": "cited"}},
		{"Sputnik moment", "", "It was a Sputnik moment for the industry.", "", nil},
		{"Thomson Reuters Foundation", "", "A study by the Thomson Reuters Foundation found trust fell.", "", nil},
		{"copyright AP long line", "", "Lawmakers voted.\n\nCopyright 2017 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", "", map[string]string{"AP": "supplier"}},
		{"copyright (c) Reuters", "", "Oil prices rose.\n\n(c) 2017 Reuters", "", map[string]string{"Reuters": "supplier"}},
		{"copyright sign AFP", "", "The minister spoke.\n\n© AFP", "", map[string]string{"AFP": "supplier"}},
		{"copyright full AFP name", "", "The minister spoke.\n\n© 2022 Agence France-Presse", "", map[string]string{"AFP": "supplier"}},
		{"copyright range", "", "The minister spoke.\n\nCopyright © 2011-2022 Thomson Reuters. Reuters content is the intellectual property of Thomson Reuters or its third party content providers.", "", map[string]string{"Reuters": "supplier"}},
		{"distributed by", "", "The minister spoke.\n\nThis article was distributed by Agence France-Presse, which is responsible for its content and accuracy.", "", map[string]string{"AFP": "supplier"}},
		{"copyright NYT", "", "The mayor spoke.\n\nCopyright 2020 The New York Times Company. All rights reserved.", "", nil},
		{"distributed by non-agency", "", "The mayor spoke.\n\nDistributed by Tribune Content Agency, LLC.", "", nil},
		{"copyright photo stays photo", "", "A crowd gathers.\n\n© AFP Photo / Jane Doe\n\nThe crowd grew.", "", map[string]string{"AFP": "photo"}},
		{"Reuters staff byline", "", "Reuters staff\n\nOil prices rose on Monday.", "", map[string]string{"Reuters": "supplier"}},
		{"writer and agency byline", "", "By Jane Doe, Associated Press\n\nLawmakers voted.", "", map[string]string{"AP": "supplier"}},
		{"AP business writer", "", "Jane Doe, AP Business Writer\n\nStocks fell.", "", map[string]string{"AP": "supplier"}},
		{"AP state as place", "", "Hyderabad, AP\n\nThe state government announced a scheme.", "", nil},
		{"former AP editor", "", "He was a former AP editor.", "", nil},
		{"AP inside a word", "", "APPLE and CAPTAIN met in NAPLES. By MAP makers, Inc.", "", nil},
		{"supplier beats cited", "", "NUR-SULTAN (Sputnik) - Tokayev arrived, Sputnik Kazakhstan reported.", "", map[string]string{"Sputnik": "supplier"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Detect(tt.title, tt.text, tt.source)
			g := roles(got)
			if len(g) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for a, r := range tt.want {
				if g[a] != r {
					t.Errorf("%s: got role %q, want %q (credits %v)", a, g[a], r, got)
				}
			}
		})
	}
}

func TestOutletAndLookup(t *testing.T) {
	for src, want := range map[string]string{"Reuters": "Reuters", "Sputnik News": "Sputnik", "Anadolu Agency": "Anadolu", "DNA": "", "Business Standard": "", "AP News": "AP"} {
		if got := Outlet(src); got != want {
			t.Errorf("Outlet(%q) = %q, want %q", src, got, want)
		}
	}
	if a, ok := Lookup("agence france-presse"); !ok || a.Name != "AFP" {
		t.Errorf("Lookup: got %v %v", a, ok)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("t", "(AFP) -", "x")
	f.Add("", "(\n)(", "")
	f.Fuzz(func(t *testing.T, title, text, source string) {
		Detect(title, text, source)
	})
}
