package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/wiretrace/wiretrace/importer/internal/lazyre"
)

// blockTags start a new paragraph when rendering extracted content.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true, "footer": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "list": true, "item": true,
	"blockquote": true, "quote": true, "pre": true, "code": true, "figure": true, "figcaption": true,
	"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "row": true, "caption": true,
	"hr": true, "address": true, "aside": true, "nav": true, "form": true, "fieldset": true, "details": true, "summary": true,
	"body": true, "html": true, "doc": true,
}

// renderBlocks returns the paragraphs of an extracted content tree: the
// text of each block element, white space collapsed, table cells joined by
// " | ", <br> kept as a line break inside a paragraph.
func renderBlocks(root *html.Node) []string {
	var blocks []string
	var cur strings.Builder
	flush := func() {
		if t := strings.TrimSpace(collapseLines(cur.String())); t != "" {
			blocks = append(blocks, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br":
				cur.WriteByte('\n')
				return
			case "td", "th", "cell":
				if strings.TrimSpace(cur.String()) != "" {
					cur.WriteString(" | ")
				}
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	if root != nil {
		walk(root)
	}
	return blocks
}

// collapseLines collapses white space inside lines to single spaces and
// keeps single line breaks between non-empty lines.
func collapseLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, newline := false, false
	for _, r := range s {
		switch {
		case r == '\n':
			newline = true
		case unicode.IsSpace(r) || r == '\u200b':
			space = true
		default:
			if b.Len() > 0 {
				if newline {
					b.WriteByte('\n')
				} else if space {
					b.WriteByte(' ')
				}
			}
			space, newline = false, false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Boilerplate that pages put inside or right after the article text, in
// the languages of the archive's sources. The patterns only ever match
// short paragraphs.
var (
	// A paragraph that is only a "related content" heading; the short
	// link titles that follow it go too.
	relatedHeading = lazyre.New(`(?i)^(?:related(?: news| articles?| stories| posts| content| topics| coverage)?|more (?:news|stories|articles|from [\pL .]+|on this (?:topic|story))|read (?:also|more|next)|see also|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?|popular (?:posts|stories|articles)|most (?:read|popular|viewed)|trending(?: now)?|top stories|latest (?:news|stories|posts)|(?:lesen sie|lies) (?:auch|mehr|weiter)|auch interessant|das (?:könnte|dürfte) (?:sie|dich) auch interessieren|(?:das )?(?:könnte|dürfte) (?:sie|dich) auch interessieren|(?:weitere|ähnliche|verwandte) (?:artikel|beiträge|themen|nachrichten|meldungen|news)|mehr (?:zum thema|aus (?:dem|der) [\pL ]+|dazu|lesen)|empfohlene (?:artikel|beiträge)|meistgelesen|top-?themen|(?:à|a) lire (?:aussi|également)|lire (?:aussi|également|la suite)|voir aussi|sur le même (?:sujet|thème)|(?:dans|sur) (?:la|le) même (?:rubrique|thème)|(?:le |te )?puede(?:n)? interesar|(?:lea|vea|mira|mire|lee) (?:también|además)|(?:noticias|artículos|contenidos?) relacionad[oa]s|contenido relacionado|más noticias|también te puede interesar|te recomendamos|(?:czytaj|zobacz) (?:też|także|również|więcej)|polecamy|leggi anche|potrebbe interessarti|articoli correlati|leia (?:também|mais)|veja (?:também|mais)|notícias relacionadas|lees ook|gerelateerde artikelen)\s*[:.!?»›>\-–—]*$`)
	// A short paragraph that asks the reader to subscribe, sign up, share
	// or comment.
	promo = lazyre.New(`(?i)(?:subscribe (?:to|now|today|for)|sign up (?:for|to|now|here)|signing up|(?:our|unseren?|notre|nuestro|free|daily|weekly|zum|the) newsletter|newsletter (?:abonnieren|bestellen|anmelden|sign-?up)|(?:follow|like) us on|share (?:this|on) (?:article|story|facebook|twitter)|(?:join|be part of) the (?:conversation|discussion)|we want to hear what you think|submit your letter|already a subscriber|log ?in (?:to|for) (?:read|continue|immediate|comment)|abonnieren sie|jetzt abonnieren|newsletter (?:abonnieren|bestellen|anmelden)|zum newsletter|melden sie sich (?:jetzt )?(?:für|zum)|(?:sie sind|du bist) (?:aktuell |derzeit )?nicht eingeloggt|jetzt (?:registrieren|anmelden)|um (?:diesen artikel|den artikel|weiter) ?(?:zu )?(?:lesen|weiterzulesen)|abonnez-vous|inscrivez-vous|s'abonner|pour (?:lire|accéder à) (?:la suite|l'intégralité|cet article)|pour accéder en illimité|suscr(?:í|i)b(?:e|ase|ete)|únete|unete a nuestro|síguenos|suscripción|zapisz się|subskrypcj|zaprenumeruj|iscriviti|assine|inscreva-se|get the [\pL' ’]+ daily edition|never miss (?:the latest|a story)|don't miss (?:out|a story)|(?:comments?|kommentare?|commentaires?|comentarios?) \(\d+\)|(?:leave|post|write) a (?:comment|reply)|(?:kommentar|kommentare) (?:schreiben|verfassen|hinzufügen)|keine kommentare|no comments(?: yet)?|(?:schreiben|hinterlassen) sie (?:einen|den ersten) kommentar|deja (?:un|tu) comentario|laisser un commentaire)`)
	// A paragraph after which the rest of the extracted text is paywall or
	// shop promotion.
	paywall = lazyre.New(`(?i)^(?:to (?:view|read|continue reading) the (?:full|rest of the|whole) (?:story|article)|to continue reading|subscribe to (?:continue|read)|this (?:article|content) is (?:for|only available to) (?:subscribers|members)|(?:weiterlesen|lesen sie weiter) mit|um (?:den (?:ganzen|vollständigen) artikel|weiter) ?(?:zu )?(?:lesen|weiterzulesen)|dieser (?:artikel|inhalt) ist (?:nur )?(?:für|exklusiv)|pour lire la suite|la suite (?:de cet article )?est réservée|este (?:contenido|artículo) es exclusivo|para (?:seguir|continuar) leyendo|aby (?:przeczytać|czytać) (?:cały|dalej))`)
	// A short heading that introduces links or a list of other content:
	// "Lesen Sie auch die folgenden Beiträge:", "Das Thema könnte dich auch
	// interessieren:".
	relatedIntro = lazyre.New(`(?i)^(?:read (?:also|more)|more (?:from|on|about)|see (?:also|more)|related|you (?:may|might) also|lesen sie (?:auch|mehr)|auch (?:lesen|interessant)|(?:das|dies) (?:thema )?(?:könnte|dürfte) (?:sie|dich) (?:auch )?interessieren|weitere (?:beiträge|artikel|themen|tipps|informationen zum thema)|entdecke (?:weitere|mehr)|mehr (?:zum thema|über|aus|dazu)|lust auf mehr|vorschau auf|à lire|lire aussi|voir aussi|más (?:sobre|noticias|información)|(?:le |te )?puede interesar|(?:lea|vea|lee) también|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|leggi anche|leia também|veja também)\b.*:$|^lust auf mehr\?$`)
	// Interface labels left as paragraphs: update stamps, sharing,
	// rating, table-of-contents and image buttons, ad labels.
	uiLine = lazyre.New(`(?i)^(?:last (?:modified|updated)|(?:zuletzt )?aktualisiert(?: am)?|letzte änderung|updated(?: on)?|veröffentlicht(?: am)?|veröffentlichung|von:|by:|bewerten:?|rate this|view comments|(?:\d+ )?comments?|inhaltsverzeichnis|table of contents|beitragsbild|bild anzeigen|externer inhalt|teilen|drucken|share(?: this)?|print|tweet|e-?mail|advertisement|anzeige|werbung|publicidad|publicité|pubblicità)(?:\s*[:.]?\s*[\d./:, -]*)?$`)
	// Image credits and captions left as paragraphs of their own.
	creditLine = lazyre.New(`(?i)^(?:(?:photo|foto|bild|image|picture|crédits? photos?|fotos?|quelle|source|credit)s?\s*(?:credit)?\s*[:©]|©|\(c\)\s)`)
)

// cleanBlocks drops known boilerplate paragraphs from extracted text:
// related-content headings with the short link titles after them,
// subscription, newsletter, sharing and comment prompts, photo credits,
// and everything after a paywall notice.
func cleanBlocks(blocks []string) []string {
	out := blocks[:0:0]
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		n := utf8.RuneCountInString(b)
		if n <= 200 && paywall.Get().MatchString(b) && i > 0 {
			break
		}
		if n <= 80 && relatedHeading.Get().MatchString(b) {
			// Skip the heading and the link titles that follow it.
			for i+1 < len(blocks) && isLinkTitle(blocks[i+1]) {
				i++
			}
			continue
		}
		if n <= 80 && strings.HasSuffix(b, ":") && relatedHeading.Get().MatchString(strings.TrimSuffix(b, ":")) {
			continue
		}
		if n <= 100 && relatedIntro.Get().MatchString(b) {
			for i+1 < len(blocks) && isLinkTitle(blocks[i+1]) {
				i++
			}
			continue
		}
		if n <= 40 && uiLine.Get().MatchString(b) {
			continue
		}
		if n <= 250 && maybePromo(b) && promo.Get().MatchString(b) {
			continue
		}
		if n <= 120 && creditLine.Get().MatchString(b) {
			continue
		}
		if isInlinePromo(b) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// inlineRelated matches a paragraph that is a link to another article
// introduced by a "read also" label: "VEA TAMBIÉN: ...", "Lesen Sie auch: ...".
var inlineRelated = lazyre.New(`(?i)^(?:read (?:also|more)|see also|related|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|(?:à|a) lire aussi|lire aussi|voir aussi|(?:lea|vea|mira|mire|lee) (?:también|además)|le puede interesar|te puede interesar|también te puede interesar|czytaj (?:też|także|również)|zobacz (?:też|także)|leggi anche|leia também|veja também|mire)\s*[:›»>\-–—]\s*\S`)

// isInlinePromo reports whether b is a short "read also: <title>" line.
// Every match holds one of the separators the pattern requires after its
// label, a check far cheaper than the pattern.
func isInlinePromo(b string) bool {
	return strings.ContainsAny(b, inlineSeparators) && utf8.RuneCountInString(b) <= 250 && inlineRelated.Get().MatchString(b)
}

// inlineSeparators are the separators inlineRelated accepts after the label.
const inlineSeparators = ":›»>-–—"

// isLinkTitle reports whether b looks like the title of a linked article:
// short, and not ending like a sentence.
func isLinkTitle(b string) bool {
	n := utf8.RuneCountInString(b)
	if n > 160 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(b)
	return n <= 60 || !strings.ContainsRune(".!:;", last)
}

// leadParagraph returns the page's description when the page shows it as
// a lead paragraph above the article but the extracted text lacks it, and
// "" otherwise. Truncated descriptions ("…") are never used.
func leadParagraph(doc *html.Node, desc string, blocks []string) string {
	// Some pages escape the description twice ("&amp;nbsp;").
	desc = normalizeSpace(html.UnescapeString(desc))
	if utf8.RuneCountInString(desc) < 60 || strings.HasSuffix(desc, "…") || strings.HasSuffix(desc, "...") || strings.HasSuffix(desc, "[…]") {
		return ""
	}
	// The page shows the lead when its opening words are on the page;
	// the text has it already when they are in the text.
	head := desc
	if i := runeOffset(head, 40); i > 0 {
		head = head[:i]
	}
	text := normalizeSpace(strings.Join(blocks, " "))
	if text == "" || strings.Contains(text, head) {
		return ""
	}
	if !strings.Contains(normalizeSpace(visibleText(doc)), head) {
		return ""
	}
	return desc
}

// runeOffset returns the byte offset of the n-th rune of s, or -1 when s
// is shorter.
func runeOffset(s string, n int) int {
	i := 0
	for off := range s {
		if i == n {
			return off
		}
		i++
	}
	return -1
}

// promoWords are lower-case fragments of which every promo match holds
// one; they let cleanBlocks skip the costly promo pattern on most text.
var promoWords = []string{
	"subscri", "sign", "newsletter", "follow", "like us", "share", "conversation", "hear what", "letter",
	"log", "abonn", "eingeloggt", "registrier", "anmelden", "lesen", "inscri", "accéder", "suscr", "únete",
	"unete", "síguenos", "zapisz", "subskry", "zaprenumeruj", "iscriviti", "assine", "inscreva", "edition",
	"miss", "comment", "kommentar", "coment", "reply", "melden", "abonnez", "abonner", "discussion", "pour lire",
}

// promoPhrases are lower-case phrases of which every match of one branch
// of the promo pattern holds one (most words of promoWords are common:
// "share", "log", "sign", "letter"). The comment counter branch,
// "comments (12)", is checked apart.
var promoPhrases = []string{
	"subscribe ", "sign up ", "signing up", " newsletter", "newsletter ", " us on", "share ",
	"the conversation", "the discussion", "hear what you think", "submit your letter", "already a subscriber",
	"log in ", "login ", "abonnieren sie", "jetzt abonnieren", "melden sie sich", "nicht eingeloggt",
	"jetzt registrieren", "jetzt anmelden", "um diesen artikel", "um den artikel", "um weiter",
	"abonnez-vous", "inscrivez-vous", "s'abonner", "pour lire ", "pour accéder à ", "pour accéder en illimité",
	"suscr", "únete", "unete a nuestro", "síguenos", "zapisz się", "subskrypcj", "zaprenumeruj", "iscriviti",
	"assine", "inscreva-se", " daily edition", "never miss ", "don't miss ", " a comment", " a reply",
	"kommentar", "no comments", "comentario", "laisser un commentaire",
}

// maybePromo reports whether b may match the promo pattern: it holds one
// of promoWords and one of promoPhrases (or a comment counter). A b with
// a long s (ſ), which the pattern folds to s but strings.ToLower keeps,
// is only checked against promoWords.
func maybePromo(b string) bool {
	lower := strings.ToLower(b)
	found := false
	for _, w := range promoWords {
		if strings.Contains(lower, w) {
			found = true
			break
		}
	}
	if !found || strings.ContainsRune(b, 'ſ') {
		return found
	}
	for _, w := range promoPhrases {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return strings.Contains(lower, " (") && (strings.Contains(lower, "comment") || strings.Contains(lower, "kommentar") || strings.Contains(lower, "comentario"))
}

// textRunes returns the length in runes of the text of doc's body
// without scripts and styles, white space collapsed to single spaces and
// text nodes counted as separate words, and the part of it inside <p>
// elements. The first is an upper bound of the length of go-readability's
// extraction from doc as trafilatura measures it (readability drops
// <script>, <noscript> and <style> too).
func textRunes(doc *html.Node) (visible, paragraphs int) {
	var walk func(n *html.Node, inP bool)
	walk = func(n *html.Node, inP bool) {
		switch n.Type {
		case html.TextNode:
			runes := 0
			inWord := false
			for _, r := range n.Data {
				if unicode.IsSpace(r) {
					inWord = false
					continue
				}
				if !inWord && visible+runes > 0 {
					runes++ // the space before the word
				}
				inWord = true
				runes++
			}
			visible += runes
			if inP {
				paragraphs += runes
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "head":
				return
			case "p":
				inP = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inP)
		}
	}
	walk(doc, false)
	return visible, paragraphs
}

// hasText reports whether n holds any text other than white space.
func hasText(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) != ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasText(c) {
			return true
		}
	}
	return false
}
