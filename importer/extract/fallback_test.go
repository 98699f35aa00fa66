package extract

import (
	"bytes"
	"strings"
	"testing"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// TestProbeLength checks that the probe is as long as extractDocument's
// reasoning needs with the library's current default configuration.
func TestProbeLength(t *testing.T) {
	if got, want := probeRunes, 2*trafilatura.DefaultConfig().MinExtractedSize-1; got != want {
		t.Errorf("probeRunes = %d, want %d (2*MinExtractedSize-1)", got, want)
	}
}

// TestExtractDocumentSameAsFallback checks that extractDocument gives the
// result of the library's full fallback run on pages that take each of
// its paths: a confident own text, a short text, a text without
// paragraphs, a table page, and pages where the fallback wins. It also
// checks that the probe run's own text is only accepted when it is the
// full run's text, whichever path extractDocument takes.
func TestExtractDocumentSameAsFallback(t *testing.T) {
	sentence := "Authorities said dozens of people had been killed and thousands detained across the country since the unrest began. "
	var long, nav, rows, lines strings.Builder
	for i := 0; i < 6; i++ {
		long.WriteString(articleBody)
	}
	for i := 0; i < 80; i++ {
		nav.WriteString(`<li><a href="/x">A long navigation link that readers may follow elsewhere</a></li>`)
	}
	for i := 0; i < 30; i++ {
		rows.WriteString(`<tr><td>Almaty</td><td>Protesters gathered on the main square before noon</td><td>1,200</td></tr>`)
	}
	for i := 0; i < 12; i++ {
		lines.WriteString(sentence + "<br><br>")
	}
	p := "<p>" + sentence + "</p>"
	tests := []struct {
		name, page   string
		fallbackWins bool // the full run's text is not the library's own
	}{
		{"article", newsPage("", long.String()), false},
		{"short", newsPage("", `<p>Troops fired on protesters in Almaty.</p>`), false},
		{"mostly navigation", newsPage("", articleBody+`<div class="sidebar"><ul>`+nav.String()+`</ul></div>`), false},
		{"no paragraphs", newsPage("", strings.ReplaceAll(strings.ReplaceAll(long.String(), "<p>", "<div>"), "</p>", "</div>")), false},
		{"table", newsPage("", `<p>Crowds by city.</p><table>`+rows.String()+`</table>`), false},
		{"text in lines", newsPage("", `<div class="content">`+lines.String()+`</div>`), false},
		// Trafilatura keeps the paragraphs, readability the longer text
		// in lines.
		{"paragraphs and lines", newsPage("", p+p+p+`<div class="teaser">`+lines.String()+`</div>`), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse([]byte(tt.page), "")
			if err != nil {
				t.Fatal(err)
			}
			opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true,
				HtmlDateMode: trafilatura.Disabled, SkipLanguageDetection: true}
			want, err := trafilatura.ExtractDocument(doc, opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := extractDocument(doc, opts)
			if err != nil {
				t.Fatal(err)
			}
			sameResult(t, got, want)

			own, err := extractOwn(doc, opts)
			if err != nil {
				t.Fatal(err)
			}
			visible, _ := textRunes(doc)
			confident := own != nil && ownTextConfident(own, visible)
			if confident {
				sameResult(t, own, want)
			}
			if tt.fallbackWins && confident {
				t.Error("own text accepted where the fallback wins")
			}
			if wins := own != nil && own.ContentText != want.ContentText; wins != tt.fallbackWins {
				t.Errorf("fallback wins = %v, want %v (test page no longer tests its case)", wins, tt.fallbackWins)
			}
		})
	}
}

func sameResult(t *testing.T, got, want *trafilatura.ExtractResult) {
	t.Helper()
	if got.ContentText != want.ContentText {
		t.Errorf("text = %q, want %q", got.ContentText, want.ContentText)
	}
	if g, w := render(t, got.ContentNode), render(t, want.ContentNode); g != w {
		t.Errorf("content = %s, want %s", g, w)
	}
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b bytes.Buffer
	if n != nil {
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// TestNormalizeSpace checks normalizeSpace against its definition,
// strings.Join(strings.Fields(s), " ").
func TestNormalizeSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "  a  b\t\nc ", "\u00a0x\u2003y\u3000", "é\u0085è", "a\xffb \xfe", "\v\f\r", "ſ k\u200bz",
	} {
		if got, want := normalizeSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzNormalizeSpace compares normalizeSpace with its definition on
// random input.
func FuzzNormalizeSpace(f *testing.F) {
	f.Add("  a  b\t\nc \u00a0d\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalizeSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestTextRunes checks the visible and paragraph text lengths, white
// space collapsed, with text nodes counted as separate words.
func TestTextRunes(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><head><title>Title</title></head><body>
<h1> Héllo  world </h1><script>var x = 1;</script><p>ab <b>cd</b></p><div>e</div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	// "Héllo world ab cd e": 19 runes; "ab cd" with the space before it
	// and the one before "cd": 6.
	visible, paragraphs := textRunes(doc)
	if visible != 19 || paragraphs != 6 {
		t.Errorf("textRunes = %d, %d, want 19, 6", visible, paragraphs)
	}
}
