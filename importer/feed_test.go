package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
	"golang.org/x/text/encoding/charmap"
)

// importFeed imports one feed file and returns its articles by URL and
// the problem lines.
func importFeed(t *testing.T, name, body string) (map[string]*wiretrace.Article, *importer.Summary, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	s := open(t)
	var probs []string
	sum := run(t, s, importer.Options{Problem: func(p importer.Problem) { probs = append(probs, p.String()) }}, filepath.Join(dir, name))
	arts := map[string]*wiretrace.Article{}
	for _, a := range all(t, s) {
		arts[a.URL] = a
	}
	return arts, sum, probs
}

// latin1 encodes UTF-8 text as ISO-8859-1 bytes.
func latin1(t *testing.T, s string) string {
	t.Helper()
	b, err := charmap.ISO8859_1.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFeedLatin1WithoutDeclaration(t *testing.T) {
	rss := latin1(t, `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Jornal do Comércio</title><link>https://www.jornaldocomercio.example/</link><language>pt-br</language>
<item><title>Governo anuncia reajuste do salário mínimo</title><link>https://www.jornaldocomercio.example/economia/2022/01/reajuste.html</link>
<pubDate>Mon, 10 Jan 2022 14:30:00 -0300</pubDate>
<description>O governo federal anunciou nesta segunda-feira o reajuste do salário mínimo, que passa a valer a partir de fevereiro. A decisão foi publicada no Diário Oficial da União.</description></item>
</channel></rss>`)
	arts, sum, probs := importFeed(t, "jc.rss", rss)
	a := arts["https://www.jornaldocomercio.example/economia/2022/01/reajuste.html"]
	if sum.Imported != 1 || a == nil {
		t.Fatalf("imported %d, problems %q", sum.Imported, probs)
	}
	if a.Source != "Jornal do Comércio" || !strings.Contains(a.Text, "salário mínimo") || a.Language != "pt" {
		t.Errorf("got source %q language %q text %q", a.Source, a.Language, a.Text)
	}
}

func TestJSONFeed(t *testing.T) {
	feed := `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Maple Street Tribune",
  "home_page_url": "https://maplestreet.example/",
  "feed_url": "https://maplestreet.example/feed.json",
  "language": "en-CA",
  "items": [
    {
      "id": "https://maplestreet.example/2022/01/council-budget",
      "url": "/2022/01/council-budget",
      "title": "Council passes a budget with a 3.1% tax rise",
      "content_html": "<p>City council passed its 2022 budget late on Tuesday after a nine-hour debate, with a property tax rise of 3.1 per cent.</p><p>The mayor said the rise was &ldquo;the lowest in the region&rdquo;.</p>",
      "date_published": "2022-01-11T23:40:00-05:00",
      "authors": [{"name": "Dana Whitfield"}]
    },
    {
      "id": "2",
      "url": "https://maplestreet.example/2022/01/snow",
      "title": "Snow day",
      "content_text": "Snow day"
    }
  ]
}`
	arts, sum, probs := importFeed(t, "tribune.json", feed)
	a := arts["https://maplestreet.example/2022/01/council-budget"]
	if sum.Imported != 1 || a == nil {
		t.Fatalf("imported %d (%v), problems %q", sum.Imported, keys(arts), probs)
	}
	if a.Byline != "Dana Whitfield" || a.Source != "Maple Street Tribune" || a.Published.Format("2006-01-02") != "2022-01-11" ||
		!strings.Contains(a.Text, "“the lowest in the region”.") || !strings.Contains(a.Text, "\n\nThe mayor") {
		t.Errorf("got %+v", a)
	}
	want := string(filepath.Separator) + "tribune.json item 2: title only, no text"
	if sum.Skipped != 1 || sum.Failed != 0 || len(probs) != 1 || !strings.HasPrefix(probs[0], "skipped: ") || !strings.HasSuffix(probs[0], want) {
		t.Errorf("title-only item: skipped %d, problems %q, want one ending %q", sum.Skipped, probs, want)
	}
}

func keys(m map[string]*wiretrace.Article) []string {
	var k []string
	for u := range m {
		k = append(k, u)
	}
	return k
}

func TestFeedEntitiesAndRelativeLinks(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Ledger &amp;amp; Post</title>
<link rel="self" href="https://ledger.example/news/feed.atom"/>
<entry><title>Bitcoin tops &amp;#x0024;34,490 as markets rally</title>
<link href="/news/2022/01/bitcoin-rally"/><updated>2022-01-12T08:00:00Z</updated>
<summary>&amp;lt;p&amp;gt;Bitcoin rose above &amp;#x0024;34,490 on Wednesday, its highest level in a week, as stock markets rallied in Asia and Europe.&amp;lt;/p&amp;gt;</summary></entry>
<entry><title>Scientists map a coral reef</title><link href="2022/01/reef"/><updated>2022-01-12T09:00:00Z</updated>
<content type="html">&lt;p&gt;Marine scientists mapped 40 square kilometres of reef.&lt;/p&gt;</content></entry>
<entry><title>Rain</title><link href="https://ledger.example/news/rain"/><summary>Rain, then sun.</summary></entry>
</feed>`
	arts, sum, probs := importFeed(t, "ledger.xml", atom)
	if sum.Imported != 3 {
		t.Fatalf("imported %d, problems %q", sum.Imported, probs)
	}
	tests := []struct{ url, title, text, lang string }{
		{"https://ledger.example/news/2022/01/bitcoin-rally", "Bitcoin tops $34,490 as markets rally",
			"Bitcoin rose above $34,490 on Wednesday, its highest level in a week, as stock markets rallied in Asia and Europe.", "en"},
		{"https://ledger.example/news/2022/01/reef", "Scientists map a coral reef", "Marine scientists mapped 40 square kilometres of reef.", "en"},
		// Too short to tell: "und", not a guess.
		{"https://ledger.example/news/rain", "Rain", "Rain, then sun.", "und"},
	}
	for _, tt := range tests {
		a := arts[tt.url]
		if a == nil {
			t.Errorf("no article at %s (have %v)", tt.url, keys(arts))
			continue
		}
		if a.Title != tt.title || a.Text != tt.text || a.Language != tt.lang || a.Source != "Ledger & Post" {
			t.Errorf("%s: got title %q text %q language %q source %q, want %q %q %q", tt.url, a.Title, a.Text, a.Language, a.Source, tt.title, tt.text, tt.lang)
		}
	}
}

// all returns every article of the archive.
func all(t *testing.T, s *archive.Store) []*wiretrace.Article {
	t.Helper()
	var arts []*wiretrace.Article
	if err := s.Each(context.Background(), func(a *wiretrace.Article) error { arts = append(arts, a); return nil }); err != nil {
		t.Fatal(err)
	}
	return arts
}
