package extract

import (
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/markusmobius/go-htmldate"
	"github.com/wiretrace/wiretrace/importer/internal/lazyre"
	"golang.org/x/net/html"
)

// A dateCandidate is one publication date a page states about itself.
type dateCandidate struct {
	t       time.Time // the instant, in the location the page wrote it in
	hasTime bool
	utc     bool // written in UTC (Z or +00:00), so its calendar day may not be the local one
	naive   bool // a time without an offset
	prio    int  // kind of field: lower is more specific; weakPrio and above never decide
}

// Kinds of date fields, most specific first.
const (
	prioMeta      = iota // meta article:published_time and kin
	prioJSONLD           // JSON-LD datePublished
	prioMicrodata        // itemprop="datePublished"
	prioTimeTag          // <time pubdate>
	weakPrio             // generic "date", "created", upload dates: only used to find local times
)

// Meta fields (property, name or itemprop, lower case) that state the
// publication date (strong) or some date of the page (weak), and the
// JSON-LD keys read for dates.
var (
	strongDateMeta = map[string]bool{
		"article:published_time": true, "og:article:published_time": true, "article:published": true,
		"datepublished": true, "published_time": true, "og:published_time": true,
		"parsely-pub-date": true, "sailthru.date": true, "publish-date": true, "publish_date": true,
		"publishdate": true, "pubdate": true, "og:pubdate": true, "article.published": true,
		"dc.date.issued": true, "dcterms.issued": true, "citation_publication_date": true,
		"cxenseparse:recs:publishtime": true, "originalpublicationdate": true, "displaydate": true,
		"article_date_original": true, "date_published": true, "publication_date": true,
	}
	weakDateMeta = map[string]bool{
		"date": true, "dc.date": true, "dcterms.date": true, "dcterms.created": true, "datecreated": true,
		"created": true, "dc.date.created": true, "uploaddate": true, "ob:date": true,
	}
	jsonDate = lazyre.New(`"(datePublished|dateCreated|uploadDate|date)"\s*:\s*"([^"]{6,40})"`)
)

// publishedDate returns the original publication date of doc, or zero.
// Dates the page states in its metadata (meta tags, JSON-LD, microdata)
// decide, read on the page's own calendar; then the date printed under
// the headline; go-htmldate (original-date mode, which also reads the URL
// and the rest of the page) covers pages without either.
func publishedDate(doc *html.Node, pageURL string) (t time.Time) {
	defer func() {
		if r := recover(); r != nil {
			t = time.Time{}
		}
	}()
	if d, utc, ok := metadataDate(doc, pageURL); ok {
		if utc {
			// A UTC time may fall on the next or previous day of the
			// page's own calendar: the date printed under the headline
			// tells which.
			if b, ok := bylineDate(doc); ok {
				bd := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
				md := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
				if bd.Sub(md).Abs() == 24*time.Hour {
					return b
				}
			}
		}
		return d
	}
	if d, ok := bylineDate(doc); ok {
		return d
	}
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		URL:             pageURL,
		UseOriginalDate: true,
	})
	if err != nil || res.IsZero() {
		return time.Time{}
	}
	if yearOnly(doc, res.DateTime) {
		return time.Time{}
	}
	return res.DateTime
}

// yearOnly reports whether a 1 January found by the text search stands for
// a bare year (a "© 2022" footer) rather than a date the page writes out.
func yearOnly(doc *html.Node, t time.Time) bool {
	if t.Month() != time.January || t.Day() != 1 {
		return false
	}
	text := strings.ToLower(textContent(doc))
	y := strconv.Itoa(t.Year())
	for _, full := range []string{y + "-01-01", "01/01/" + y, "1/1/" + y, "01.01." + y, "1.1." + y, "january 1", "jan. 1", "jan 1,", "1 january", "1 jan", "1er janvier", "1 janvier", "1. januar", "1 de enero", "1 января"} {
		if strings.Contains(text, full) {
			return false
		}
	}
	return true
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

var urlDate = lazyre.New(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_.])`)

// metadataDate decides the publication day from the dates a page states
// about itself: the first date of the most specific kind (meta
// article:published_time and kin, then JSON-LD datePublished, then
// microdata). A time written in UTC is read on the page's own calendar
// when another field gives the same moment in local time, or when the URL
// holds a date one day off. A URL date much older than the metadata wins:
// the page was migrated or republished.
//
// utc reports that the day comes from a UTC time that no other field
// placed on the local calendar.
func metadataDate(doc *html.Node, pageURL string) (t time.Time, utc bool, ok bool) {
	cands := dateCandidates(doc)
	best := -1
	for i, c := range cands {
		if c.prio < weakPrio && (best < 0 || c.prio < cands[best].prio) {
			best = i
		}
	}
	if best < 0 {
		return time.Time{}, false, false
	}
	c := cands[best]
	if c.utc && c.hasTime {
		for _, o := range cands {
			if !o.hasTime || o.utc {
				continue
			}
			if o.naive {
				// Same wall-clock minutes and seconds, a whole number of
				// quarter hours away: the local time of the same moment.
				_, off := o.t.Zone()
				local := time.Date(o.t.Year(), o.t.Month(), o.t.Day(), o.t.Hour(), o.t.Minute(), o.t.Second(), 0, time.UTC)
				diff := local.Sub(c.t)
				if off == 0 && diff != 0 && diff.Abs() <= 14*time.Hour && diff%(15*time.Minute) == 0 {
					c.t = c.t.In(time.FixedZone("", int(diff.Seconds())))
					c.utc = false
					break
				}
				continue
			}
			if o.t.Sub(c.t).Abs() <= 2*time.Minute {
				c.t = c.t.In(o.t.Location())
				c.utc = false
				break
			}
		}
	}
	if m := urlDate.Get().FindStringSubmatch(pageURL); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			u := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			day := time.Date(c.t.Year(), c.t.Month(), c.t.Day(), 0, 0, 0, 0, time.UTC)
			switch diff := day.Sub(u); {
			case diff > 7*24*time.Hour:
				return u, false, true
			case c.utc && c.hasTime && diff.Abs() == 24*time.Hour:
				return u, false, true
			}
		}
	}
	return c.t, c.utc && c.hasTime, true
}

// dateCandidates collects the dates stated in meta tags, JSON-LD and
// microdata, in document order.
func dateCandidates(doc *html.Node) []dateCandidate {
	gd := goquery.NewDocumentFromNode(doc)
	var out []dateCandidate
	add := func(value string, prio int) {
		if c, ok := parseDate(value); ok {
			c.prio = prio
			out = append(out, c)
		}
	}
	gd.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop"} {
			key := strings.ToLower(strings.TrimSpace(s.AttrOr(attr, "")))
			if key == "" {
				continue
			}
			switch {
			case key == "datepublished" && attr == "itemprop":
				add(content, prioMicrodata)
			case strongDateMeta[key]:
				add(content, prioMeta)
			case weakDateMeta[key]:
				add(content, weakPrio)
			}
			return
		}
	})
	gd.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		for _, m := range jsonDate.Get().FindAllStringSubmatch(s.Text(), -1) {
			if m[1] == "datePublished" {
				add(m[2], prioJSONLD)
			} else {
				add(m[2], weakPrio)
			}
		}
	})
	gd.Find(`[itemprop="datePublished"]:not(meta), time[pubdate]`).Each(func(_ int, s *goquery.Selection) {
		prio := prioTimeTag
		if s.Is(`[itemprop="datePublished"]`) {
			prio = prioMicrodata
		}
		if v, ok := s.Attr("datetime"); ok {
			add(v, prio)
		} else if prio == prioMicrodata {
			add(strings.TrimSpace(s.Text()), prio)
		}
	})
	return out
}

var (
	isoDate     = lazyre.New(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?`)
	slashDate   = lazyre.New(`^(\d{1,2})([/.])(\d{1,2})[/.](\d{4})\b`)
	textLayouts = []string{
		time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, Jan 2 2006 15:04:05 MST",
		"Mon, Jan 2 2006 15:04:05 -0700", "Mon Jan 2 2006 15:04:05 MST", "Mon Jan _2 15:04:05 MST 2006",
		"January 2, 2006 15:04", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02 Jan 2006",
		"20060102",
	}
	minDate = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
)

// parseDate reads a machine date as pages write it in metadata: ISO 8601
// (also with a space or unpadded fields), numeric D.M.Y or M/D/Y, and
// RFC 1123-like text. Dates before 1995 or more than a day in the future
// are refused.
func parseDate(s string) (dateCandidate, bool) {
	s = strings.TrimSpace(html.UnescapeString(s))
	if s == "" || len(s) > 64 {
		return dateCandidate{}, false
	}
	var c dateCandidate
	if m := isoDate.Get().FindStringSubmatch(s); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		loc := time.UTC
		if m[4] != "" {
			c.hasTime = true
			if m[7] == "" {
				// A time without an offset is local to the page.
				loc = time.FixedZone("", 0)
				c.naive = true
			} else if m[7] == "Z" || strings.Trim(m[7], "+-0:") == "" {
				c.utc = true
			} else {
				off := strings.ReplaceAll(m[7][1:], ":", "")
				secs := atoi(off[:2])*3600 + atoi(off[2:])*60
				if m[7][0] == '-' {
					secs = -secs
				}
				loc = time.FixedZone("", secs)
			}
		}
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			return dateCandidate{}, false
		}
		c.t = time.Date(y, time.Month(mo), d, atoi(m[4]), atoi(m[5]), atoi(m[6]), 0, loc)
		if c.t.Day() != d {
			return dateCandidate{}, false
		}
	} else if m := slashDate.Get().FindStringSubmatch(s); m != nil {
		a, b, y := atoi(m[1]), atoi(m[3]), atoi(m[4])
		mo, d := a, b // M/D/Y
		if m[2] == "." || a > 12 {
			mo, d = b, a // D.M.Y
		}
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			return dateCandidate{}, false
		}
		c.t = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if c.t.Day() != d {
			return dateCandidate{}, false
		}
	} else {
		ok := false
		for _, layout := range textLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				c.t, ok = t, true
				c.hasTime = strings.Contains(layout, "15")
				if name, off := t.Zone(); c.hasTime && off == 0 && (name == "UTC" || name == "GMT" || name == "") {
					c.utc = true
				}
				break
			}
		}
		if !ok {
			return dateCandidate{}, false
		}
	}
	if c.t.Before(minDate) || c.t.After(time.Now().Add(24*time.Hour)) {
		return dateCandidate{}, false
	}
	return c, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

var (
	monthNames = map[string]time.Month{
		"jan": 1, "january": 1, "januar": 1, "janvier": 1, "enero": 1, "jän": 1, "jänner": 1,
		"feb": 2, "february": 2, "februar": 2, "février": 2, "febrero": 2,
		"mar": 3, "march": 3, "märz": 3, "mars": 3, "marzo": 3,
		"apr": 4, "april": 4, "avril": 4, "abril": 4,
		"may": 5, "mai": 5, "mayo": 5,
		"jun": 6, "june": 6, "juni": 6, "juin": 6, "junio": 6,
		"jul": 7, "july": 7, "juli": 7, "juillet": 7, "julio": 7,
		"aug": 8, "august": 8, "août": 8, "agosto": 8,
		"sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9,
		"oct": 10, "october": 10, "okt": 10, "oktober": 10, "octobre": 10, "octubre": 10,
		"nov": 11, "november": 11, "novembre": 11, "noviembre": 11,
		"dec": 12, "december": 12, "dez": 12, "dezember": 12, "décembre": 12, "diciembre": 12,
	}
	// "13 Oct 2020", "13. Oktober 2020", "13 de octubre de 2020"
	textDMY = lazyre.New(`(?i)\b(\d{1,2})\.?\s+(?:de\s+)?([a-zäéû]{3,9})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b`)
	// "Oct 13, 2020", "October 13 2020"
	textMDY = lazyre.New(`(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
	// "13.10.2020", "2020-10-13", "10/13/2020"
	textNumeric = lazyre.New(`\b(\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})\b`)
)

// bylineDate reads the date printed next to the headline: the first date
// in the visible text just after the headline (the first substantial
// <h1>, og:title or the <title>). Dates elsewhere, such as today's date in
// the page header, related articles or events, do not count.
func bylineDate(doc *html.Node) (time.Time, bool) {
	gd := goquery.NewDocumentFromNode(doc)
	var heads []string
	gd.Find("body h1").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if t := normalizeSpace(s.Text()); len(t) >= 15 {
			heads = append(heads, t)
			return false
		}
		return true
	})
	if t, ok := gd.Find(`meta[property="og:title"]`).Attr("content"); ok {
		heads = append(heads, normalizeSpace(t))
	}
	title := normalizeSpace(gd.Find("head title").First().Text())
	heads = append(heads, title)
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " « "} {
		if i := strings.Index(title, sep); i > 0 {
			heads = append(heads, strings.TrimSpace(title[:i]))
		}
	}
	body := normalizeSpace(visibleText(doc))
	text := ""
	for _, h := range heads {
		if len(h) < 15 {
			continue
		}
		if i := strings.Index(body, h); i >= 0 {
			text = body[i+len(h):]
			break
		}
	}
	if text == "" {
		return time.Time{}, false
	}
	if len(text) > 120 {
		text = text[:120]
	}
	type hit struct {
		at int
		t  time.Time
	}
	var hits []hit
	if m := textDMY.Get().FindStringSubmatchIndex(text); m != nil {
		if mo, ok := monthNames[strings.ToLower(text[m[4]:m[5]])]; ok {
			hits = append(hits, hit{m[0], time.Date(atoi(text[m[6]:m[7]]), mo, atoi(text[m[2]:m[3]]), 0, 0, 0, 0, time.UTC)})
		}
	}
	if m := textMDY.Get().FindStringSubmatchIndex(text); m != nil {
		if mo, ok := monthNames[strings.ToLower(text[m[2]:m[3]])]; ok {
			hits = append(hits, hit{m[0], time.Date(atoi(text[m[6]:m[7]]), mo, atoi(text[m[4]:m[5]]), 0, 0, 0, 0, time.UTC)})
		}
	}
	if m := textNumeric.Get().FindStringIndex(text); m != nil {
		if c, ok := parseDate(text[m[0]:m[1]]); ok {
			hits = append(hits, hit{m[0], c.t})
		}
	}
	best := -1
	for i, h := range hits {
		if h.t.Day() < 1 || h.t.Before(minDate) || h.t.After(time.Now().Add(24*time.Hour)) {
			continue
		}
		if best < 0 || h.at < hits[best].at {
			best = i
		}
	}
	if best < 0 {
		return time.Time{}, false
	}
	return hits[best].t, true
}

// visibleText returns the text of doc's body without scripts and styles,
// one space between text nodes.
func visibleText(doc *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "head", "title", "meta":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}
