// Package extract reads what Wiretrace keeps from one HTML page: its
// metadata (title, outlet, author, language, publication date) and its
// main text without navigation or boilerplate.
//
// The main text comes from go-trafilatura (with its readability and
// DOM-distiller fallbacks, run only on pages where they may change the
// result) combined with Wiretrace's own rules, and the
// date from go-htmldate combined with metadata, JSON-LD and URL rules.
// Regular expressions in these libraries use Go's standard engine: the
// WebAssembly RE2 engine is only compiled in with the re2_wasm build tag,
// which Wiretrace does not set.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiretrace/wiretrace/importer/charset"
	"github.com/wiretrace/wiretrace/importer/langid"
)

// Page is what Wiretrace reads from one HTML page. Fields the page does
// not tell are empty. Language is an ISO 639 code ("en", "de"), detected
// from the main text when it is long enough and otherwise declared by the
// page. SiteName falls back to a name for the URL's host. Author may list
// several names separated by "; ".
type Page struct {
	Title, SiteName, URL, Author, Language, Description string
	// Published is the original publication date; zero when unknown. It
	// keeps the UTC offset the page wrote it with, so that its calendar
	// day (Published.Format(time.DateOnly)) is the day printed on the
	// page; converting it to UTC first may move it to the day before or
	// after. Pages that give only a day have midnight.
	Published time.Time
	// Text is the main text, paragraphs separated by "\n\n", without
	// boilerplate.
	Text string
}

// ErrEmpty is wrapped by the error HTML returns for a page without any
// HTML content.
var ErrEmpty = errors.New("empty page")

// maxPageBytes bounds the HTML read from one page; the rest is ignored.
const maxPageBytes = 8 << 20

// HTML reads one HTML page (raw bytes in any charset) fetched from
// pageURL ("" if unknown). It returns an error wrapping charset.ErrBinary
// for binary data and ErrEmpty for empty input; a page without main text
// is not an error (Text is empty).
func HTML(raw []byte, pageURL string) (*Page, error) {
	return HTMLWithCharset(raw, pageURL, "")
}

// HTMLWithCharset is HTML for a page whose charset is also declared
// outside its bytes: contentType is an HTTP Content-Type header
// ("text/html; charset=koi8-r"), as a WARC record or a crawl log keeps it,
// or a bare charset label. The bytes still win when they are valid UTF-8
// or start with a byte order mark.
func HTMLWithCharset(raw []byte, pageURL, contentType string) (page *Page, err error) {
	defer func() {
		// The HTML libraries are not written for hostile input; a page
		// that trips one of them is an error, never a crash.
		if r := recover(); r != nil {
			page, err = nil, fmt.Errorf("extract: internal error on malformed page: %v", r)
		}
	}()
	doc, err := parse(raw, contentType)
	if err != nil {
		return nil, err
	}
	var base *nurl.URL
	if pageURL != "" {
		if u, err := nurl.Parse(pageURL); err == nil && u.Host != "" {
			base = u
		}
	}
	p := &Page{URL: pageURL}
	own := readMeta(doc)
	p.Published = publishedDate(doc, pageURL)
	res, err := extractMain(doc, base, p.Published)
	if err == nil {
		p.Text = res.text
		md := res.meta
		p.Title, p.SiteName, p.Author, p.Description = md.Title, md.Sitename, md.Author, md.Description
		if p.URL == "" {
			p.URL = md.URL
		}
	}
	p.Title = firstNonEmpty(p.Title, own.title)
	p.SiteName = firstNonEmpty(p.SiteName, own.site)
	p.Author = firstNonEmpty(p.Author, own.author)
	p.Description = firstNonEmpty(p.Description, own.desc)
	// The language detected from a long enough text beats the page's
	// declaration, which templates often get wrong; short texts keep the
	// declared language. Each is only looked for when it is needed.
	long := utf8.RuneCountInString(p.Text) >= 200
	if long {
		p.Language = langid.Detect(p.Text)
	}
	if p.Language == "" {
		p.Language = strings.TrimSpace(own.lang)
	}
	if p.Language == "" && !long {
		p.Language = langid.Detect(p.Text)
	}
	if p.URL == "" {
		if u, err := nurl.Parse(own.canonical); err == nil && u.IsAbs() {
			p.URL = own.canonical
		}
	}
	if p.SiteName == "" {
		p.SiteName = siteFromHost(p.URL)
	}
	p.Title = cleanTitle(p.Title, p.SiteName, p.URL)
	p.Text = dropHeadline(p.Text, p.Title)
	p.Author = cleanAuthor(p.Author)
	return p, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// parse decodes raw to UTF-8 (hint: a charset declared outside the
// bytes, or "") and parses it as HTML.
func parse(raw []byte, hint string) (*html.Node, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("extract: %w", ErrEmpty)
	}
	if len(raw) > maxPageBytes {
		raw = raw[:maxPageBytes]
	}
	text, _, err := charset.Decode(raw, hint, true)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("extract: parse html: %w", err)
	}
	removeAnnotations(doc)
	return doc, nil
}

// PublishedDate returns the original publication date of one HTML page
// (raw bytes in any charset) fetched from pageURL ("" if unknown), or the
// zero time when the page does not tell. It is the date HTML puts in
// Page.Published, without the cost of extracting the text. It returns the
// same errors as HTML.
func PublishedDate(raw []byte, pageURL string) (time.Time, error) {
	doc, err := parse(raw, "")
	if err != nil {
		return time.Time{}, err
	}
	return publishedDate(doc, pageURL), nil
}

type mainResult struct {
	text string
	meta trafilatura.Metadata
}

// extractMain runs trafilatura (comments excluded, tables kept, with its
// readability and DOM-distiller fallbacks when its own result looks poor,
// see extractDocument) on doc, renders the result as paragraphs and
// applies Wiretrace's own rules: known boilerplate is dropped and a lead
// paragraph the library missed is restored.
func extractMain(doc *html.Node, base *nurl.URL, date time.Time) (res mainResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract: main text: internal error: %v", r)
		}
	}()
	opts := trafilatura.Options{
		OriginalURL:     base,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
		// HTML detects the language from a sample of the text: the
		// library's detection reads all of it and costs more than the rest
		// of the extraction's metadata.
		SkipLanguageDetection: true,
		// Categories, tags and licence are not read.
		SkipTaxonomy: true,
	}
	if !date.IsZero() {
		// The date is already known: spare the library its own search.
		opts.HtmlDateOverride = &htmldate.Result{DateTime: date}
	}
	r, err := extractDocument(doc, opts)
	if err != nil {
		return res, fmt.Errorf("extract: main text: %w", err)
	}
	blocks := renderBlocks(r.ContentNode)
	blocks = cleanBlocks(blocks)
	if lead := leadParagraph(doc, r.Metadata.Description, blocks); lead != "" {
		blocks = append([]string{lead}, blocks...)
	}
	res.text = strings.Join(blocks, "\n\n")
	res.meta = r.Metadata
	return res, nil
}

// Trafilatura's fallback (go-readability, then DOM-distiller when the
// text is still short) took half of its time, and on most pages it keeps
// the library's own text anyway. extractDocument therefore runs the
// library first with a stand-in for the readability candidate, a probe
// text of probeRunes runes, and without DOM-distiller. The library's own
// rules (compareExternalExtraction, candidateIsUsable in
// third_party/go-trafilatura/external.go) then give, with its default
// MinExtractedSize m = 250:
//
//   - own text < m runes: the probe is more than twice as long, so the
//     library takes it, and extractDocument sees the probe come back;
//   - own text >= m: the probe (2m-1 runes) is neither more than twice as
//     long nor, being shorter than 2m, long enough for the borderline
//     rules, so the library keeps its own text and cleans it
//     (sanitizeTree) exactly as after a real comparison that kept it.
//
// In the second case the result is the full run's result unless a real
// readability candidate would have won. Readability wins when it is more
// than twice as long as the own text, which it cannot be when the own
// text holds at least fallbackShare of the page's visible text (the
// candidate is a part of the page), or in the borderline rules when the
// own text has no paragraph text or more tables than paragraphs. Only
// pages failing one of these checks are extracted again with the real
// fallback, so the text is the one the full run gives.
//
// fallbackShare is 1/2 because of the "more than twice as long" rule; a
// smaller share would skip the fallback on more pages but no longer give
// the full run's text. One case is not covered: an own text of at least
// m runes that the final cleaning brings below m is replaced by the
// library's baseline extraction in both runs, and the full run may have
// preferred readability; it did not happen on any page of the evaluation
// corpora.
//
// That second run costs the library's own extraction once more. Pages
// whose <p> elements hold less than paragraphShare of the visible text
// mostly fail the checks (on the trafilatura benchmark pages, 176 of 204
// did, against 84 of 277 of the others), so they get the full run
// straight away. This guess only decides the cost, never the text.
const (
	probeRunes     = 2*250 - 1
	fallbackShare  = 0.5
	paragraphShare = 0.5
)

// probe is the stand-in text: one long word of a private-use character,
// which no page puts in its main text.
var probe = strings.Repeat("\ue000", probeRunes)

// extractDocument is trafilatura.ExtractDocument with opts.EnableFallback
// set, running the fallback extractors only when the library's own text
// may lose to them (see probe). It returns the same result and errors.
func extractDocument(doc *html.Node, opts trafilatura.Options) (*trafilatura.ExtractResult, error) {
	if opts.Config != nil || opts.Focus != trafilatura.Balanced || opts.FallbackCandidates != nil {
		// The reasoning above holds for the default settings only.
		return trafilatura.ExtractDocument(doc, opts)
	}
	visible, paragraphs := textRunes(doc)
	if float64(paragraphs) < paragraphShare*float64(visible) {
		return trafilatura.ExtractDocument(doc, opts)
	}
	if r, err := extractOwn(doc, opts); err == nil && r != nil && ownTextConfident(r, visible) {
		return r, nil
	}
	return trafilatura.ExtractDocument(doc, opts)
}

// extractOwn runs trafilatura on doc with the probe in place of the
// fallback extractors. It returns the result of the library's own
// extraction, cleaned as after a comparison that kept it, or nil when
// that text is shorter than the library's minimum (the probe came back).
func extractOwn(doc *html.Node, opts trafilatura.Options) (*trafilatura.ExtractResult, error) {
	cand := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	cand.AppendChild(&html.Node{Type: html.TextNode, Data: probe})
	opts.EnableFallback = true
	opts.FallbackCandidates = &trafilatura.FallbackCandidates{
		Readability: cand,
		// An empty candidate is never used; DOM-distiller is not run.
		Distiller: &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div},
	}
	r, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || r.ContentText == probe {
		return nil, err
	}
	return r, nil
}

// ownTextConfident reports whether no fallback candidate can beat r, the
// library's own extraction from a page with visible runes of text: r's
// text holds at least fallbackShare of them, and r has paragraph text and
// no more tables than paragraphs. r's text is measured after the
// library's final cleaning, which only removes text and elements, so the
// checks err on the side of running the fallback.
func ownTextConfident(r *trafilatura.ExtractResult, visible int) bool {
	own := utf8.RuneCountInString(r.ContentText)
	if float64(own) < fallbackShare*float64(visible) {
		return false
	}
	paras, tables, paraText := 0, 0, false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p":
				paras++
				if !paraText && hasText(n) {
					paraText = true
				}
			case "table":
				tables++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(r.ContentNode)
	return paraText && tables <= paras
}

// removeAnnotations deletes ruby annotations (<rt>, <rp>): the readings
// printed above CJK characters are not part of the text, and left in they
// split every annotated word.
func removeAnnotations(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.Data == "rt" || c.Data == "rp") {
			n.RemoveChild(c)
		} else {
			removeAnnotations(c)
		}
		c = next
	}
}
