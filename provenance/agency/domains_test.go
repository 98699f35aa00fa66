package agency

import (
	"testing"

	"github.com/wiretrace/wiretrace"
)

func TestOutletDomains(t *testing.T) {
	tests := []struct{ source, want string }{
		// names
		{"Reuters", "Reuters"},
		{"AP News", "AP"},
		{"Tengrinews.kz", "Tengrinews"},
		{"Daily Mail", ""},
		{"U.S. News", ""},
		// host names, as the importer names an outlet by its URL
		{"reuters.com", "Reuters"},
		{"www.reuters.com", "Reuters"},
		{"uk.reuters.com", "Reuters"},
		{"Reuters.com", "Reuters"},
		{"reuters.com.", "Reuters"},
		{"apnews.com", "AP"},
		{"hosted.ap.org", "AP"},
		{"www.afp.com", "AFP"},
		{"factcheck.afp.com", "AFP"},
		{"english.news.cn", "Xinhua"},
		{"xinhuanet.com", "Xinhua"},
		{"tass.ru", "TASS"},
		{"tass.com", "TASS"},
		{"sputniknews.com", "Sputnik"},
		{"sputnikglobe.com", "Sputnik"},
		{"ru.sputnik.kz", "Sputnik"},
		{"sputnik.by", "Sputnik"},
		{"aa.com.tr", "Anadolu"},
		{"www.aa.com.tr", "Anadolu"},
		{"en.yna.co.kr", "Yonhap"},
		{"ianslive.in", "IANS"},
		{"www.aninews.in", "ANI"},
		{"ptinews.com", "PTI"},
		// URLs
		{"https://www.reuters.com/world/europe/some-story-2026-12-07/", "Reuters"},
		{"http://apnews.com/article/abc123", "AP"},
		{"https://english.news.cn/20260102/7750bc/c.html", "Xinhua"},
		{"https://tass.com:443/politics/123", "TASS"},
		{"reuters.com/world/x", "Reuters"},
		// lookalikes and other sites
		{"reuters.com.evil.example", ""},
		{"https://reuters.com.evil.example/world", ""},
		{"notreuters.com", ""},
		{"reuters-news.com", ""},
		{"afp.example", ""},
		{"www.dailymail.co.uk", ""},
		{"business-standard.com", ""},
		{"news.com.au", ""},
		{"cn", ""},
		{"127.0.0.1", ""},
		{"https://", ""},
	}
	for _, tt := range tests {
		if got := Outlet(tt.source); got != tt.want {
			t.Errorf("Outlet(%q) = %q, want %q", tt.source, got, tt.want)
		}
	}
}

func TestURLAgency(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"https://www.reuters.com/business/x", "Reuters"},
		{"https://www.dailymail.co.uk/wires/reuters/article-1/x.html", ""}, // a copy: urlHint says whose
		{"Reuters", ""},
		{"", ""},
		{"https://www.sputniknews.com.evil.example/x", ""},
	}
	for _, tt := range tests {
		if got := URLAgency(tt.raw); got != tt.want {
			t.Errorf("URLAgency(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

// TestDetectAllOwnSite: an article on an agency's own site is the agency's
// supplied copy whether its outlet is named by host or only its URL says
// so; a lookalike host credits nobody.
func TestDetectAllOwnSite(t *testing.T) {
	text := "The central bank raised rates on Tuesday, citing inflation, officials said."
	tests := []struct {
		name        string
		source, url string
		want        map[string]string
	}{
		{"host", "reuters.com", "", map[string]string{"Reuters": wiretrace.RoleSupplier}},
		{"www host", "www.reuters.com", "", map[string]string{"Reuters": wiretrace.RoleSupplier}},
		{"url only", "", "https://www.reuters.com/markets/x-2026-12-07/", map[string]string{"Reuters": wiretrace.RoleSupplier}},
		{"site name and url", "Reuters", "https://www.reuters.com/markets/x/", map[string]string{"Reuters": wiretrace.RoleSupplier}},
		{"apnews", "apnews.com", "https://apnews.com/article/x", map[string]string{"AP": wiretrace.RoleSupplier}},
		{"lookalike", "reuters.com.evil.example", "https://reuters.com.evil.example/x", map[string]string{}},
		{"other outlet", "dailymail.co.uk", "https://www.dailymail.co.uk/news/x.html", map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := roles(DetectAll(Clues{Text: text, Source: tt.source, URL: tt.url}))
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for a, r := range tt.want {
				if got[a] != r {
					t.Errorf("%s: got role %q, want %q", a, got[a], r)
				}
			}
		})
	}
}
