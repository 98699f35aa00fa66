package extract

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"

	"github.com/wiretrace/wiretrace/importer/charset"
)

const articleBody = `
<p>Kazakhstan's President Kassym-Jomart Tokayev said on Friday he had authorised security forces to shoot to kill without warning, as Russian-led peacekeepers arrived in the country after days of unrest.</p>
<p>The violence, the worst in the former Soviet republic's 30 years of independence, began as protests against a fuel price hike and grew into a broad movement against the government.</p>
<h2>Troops at the airport</h2>
<p>AFP correspondents saw armoured vehicles and troops near the main square of Almaty, the largest city, where government buildings were stormed and set ablaze earlier in the week.</p>
<p>Authorities said dozens of people had been killed and thousands detained across the country since the unrest began.</p>`

func newsPage(extraHead, body string) string {
	return `<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Tokayev orders troops to shoot to kill | World News Daily</title>
<meta property="og:title" content="Tokayev orders troops to shoot to kill">
<meta property="og:site_name" content="World News Daily">
<meta name="author" content="Jane Reporter">
<meta name="description" content="Kazakhstan's president authorised security forces to fire without warning.">
` + extraHead + `
<script>var tracking = "Share to Facebook";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Tokayev orders troops to shoot to kill</h1>
` + body + `
<p>Related News</p>
<ul><li><a href="/a">Russia sends paratroopers</a></li><li><a href="/b">Fuel prices capped</a></li></ul>
<p>Sign up for our newsletter to get the day's top stories.</p>
</article>
<footer><p>&copy; 2022 World News Daily. All rights reserved.</p></footer>
</body></html>`
}

func TestHTML(t *testing.T) {
	page := newsPage(`<meta property="article:published_time" content="2022-01-07T10:15:00+06:00">`, articleBody)
	p, err := HTML([]byte(page), "https://worldnews.example.com/2022/01/07/tokayev")
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	checks := []struct{ field, got, want string }{
		{"Title", p.Title, "Tokayev orders troops to shoot to kill"},
		{"SiteName", p.SiteName, "World News Daily"},
		{"Author", p.Author, "Jane Reporter"},
		{"Language", p.Language, "en"},
		{"URL", p.URL, "https://worldnews.example.com/2022/01/07/tokayev"},
		{"Published", p.Published.Format(time.DateOnly), "2022-01-07"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, want := range []string{"authorised security forces to shoot to kill", "AFP correspondents saw armoured vehicles", "Troops at the airport"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("Text lacks %q:\n%s", want, p.Text)
		}
	}
	for _, bad := range []string{"Related News", "Russia sends paratroopers", "newsletter", "Share to Facebook", "All rights reserved", "Sport"} {
		if strings.Contains(p.Text, bad) {
			t.Errorf("Text holds boilerplate %q:\n%s", bad, p.Text)
		}
	}
	if !strings.Contains(p.Text, "\n\n") {
		t.Errorf("paragraphs are not separated by blank lines:\n%s", p.Text)
	}
}

func TestHTMLCharsets(t *testing.T) {
	latin1, _ := charmap.Windows1252.NewEncoder().String(newsPage("", articleBody+"<p>Un café au lait à Almaty coûte désormais deux fois plus cher qu’avant la crise, disent les habitants.</p>"))
	latin1 = strings.Replace(latin1, `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, 1)
	sjisBody := `<p>カザフスタンのトカエフ大統領は、治安部隊に対し警告なしに発砲することを許可したと述べた。政府によると、抗議活動で多数の死者が出ている。</p>
<p>ロシア主導の平和維持部隊が到着し、アルマトイの空港は再び管理下に置かれたという。市内では銃声が聞こえたと住民は話している。</p>
<p>燃料価格の引き上げに抗議するデモは、独立以来最悪の騒乱に発展した。数千人が拘束されたと当局は発表した。</p>`
	sjis, err := japanese.ShiftJIS.NewEncoder().String(strings.Replace(newsPage("", sjisBody), `<meta charset="utf-8">`, `<meta charset="Shift_JIS">`, 1))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, raw, want string
	}{
		{"windows-1252", latin1, "Un café au lait à Almaty coûte désormais"},
		{"shift_jis", sjis, "トカエフ大統領は、治安部隊に対し警告なしに発砲"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := HTML([]byte(tt.raw), "")
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			if !strings.Contains(p.Text, tt.want) {
				t.Errorf("Text lacks %q:\n%s", tt.want, p.Text)
			}
			if !utf8.ValidString(p.Text) || !utf8.ValidString(p.Title) {
				t.Error("output is not valid UTF-8")
			}
		})
	}
}

func TestHTMLWithCharset(t *testing.T) {
	// A KOI8-R page that declares nothing: only the HTTP header tells.
	page := strings.Replace(newsPage("", articleBody+"<p>Президент Казахстана Касым-Жомарт Токаев заявил, что разрешил стрелять без предупреждения.</p>"), `<meta charset="utf-8">`, "", 1)
	raw, err := charmap.KOI8R.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	p, err := HTMLWithCharset([]byte(raw), "", "text/html; charset=KOI8-R")
	if err != nil {
		t.Fatalf("HTMLWithCharset: %v", err)
	}
	if want := "Касым-Жомарт Токаев заявил"; !strings.Contains(p.Text, want) {
		t.Errorf("Text lacks %q:\n%s", want, p.Text)
	}
}

func TestHTMLErrors(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\t "), ErrEmpty},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), charset.ErrBinary},
		{"nul bytes", []byte("<html>\x00\x00\x01\x02\x00</html>"), charset.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := HTML(tt.raw, "")
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestHTMLOddInput(t *testing.T) {
	inputs := map[string]string{
		"text only":     "just some words, no markup at all",
		"unclosed":      "<html><body><div><p>unclosed <b>bold <i>italic",
		"only head":     "<html><head><title>Title only</title></head></html>",
		"deep nesting":  strings.Repeat("<div>", 5000) + "deep text" + strings.Repeat("</div>", 10),
		"broken meta":   `<meta charset="nonsense-charset"><meta property="article:published_time" content="not a date"><p>x</p>`,
		"broken jsonld": `<script type="application/ld+json">{"datePublished": "2020-13-45", "author": [1, {"name": 3}</script><p>x</p>`,
		"many tables":   strings.Repeat("<table><tr><td>a</td><td>b</td></tr>", 2000),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			p, err := HTML([]byte(in), "::not a url::")
			if err != nil {
				return // an error is fine, a panic is not
			}
			if !utf8.ValidString(p.Text) {
				t.Error("invalid UTF-8 in text")
			}
		})
	}
}

func TestPublishedDate(t *testing.T) {
	tests := []struct {
		name, head, body, url, want string
	}{
		{
			name: "article meta wins over generic date",
			head: `<meta name="date" content="2021-10-15"><meta property="article:published_time" content="2021-10-13T09:00:00+02:00">`,
			want: "2021-10-13",
		},
		{
			name: "json-ld datePublished",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-12-25T01:59:50+02:00","dateModified":"2021-01-02T00:00:00+02:00"}</script>`,
			want: "2020-12-25",
		},
		{
			name: "utc time read on the local calendar",
			head: `<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">
<script type="application/ld+json">{"uploadDate":"2023-11-08T21:11:03-05:00"}</script>`,
			want: "2023-11-08",
		},
		{
			name: "utc time and naive local time",
			head: `<meta property="article:published_time" content="2023-11-09T01:49:09+00:00"><meta name="sailthru.date" content="2023-11-08 17:49:09">`,
			want: "2023-11-08",
		},
		{
			name: "url date one day off a utc time",
			head: `<meta property="article:published_time" content="2018-12-31T23:11:59+00:00">`,
			url:  "https://example.wordpress.com/2019/01/01/new-year/",
			want: "2019-01-01",
		},
		{
			name: "url date much older than metadata",
			head: `<meta itemprop="datePublished" content="2019-06-17T18:28:00+0200">`,
			url:  "https://example.com/home/2017/7/12/story",
			want: "2017-07-12",
		},
		{
			name: "rfc 1123 in json-ld",
			head: `<script type="application/ld+json">{"datePublished":"Tue, Sep 15 2020 10:01:41 EDT"}</script>`,
			want: "2020-09-15",
		},
		{
			name: "date under the headline, not today's date in the header",
			body: `<div class="top">Tuesday, 08 Dec 2020</div><h1>Envoy says the counteroffensive restores integrity</h1><div>13 Oct 2020 18:29</div><p>Text.</p>`,
			want: "2020-10-13",
		},
		{
			name: "german byline date",
			body: `<h1>Neue Präsidentin der Caritas gewählt</h1><p class="meta">Berlin, 13. Oktober 2021</p><p>Text.</p>`,
			want: "2021-10-13",
		},
		{
			name: "utc time read on the day printed under the headline",
			head: `<meta property="article:published_time" content="2022-05-04T00:53:29Z">`,
			body: `<h1>Jugada del oficialismo en Diputados hoy</h1><p>3 de mayo de 2022</p><p>Texto.</p>`,
			want: "2022-05-03",
		},
		{
			name: "no date",
			body: `<h1>An undated page about nothing</h1><p>No dates here.</p>`,
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := fmt.Sprintf("<html><head><title>t</title>%s</head><body>%s</body></html>", tt.head, tt.body)
			d, err := PublishedDate([]byte(page), tt.url)
			if err != nil {
				t.Fatalf("PublishedDate: %v", err)
			}
			got := ""
			if !d.IsZero() {
				got = d.Format(time.DateOnly)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanBlocks(t *testing.T) {
	in := []string{
		"The first real paragraph of the story, which is long enough to be text.",
		"Lesen Sie auch:",
		"Eine andere Geschichte",
		"Noch eine Geschichte",
		"The second real paragraph goes on with the story and ends with a full stop.",
		"VEA TAMBIÉN: Otra noticia sin relación",
		"Subscribe to our newsletter for daily updates",
		"Photo: Reuters",
		"Last updated: 12.01.2022",
		"The third paragraph.",
		"To view the full story, please subscribe to The Daily.",
		"First-time subscribers get a gift.",
	}
	want := []string{
		"The first real paragraph of the story, which is long enough to be text.",
		"The second real paragraph goes on with the story and ends with a full stop.",
		"The third paragraph.",
	}
	got := cleanBlocks(in)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q,\nwant %q", got, want)
	}
}

func TestSiteFromHost(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.reuters.com/world/asia/x", "Reuters"},
		{"https://news.bbc.co.uk/2/hi/x.stm", "BBC"},
		{"https://www.example.co.uk/a", "example.co.uk"},
		{"http://blog.example.org/post", "example.org"},
		{"", ""},
		{"not a url", ""},
	}
	for _, tt := range tests {
		if got := siteFromHost(tt.url); got != tt.want {
			t.Errorf("siteFromHost(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestNormalizeLang(t *testing.T) {
	for in, want := range map[string]string{"de-DE": "de", "en_US": "en", "FR": "fr", "": "", "x": "", "zh-Hans-CN": "zh", "fr, en": "fr"} {
		if got := normalizeLang(in); got != want {
			t.Errorf("normalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkHTML measures one typical news page (about 10 KB of HTML).
func BenchmarkHTML(b *testing.B) {
	var body strings.Builder
	for i := 0; i < 6; i++ {
		body.WriteString(articleBody)
	}
	page := []byte(newsPage(`<meta property="article:published_time" content="2022-01-07T10:15:00+06:00">`, body.String()))
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := HTML(page, "https://worldnews.example.com/2022/01/07/tokayev"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ title, site, url, want string }{
		{"Receita de Sequilho | CyberCook", "", "https://cybercook.com.br/x", "Receita de Sequilho"},
		{"Investigador chileno asegura algo | EL DEBER", "", "https://eldeber.com.bo/x", "Investigador chileno asegura algo"},
		{"Tokayev orders troops to shoot - World News Daily", "World News Daily", "", "Tokayev orders troops to shoot"},
		{"BBC News - Kazakhstan unrest explained", "BBC", "https://www.bbc.co.uk/news/x", "Kazakhstan unrest explained"},
		{"Frei erfunden: Grab-Bote fliegt - nach Singapur", "Der Farang", "https://der-farang.com/x", "Frei erfunden: Grab-Bote fliegt - nach Singapur"},
		{"Short | Site", "Site", "", "Short | Site"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.site, tt.url); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestCleanAuthor(t *testing.T) {
	for in, want := range map[string]string{
		"By Jane Reporter":                     "Jane Reporter",
		"Zum Profil von jesusfreak jesusfreak": "jesusfreak",
		"MORITZ GATHMANN am":                   "MORITZ GATHMANN",
		"Zeige alle Beiträge von Petra Ruland": "Petra Ruland",
		"Name":                                 "",
		"Camila Méndez":                        "Camila Méndez",
	} {
		if got := cleanAuthor(in); got != want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(newsPage("", articleBody)), "https://example.com/2022/01/07/x")
	f.Add([]byte(`<meta property="article:published_time" content="2022-1-1T99:99"><h1>x</h1>`), "")
	f.Fuzz(func(t *testing.T, raw []byte, url string) {
		p, err := HTML(raw, url)
		if err == nil && !utf8.ValidString(p.Text) {
			t.Error("invalid UTF-8 in text")
		}
	})
}

// BenchmarkHTMLParallel measures the same page as BenchmarkHTML on every
// CPU at once, as a bulk import runs it; it reports pages per second.
func BenchmarkHTMLParallel(b *testing.B) {
	var body strings.Builder
	for i := 0; i < 6; i++ {
		body.WriteString(articleBody)
	}
	page := []byte(newsPage(`<meta property="article:published_time" content="2022-01-07T10:15:00+06:00">`, body.String()))
	b.SetBytes(int64(len(page)))
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := HTML(page, "https://worldnews.example.com/2022/01/07/tokayev"); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
}

// TestMaybePromo checks that promoWords and promoPhrases, which
// cleanBlocks checks before the costly promo pattern, let through every
// paragraph the pattern matches: one example per branch, in various cases.
func TestMaybePromo(t *testing.T) {
	matches := []string{
		"Subscribe to our updates", "SIGN UP FOR free alerts", "Thanks for signing up!", "Get our newsletter",
		"Newsletter sign-up", "Newsletter abonnieren", "Follow us on X", "Like us on Facebook", "Share this article",
		"Join the conversation", "Be part of the discussion", "We want to hear what you think", "Submit your letter",
		"Already a subscriber? Log in", "Login to read more", "Log in for immediate access", "Abonnieren Sie uns",
		"Jetzt abonnieren", "Zum Newsletter", "Melden Sie sich jetzt für den Newsletter an", "Sie sind nicht eingeloggt",
		"Du bist derzeit nicht eingeloggt", "Jetzt registrieren", "Jetzt anmelden", "Um diesen Artikel zu lesen",
		"Um den Artikel weiterzulesen", "Um weiter zu lesen", "Abonnez-vous", "Inscrivez-vous", "S'abonner",
		"Pour lire la suite", "Pour accéder à l'intégralité", "Pour accéder en illimité", "Suscríbete", "Suscribase",
		"Únete", "Unete a nuestro canal", "Síguenos", "Suscripción digital", "Zapisz się", "Subskrypcja",
		"Zaprenumeruj", "Iscriviti", "Assine já", "Inscreva-se", "Get the Herald’s daily edition", "Never miss a story",
		"Don't miss out", "Comments (12)", "Kommentare (3)", "Commentaires (4)", "Comentarios (5)", "Leave a comment",
		"Post a reply", "Kommentar schreiben", "Keine Kommentare", "No comments yet", "Schreiben Sie den ersten Kommentar",
		"Hinterlassen Sie einen Kommentar", "Deja tu comentario", "Laisser un commentaire",
	}
	for _, s := range matches {
		for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s), "Text before. " + s + " and after"} {
			if !promo.Get().MatchString(v) {
				t.Errorf("promo pattern does not match %q", v)
			}
			if !maybePromo(v) {
				t.Errorf("maybePromo(%q) = false, want true", v)
			}
		}
	}
	for _, s := range []string{"The minister will sign the treaty.", "Shares fell 3% in Tokyo.", "He logged the calls."} {
		if maybePromo(s) {
			t.Errorf("maybePromo(%q) = true, want false", s)
		}
	}
}

// TestAuthorsInAStableOrder checks that a page whose JSON-LD names
// several persons and no author (as haufe.de's pages do) gives the same
// author line every time: the library walked JSON objects in Go's random
// map order.
func TestAuthorsInAStableOrder(t *testing.T) {
	page := []byte(`<html><head><title>Ordnungsgeld droht</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Ordnungsgeld droht","publisher":{"@type":"Organization","name":"Haufe",
"employee":{"@type":"Person","name":"Miron Schneckenberger"},
"founder":{"@type":"Person","name":"Rudolf Haufe"},"member":{"@type":"Person","name":"Anna Berg"}},
"datePublished":"2022-01-12"}</script></head>
<body><article><h1>Ordnungsgeld droht</h1>
<p>Wer seinen Jahresabschluss nicht rechtzeitig offenlegt, muss mit einem Ordnungsgeld rechnen, das das Bundesamt für Justiz festsetzt.</p>
<p>Die Frist endet zwölf Monate nach dem Abschlussstichtag; danach beginnt das Verfahren mit einer Androhung und einer Nachfrist von sechs Wochen.</p>
</article></body></html>`)
	var first string
	for i := range 30 {
		p, err := HTML(page, "https://www.example.de/recht/ordnungsgeld")
		if err != nil {
			t.Fatal(err)
		}
		if p.Author == "" {
			t.Fatal("no author")
		}
		if i == 0 {
			first = p.Author
		} else if p.Author != first {
			t.Fatalf("run %d: author %q, first run %q", i, p.Author, first)
		}
	}
	if !strings.HasPrefix(first, "Miron Schneckenberger") {
		t.Errorf("author %q, want the persons in key order", first)
	}
}
