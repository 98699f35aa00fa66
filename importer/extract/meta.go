package extract

import (
	"encoding/json"
	nurl "net/url"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"github.com/wiretrace/wiretrace/importer/internal/lazyre"
	"golang.org/x/net/html"
)

// knownOutlets maps the registrable domain of well-known news sites to
// the name readers know them by. Other hosts fall back to their domain.
var knownOutlets = map[string]string{
	"reuters.com": "Reuters", "apnews.com": "AP News", "afp.com": "AFP", "bbc.co.uk": "BBC", "bbc.com": "BBC",
	"nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post", "wsj.com": "The Wall Street Journal",
	"theguardian.com": "The Guardian", "cnn.com": "CNN", "foxnews.com": "Fox News", "nbcnews.com": "NBC News",
	"aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera", "bloomberg.com": "Bloomberg", "ft.com": "Financial Times",
	"economist.com": "The Economist", "npr.org": "NPR", "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times",
	"independent.co.uk": "The Independent", "telegraph.co.uk": "The Telegraph", "dw.com": "Deutsche Welle",
	"lemonde.fr": "Le Monde", "lefigaro.fr": "Le Figaro", "liberation.fr": "Libération", "france24.com": "France 24",
	"spiegel.de": "Der Spiegel", "zeit.de": "Die Zeit", "faz.net": "Frankfurter Allgemeine Zeitung", "sueddeutsche.de": "Süddeutsche Zeitung",
	"tagesschau.de": "tagesschau.de", "elpais.com": "El País", "elmundo.es": "El Mundo", "corriere.it": "Corriere della Sera",
	"repubblica.it": "la Repubblica", "rt.com": "RT", "tass.com": "TASS", "tass.ru": "ТАСС", "ria.ru": "РИА Новости",
	"xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "globaltimes.cn": "Global Times", "scmp.com": "South China Morning Post",
	"nhk.or.jp": "NHK", "asahi.com": "朝日新聞", "yomiuri.co.jp": "読売新聞", "japantimes.co.jp": "The Japan Times",
	"timesofindia.indiatimes.com": "The Times of India", "hindustantimes.com": "Hindustan Times", "thehindu.com": "The Hindu",
	"business-standard.com": "Business Standard", "ndtv.com": "NDTV", "dawn.com": "Dawn", "urdupoint.com": "UrduPoint",
	"kazinform.kz": "Kazinform", "inform.kz": "Kazinform", "tengrinews.kz": "Tengrinews", "rferl.org": "RFE/RL", "azattyq.org": "Azattyq",
	"euronews.com": "Euronews", "politico.com": "Politico", "politico.eu": "Politico Europe", "axios.com": "Axios",
}

// multiLabelSuffixes are public suffixes of two labels, so that the
// registrable domain of news.bbc.co.uk is bbc.co.uk.
var multiLabelSuffixes = map[string]bool{
	"co.uk": true, "org.uk": true, "ac.uk": true, "gov.uk": true, "com.au": true, "net.au": true, "org.au": true,
	"co.jp": true, "or.jp": true, "ne.jp": true, "co.kr": true, "or.kr": true, "co.in": true, "co.nz": true, "co.za": true,
	"com.br": true, "com.ar": true, "com.mx": true, "com.pa": true, "com.pe": true, "com.co": true, "com.cn": true,
	"com.hk": true, "com.tw": true, "com.sg": true, "com.tr": true, "com.pk": true, "com.ua": true, "com.pl": true,
	"com.kz": true, "gov.kz": true, "org.kz": true,
}

// genericSecondLevel labels under a country code make a public suffix
// of two labels (com.bo, org.pe, gob.mx).
var genericSecondLevel = map[string]bool{
	"com": true, "co": true, "org": true, "net": true, "gov": true, "gob": true, "edu": true, "ac": true,
	"or": true, "ne": true, "go": true, "nic": true, "mil": true,
}

// siteFromHost returns an outlet name for a URL's host: a known outlet's
// name, or the registrable domain ("example.co.uk").
func siteFromHost(pageURL string) string {
	u, err := nurl.Parse(strings.TrimSpace(pageURL))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	for h := host; h != ""; {
		if name, ok := knownOutlets[h]; ok {
			return name
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	labels := strings.Split(host, ".")
	if len(labels) <= 2 {
		return host
	}
	n := 2
	sld, tld := labels[len(labels)-2], labels[len(labels)-1]
	if multiLabelSuffixes[sld+"."+tld] || len(tld) == 2 && genericSecondLevel[sld] {
		n = 3
	}
	if n > len(labels) {
		n = len(labels)
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// pageMeta is the metadata Wiretrace reads itself, to fill what the
// extraction library left empty.
type pageMeta struct {
	title, site, author, lang, desc, canonical string
}

// readMeta reads title, outlet, author, language, description and
// canonical URL from meta tags, JSON-LD and the document.
func readMeta(doc *html.Node) pageMeta {
	gd := goquery.NewDocumentFromNode(doc)
	var m pageMeta
	// The <meta> elements are listed once; each key then looks through
	// the list, not through the whole document for every attribute.
	metas := metaElements(doc, nil)
	meta := func(keys ...string) string {
		for _, k := range keys {
			for _, attr := range []string{"property", "name", "itemprop", "http-equiv"} {
				// The first <meta> whose attr is k gives its content.
				for _, n := range metas {
					if v, ok := attrOf(n, attr); ok && strings.EqualFold(strings.TrimSpace(v), k) {
						c, _ := attrOf(n, "content")
						if c = normalizeSpace(c); c != "" {
							return c
						}
						break
					}
				}
			}
		}
		return ""
	}
	m.title = meta("og:title", "twitter:title")
	if m.title == "" {
		m.title = normalizeSpace(gd.Find("head title").First().Text())
	}
	if m.title == "" {
		m.title = normalizeSpace(gd.Find("h1").First().Text())
	}
	m.site = meta("og:site_name", "application-name", "publisher", "dc.publisher")
	m.author = meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
	if strings.HasPrefix(m.author, "http") {
		m.author = ""
	}
	if m.author == "" {
		m.author = normalizeSpace(gd.Find(`[rel="author"], [itemprop="author"] [itemprop="name"], .byline .author, .author-name, .byline__name`).First().Text())
	}
	m.desc = meta("og:description", "description", "twitter:description")
	m.canonical = strings.TrimSpace(gd.Find(`link[rel="canonical"]`).First().AttrOr("href", ""))
	if m.canonical == "" {
		m.canonical = meta("og:url")
	}
	m.lang = normalizeLang(gd.Find("html").First().AttrOr("lang", ""))
	if m.lang == "" {
		m.lang = normalizeLang(gd.Find("html").First().AttrOr("xml:lang", ""))
	}
	if m.lang == "" {
		m.lang = normalizeLang(meta("content-language", "og:locale", "dc.language", "language"))
	}
	if m.site == "" || m.author == "" {
		site, author := jsonLDNames(gd)
		if m.site == "" {
			m.site = site
		}
		if m.author == "" {
			m.author = author
		}
	}
	return m
}

// metaElements appends the <meta> elements below n to dst, in document
// order.
func metaElements(n *html.Node, dst []*html.Node) []*html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "meta" {
			dst = append(dst, c)
		}
		dst = metaElements(c, dst)
	}
	return dst
}

// attrOf returns the value of n's first attribute named key and whether
// n has one.
func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// jsonLDNames returns the publisher and first author names found in the
// page's JSON-LD.
func jsonLDNames(gd *goquery.Document) (publisher, author string) {
	gd.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if err := json.Unmarshal([]byte(s.Text()), &v); err != nil {
			return true
		}
		walkJSON(v, 0, func(obj map[string]any) {
			if publisher == "" {
				publisher = jsonName(obj["publisher"])
			}
			if author == "" {
				author = jsonName(obj["author"])
			}
		})
		return publisher == "" || author == ""
	})
	return publisher, author
}

// walkJSON calls fn for every object in v, depth first, up to a depth.
func walkJSON(v any, depth int, fn func(map[string]any)) {
	if depth > 8 {
		return
	}
	switch t := v.(type) {
	case map[string]any:
		fn(t)
		for _, c := range t {
			walkJSON(c, depth+1, fn)
		}
	case []any:
		for _, c := range t {
			walkJSON(c, depth+1, fn)
		}
	}
}

// jsonName returns the name of a JSON-LD person or organisation value.
func jsonName(v any) string {
	switch t := v.(type) {
	case string:
		if !strings.HasPrefix(t, "http") {
			return normalizeSpace(t)
		}
	case map[string]any:
		if n, ok := t["name"].(string); ok {
			return normalizeSpace(n)
		}
	case []any:
		var names []string
		for _, e := range t {
			if n := jsonName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, "; ")
	}
	return ""
}

// normalizeLang returns the primary language subtag of a language tag or
// locale ("de-DE", "en_US" → "de", "en"), or "".
func normalizeLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, ",; "); i >= 0 {
		tag = tag[:i]
	}
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}

// titleSeparators split a page title from the site name around it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " « ", " / "}

// compact lower-cases s and keeps only letters and digits, so that
// "EL DEBER", "eldeber" and "El-Deber" compare equal.
func compact(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanTitle removes the site name that pages add before or after the
// headline in <title> ("Headline | Site", "Site - Headline"). A part is
// the site name when it matches site, or holds the name of the URL's
// domain ("cybercook" for cybercook.com.br).
func cleanTitle(title, site, pageURL string) string {
	title = normalizeSpace(title)
	label := ""
	if d := siteFromHost(pageURL); d != "" && strings.Contains(d, ".") {
		label = compact(d[:strings.IndexByte(d, '.')])
	}
	cs := compact(site)
	isSite := func(part string) bool {
		c := compact(part)
		if c == "" {
			return false
		}
		if cs != "" && (c == cs || strings.Contains(c, cs) && len(c) <= len(cs)+12) {
			return true
		}
		return len(label) >= 4 && strings.Contains(c, label) && len(c) <= len(label)+16
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 {
			head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
			if len(head) >= 10 && isSite(tail) {
				return cleanTitle(head, site, pageURL)
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
			if len(tail) >= 10 && isSite(head) {
				return cleanTitle(tail, site, pageURL)
			}
		}
	}
	return title
}

var (
	authorPrefix = lazyre.New(`(?i)^(?:(?:written |posted |published )?by|von|par|por|autor(?:in)?|auteur|author|zum profil von|zeige alle beiträge von|alle beiträge von|more posts by|text(?:e)?|redaktion)\s*:?\s+`)
	authorSuffix = lazyre.New(`(?i)\s+(?:am|at|le|el|on|um)$`)
)

// cleanAuthor removes labels around an author name ("By", "Von",
// "Zum Profil von", a trailing "am") and placeholders such as "Name".
func cleanAuthor(a string) string {
	a = normalizeSpace(a)
	for i := 0; i < 2; i++ {
		a = strings.TrimSpace(authorPrefix.Get().ReplaceAllString(a, ""))
		a = strings.TrimSpace(authorSuffix.Get().ReplaceAllString(a, ""))
	}
	switch strings.ToLower(a) {
	case "name", "admin", "administrator", "author", "autor", "auteur", "auteurs", "unknown", "anonymous", "redaktion", "editor":
		return ""
	}
	// "jesusfreak jesusfreak": a user name doubled by the profile link.
	if f := strings.Fields(a); len(f) == 2 && f[0] == f[1] {
		return f[0]
	}
	return a
}
