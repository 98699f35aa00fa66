package agency

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
)

// noticeRe matches what precedes an agency's name in a copyright or
// distribution notice, lower-cased: "copyright 2017 ", "© ", "(c) 2017 ",
// "copyright © 2011-2022 ", "distributed by ", "this article was provided by ".
var noticeRe = regexp.MustCompile(`^(?:(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?|(?:this (?:story|article|report|content) (?:was|is|has been) )?(?:distributed|provided|syndicated|supplied|licensed) (?:by|from))\s*(?:the)?$`)

// bylineTail reports whether the words after an agency's name on a short
// credit line end a by-line: "Reuters staff", "AP Business Writer".
func bylineTail(post string) bool {
	w := strings.Fields(strings.TrimRight(post, "."))
	return len(w) > 0 && len(w) <= 3 && bylineWords[w[len(w)-1]]
}

var (
	photoWords = []string{"photo", "foto", "фото", "image", "picture", "getty", "credit:", "illustration", "pic:", "pix:"}
	staffWords = []string{"correspondent", "correspondents", "reporter", "reporters", "journalist", "journalists",
		"tally", "count", "team", "correspondant", "correspondants", "journaliste", "journalistes", "corresponsal",
		"corresponsales", "periodista", "periodistas", "korrespondent", "korrespondentin", "reporterin",
		"корреспондент", "корреспондента", "корреспонденту", "корреспонденты", "журналист", "журналисты",
		"'s correspondent", "’s correspondent", "'s reporter", "’s reporter"}
	photoStaff   = []string{"photographer", "photographers", "photojournalist", "photographe", "fotógrafo", "fotograf", "фотограф"}
	creditPrefix = []string{"with inputs from", "with input from", "con información de", "con informacion de",
		"mit material von", "по материалам", "с использованием материалов", "来源：", "来源:", "消息来源：",
		"by", "source:", "sources:", "source :", "sources :", "with inputs from", "with input from",
		"inputs from", "with", "avec", "mit", "con", "from", "courtesy", "copyright", "(c)", "quelle:", "fuente:",
		"источник:", "par", "von", "por", "de", "texte:", "text:", "agencies:", "agences:", "©", "and", "et", "und", "y"}
	citePre = []string{"told", "according to", "reports", "reported", "reported by", "quoted by", "cited by", "citing",
		"quoting", "selon", "d'après", "d’après", "según", "laut", "сообщает", "сообщило", "сообщил",
		"агентство", "agency", "agencia", "agence", "agentur", "agenzia", "news agency", "wire service", "told the",
		"reported by the", "quoted by the", "cited by the", "via"}
	citePost = []string{"news agency", "reported", "reports", "quoted", "cited", "agency", "wire service",
		"сообщает", "сообщило", "a rapporté", "rapporte", "informó", "berichtete", "meldete"}
)

func hasWordPrefix(s, w string) bool {
	if !strings.HasPrefix(s, w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(w):])
	return len(s) == len(w) || !isWord(r)
}

func hasWordSuffix(s, w string) bool {
	if !strings.HasSuffix(s, w) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(w)])
	return len(s) == len(w) || !isWord(r)
}

// classify returns the role a mention gives its agency, or "" when the
// mention credits nothing.
func classify(text string, ls *lines, m mention, ambiguous bool) string {
	idx, start, end := ls.at(text, m.s)
	if m.e > end {
		end = m.e
	}
	pre, post := text[start:m.s], text[m.e:end]
	lpre, lpost := strings.ToLower(pre), strings.ToLower(post)
	near := lpre
	if len(near) > 30 {
		near = near[len(near)-30:]
	}

	// Slash dateline: "MOSCOW, January 12. /TASS/."
	if strings.HasSuffix(pre, "/") && strings.HasPrefix(post, "/") {
		return wiretrace.RoleSupplier
	}
	// Photo credits.
	tpost := strings.TrimLeft(lpost, " ")
	if hasWordPrefix(tpost, "photo") || hasWordPrefix(tpost, "photos") || hasWordPrefix(tpost, "images") ||
		hasWordPrefix(tpost, "foto") || strings.HasPrefix(tpost, "via getty") || strings.HasPrefix(post, "/") {
		return wiretrace.RolePhoto
	}
	for _, w := range photoWords {
		if strings.Contains(near, w) {
			return wiretrace.RolePhoto
		}
	}
	tpre := strings.TrimRight(lpre, " ")
	if hasWordSuffix(tpre, "via") && (tpost == "" || strings.HasPrefix(tpost, ")") || strings.HasPrefix(tpost, "]")) {
		return wiretrace.RolePhoto
	}
	if strings.HasSuffix(tpre, "/") && !strings.Contains(tpre, "(") {
		return wiretrace.RolePhoto
	}
	for _, w := range photoStaff {
		if hasWordPrefix(tpost, w) {
			return wiretrace.RolePhoto
		}
	}

	// Dateline in parentheses: "(AFP) -", "(Outlet / Sputnik - date) -".
	if o := strings.LastIndexByte(pre, '('); o >= 0 && !strings.Contains(pre[o:], ")") {
		if c := strings.IndexByte(post, ')'); c >= 0 && !strings.Contains(post[:c], "(") {
			rest := strings.TrimSpace(post[c+1:])
			inner := strings.ToLower(pre[o+1:])
			rest = strings.TrimLeft(rest, ".")
			switch {
			case rest != "" && strings.ContainsRune("-–—:−", []rune(rest)[0]):
				return wiretrace.RoleSupplier
			case strings.Contains(inner, "inputs from") || hasAnyPrefix(strings.TrimSpace(inner), "with ", "avec ", "con ", "mit ", "via "):
				return wiretrace.RoleSupplier
			case !ambiguous && ls.rank[idx] >= 0 && ls.rank[idx] <= 2 && datelineLike(pre[:o]):
				// "Oslo, March 22 (IANS) Minister ..." at the top.
				return wiretrace.RoleSupplier
			case rest == "" && (strings.TrimSpace(pre[:o]) == "" || ls.rank[idx] >= ls.count-3):
				return wiretrace.RoleSupplier
			}
		}
	}

	// "published from a syndicated IANS feed".
	if strings.Contains(lpre, "syndicated") || strings.Contains(lpre, "agency feed") {
		return wiretrace.RoleSupplier
	}
	// Chinese datelines: "新华社北京1月9日电".
	if !m.p.boundary && m.s-start <= 6 && ls.rank[idx] >= 0 && ls.rank[idx] <= 2 {
		if k := strings.Index(post, "电"); k >= 0 && k <= 60 {
			return wiretrace.RoleSupplier
		}
	}

	// A copyright or distribution notice, however long its line:
	// "Copyright 2017 The Associated Press. All rights reserved. This
	// material may not be published...", "(c) 2017 Reuters".
	if noticeRe.MatchString(strings.TrimSpace(lpre)) {
		return wiretrace.RoleSupplier
	}

	// A byline or sign-off line: "IANS | Nur-Sultan", "--IANS", "By AFP",
	// "With inputs from PTI", "© 2022 The Associated Press".
	if utf8.RuneCountInString(strings.TrimSpace(text[start:end])) <= 80 && creditLinePrefix(lpre) {
		if tpost == "" || strings.ContainsRune("|,/;·•–—-)]._）", []rune(tpost)[0]) ||
			hasWordPrefix(tpost, "and") || hasWordPrefix(tpost, "et") || hasWordPrefix(tpost, "und") ||
			strings.HasPrefix(tpost, "&") || bylineTail(tpost) {
			return wiretrace.RoleSupplier
		}
	}

	// A by-line at the top: "By Jane Doe, Associated Press". "Hyderabad,
	// AP" is a place: an ambiguous name needs "By" or "Writer".
	line := strings.TrimSpace(text[start:end])
	sure := !ambiguous || hasWordPrefix(strings.ToLower(line), "by") || bylineTail(tpost)
	if sure && ls.rank[idx] >= 0 && ls.rank[idx] <= 3 && utf8.RuneCountInString(line) <= 60 {
		for _, ag := range bylineAgencies(line) {
			if ag == m.p.agency {
				return wiretrace.RoleSupplier
			}
		}
	}

	// The agency's own staff: "AFP correspondents saw".
	for _, w := range staffWords {
		if hasWordPrefix(tpost, w) {
			return wiretrace.RoleSupplier
		}
	}

	// Citations. Ambiguous acronyms need a strong context ("told AP",
	// "PTI reported"); "the PTI said" is a party, not the agency.
	for _, w := range citePre {
		if hasWordSuffix(tpre, w) {
			return wiretrace.RoleCited
		}
	}
	for _, w := range citePost {
		if hasWordPrefix(tpost, w) {
			return wiretrace.RoleCited
		}
	}
	if ambiguous {
		return ""
	}
	return wiretrace.RoleCited
}

// datelineLike reports whether s, the text before "(AGENCY)", looks like
// a dateline: a short place in capitals, or a place and a date.
func datelineLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	return strings.ContainsAny(s, "0123456789") || strings.ToUpper(s) == s
}

func hasAnyPrefix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// creditLinePrefix reports whether what precedes a mention on its line is
// only the start of a credit line: dashes, "By", "Source:", "With inputs
// from", a copyright sign and year...
func creditLinePrefix(lpre string) bool {
	s := lpre
	for {
		before := s
		s = strings.TrimPrefix(s, "(c)") // before "(" is trimmed
		s = strings.TrimLeftFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsDigit(r) || strings.ContainsRune("-–—=•·*_|([©,/&（", r)
		})
		for _, p := range creditPrefix {
			if hasWordPrefix(s, p) || strings.HasPrefix(s, p) && strings.HasSuffix(p, ":") {
				s = s[len(p):]
				break
			}
		}
		if s == before {
			break
		}
	}
	return s == ""
}
