package importer

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/importer/charset"
	"github.com/wiretrace/wiretrace/importer/langid"
)

// ErrTitleOnly marks a feed item that has a title and no text of its own
// (no description or content, or one that only repeats the title). Such
// items are skipped, not imported: an article whose text is its headline
// would link to every copy of the headline and stand for a story it does
// not hold.
var ErrTitleOnly = errors.New("title only, no text")

// isJSONFeed reports whether the first bytes of a file are a JSON Feed
// (https://jsonfeed.org), which names its version by that address.
func isJSONFeed(head []byte) bool {
	h := bytes.TrimLeft(head[:min(len(head), 1024)], " \t\r\n\ufeff")
	return bytes.HasPrefix(h, []byte("{")) && bytes.Contains(h, []byte("jsonfeed.org/version"))
}

// xmlDeclEncoding matches the encoding of an XML declaration, which is
// removed once the bytes are decoded to UTF-8.
var xmlDeclEncoding = regexp.MustCompile(`(?i)^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']`)

// feedUTF8 returns a feed's bytes as UTF-8, decoded as pages are (see
// charset.Decode): valid UTF-8 as it is, else the declared encoding, else
// one sniffed from the bytes (a Latin-1 feed without a declaration is
// common). The XML declaration loses its encoding, which no longer holds.
func feedUTF8(b []byte, hint string) ([]byte, error) {
	text, _, err := charset.Decode(b, hint, false)
	if err != nil {
		return nil, err
	}
	out := []byte(text)
	if m := xmlDeclEncoding.FindSubmatchIndex(out[:min(len(out), 512)]); m != nil {
		out = append(out[:m[3]:m[3]], out[m[1]:]...)
	}
	return out, nil
}

func readFeed(name string, r io.Reader, d Defaults, s sink) error {
	b, err := readAtMost(r, maxDoc, "feed")
	if err != nil {
		return err
	}
	hint, feedURL := "", ""
	if d.Entry != nil {
		hint, feedURL = d.Entry.Charset, d.Entry.URL
	}
	if b, err = feedUTF8(b, hint); err != nil {
		return err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("not a readable RSS, Atom or JSON feed: %w", err)
	}
	source := htmlText(feed.Title)
	base := feedBase(feedURL, feed.FeedLink, feed.Link)
	lang := langid.Normalize(feed.Language)
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		itemName := fmt.Sprintf("%s item %d", name, i+1)
		body := it.Content
		if strings.TrimSpace(htmlText(body)) == "" {
			body = it.Description
		}
		a := &wiretrace.Article{Title: htmlText(it.Title), URL: resolve(base, it.Link), Text: htmlText(body), Source: source,
			Origin: fmt.Sprintf("%s#%d", path.Base(name), i+1), Language: lang}
		if a.Text != "" && sameWords(a.Text, a.Title) {
			a.Text = ""
		}
		if a.Text == "" && a.Title != "" {
			s.bad(itemName, ErrTitleOnly, true)
			continue
		}
		if it.PublishedParsed != nil {
			a.Published = *it.PublishedParsed
		} else if it.UpdatedParsed != nil {
			a.Published = *it.UpdatedParsed
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			a.Byline = htmlText(it.Authors[0].Name)
		}
		if err := finish(a, d); err != nil {
			s.bad(itemName, err, false)
			continue
		}
		if err := s.art(a); err != nil {
			return err
		}
	}
	return nil
}

// feedBase is the address a feed's relative links are resolved against:
// where the feed was fetched from, else the feed's own link to itself,
// else its site's; nil when none is an absolute address.
func feedBase(candidates ...string) *url.URL {
	for _, c := range candidates {
		if u, err := url.Parse(strings.TrimSpace(c)); err == nil && u.IsAbs() && u.Host != "" {
			return u
		}
	}
	return nil
}

// resolve returns link resolved against base: "/2022/01/a.html" in a feed
// of https://example.org/feed gives https://example.org/2022/01/a.html.
// A link that cannot be parsed, or with no base to resolve it against,
// is kept as it is.
func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if base == nil || link == "" {
		return link
	}
	u, err := url.Parse(link)
	if err != nil || u.IsAbs() {
		return link
	}
	return base.ResolveReference(u).String()
}

// sameWords reports whether two texts are the same words, whatever the
// spacing, case and final punctuation.
func sameWords(a, b string) bool {
	norm := func(s string) string {
		return strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(s), " ")), ".…!?:")
	}
	return norm(a) == norm(b)
}

// tagLike finds what is markup in text: a fragment whose markup was
// escaped twice ("&amp;lt;p&amp;gt;") still holds tags once read.
var tagLike = regexp.MustCompile(`(?i)</?(p|br|div|span|a|b|i|em|strong|img|ul|ol|li|h[1-6]|blockquote|figure|table)\b[^<>]*>`)

// htmlText turns an HTML fragment (a feed item's content or title) into
// paragraphs of text, with its entities decoded. Markup escaped twice is
// read as markup (once more at most).
func htmlText(fragment string) string {
	text := fragmentText(fragment)
	if tagLike.MatchString(text) {
		text = fragmentText(text)
	}
	return text
}

func fragmentText(fragment string) string {
	if !strings.Contains(fragment, "<") {
		fragment = html.UnescapeString(fragment)
		if !tagLike.MatchString(fragment) {
			return strings.Join(strings.Fields(fragment), " ")
		}
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader("<div>" + fragment + "</div>"))
	if err != nil {
		return ""
	}
	doc.Find("script, style, iframe, figure figcaption, nav, aside").Remove()
	var paras []string
	doc.Find("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre").Each(func(_ int, sel *goquery.Selection) {
		if sel.Find("p, li").Length() > 0 {
			return
		}
		if t := strings.Join(strings.Fields(sel.Text()), " "); t != "" {
			paras = append(paras, t)
		}
	})
	if len(paras) == 0 {
		return strings.Join(strings.Fields(doc.Text()), " ")
	}
	return strings.Join(paras, "\n\n")
}
