// Package textparse reads a plain-text news article: its title, dateline,
// byline, publication line and main text without the site's trailing
// boilerplate. It does no I/O.
package textparse

import (
	"strings"
	"time"
	"unicode"

	"github.com/wiretrace/wiretrace/importer/internal/lazyre"
)

// Parsed is what a plain-text article says about itself.
type Parsed struct {
	Title     string
	Text      string // main text, paragraphs separated by "\n\n"
	Dateline  string // place (and date) the story was filed from, e.g. "NUR-SULTAN"
	Byline    string
	Published time.Time // zero when the text states no date with a year
	// DatelineCredits are the names inside a dateline's parentheses, e.g.
	// ["Pakistan Point News", "Sputnik"] for "(Pakistan Point News / Sputnik - 12th January, 2022)".
	DatelineCredits []string
	// Boilerplate is the trailing text that was cut off (subscription pleas,
	// "Related News"...), kept for provenance to learn from.
	Boilerplate string
	// Notices are the copyright and distribution lines of Boilerplate
	// ("Copyright 2017 The Associated Press. All rights reserved."), which
	// say who supplied the text.
	Notices []string
}

// Options tell Parse what it cannot know by itself.
type Options struct {
	// IsAgency reports whether a name is a wire agency's. A first line
	// "ERIE, Pa. (AP) — A man was..." whose parentheses name an agency is
	// a dateline paragraph, not a title. Without it, only a first line that
	// reads as a paragraph (many words and a full stop) is.
	IsAgency func(name string) bool
}

var (
	pubLineRe = lazyre.New(`(?i)^\s*(first published|published on|published|posted on|posted|updated on|last updated|updated|date|publié le|mis à jour le|publicado|veröffentlicht)\s*:?\s+(.+)$`)
	// NUR-SULTAN (Pakistan Point News / Sputnik - 12th January, 2022) -
	// MOSCOW, Jan 5 (Reuters) -
	parenDatelineRe = lazyre.New(`^([\p{Lu}][\p{Lu}\p{M}\-'’. ]{1,40}(?:,\s*[\p{L}\d .]{2,30})?)\s*\(([^()]{2,100})\)\s*[-–—:]+\s*`)
	// (Reuters) - Oil prices rose
	bareDatelineRe = lazyre.New(`^\(([^()]{2,40})\)\s*[-–—:]+\s+`)
	// Nur-Sultan, JAN 22:   |   ALMATY, Kazakhstan —
	commaDatelineRe = lazyre.New(`^([\p{Lu}][\p{L}\-'’.]+(?:[ -][\p{Lu}][\p{L}\-'’.]+){0,3}),\s*((?:[A-Z]{3,4}\.? \d{1,2})|(?:[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?))\s*[:—–-]+\s+`)
	// IANS  |  Nur-Sultan
	bylineBarRe = lazyre.New(`^([\p{L}][\p{L} .&'-]{1,40}?)\s+\|\s+([\p{L}][\p{L} .,'-]{1,40})$`)
	creditSepRe = lazyre.New(`\s*(?:/|\s[-–—]\s|,)\s*`)
	byRe        = lazyre.New(`^(?i:by|par|por|von|di)\s+([\p{Lu}][\p{L}.'-]+(?:\s+(?:and|et|y|und|&|[\p{Lu}][\p{L}.'-]+)){0,6})$`)
)

// tailMarkers start the trailing boilerplate of a page saved as text. They
// are matched against the start of a line, ignoring case.
var tailMarkers = []string{
	"related news", "related articles", "related stories", "related posts", "read more:", "read more", "also read",
	"recommended for you", "recommended stories", "comments are closed", "comments are closed.", "leave a comment",
	"leave a reply", "dear reader", "support quality journalism", "subscribe to", "never miss breaking news",
	"get notifications", "follow us on", "sign up for", "share this", "share on", "tags:", "rejoignez",
	"comment pouvez-vous nous aider", "à lire aussi", "lire aussi", "lee también", "más noticias", "mehr zum thema",
	"weitere artikel", "you may also like", "more from", "trending now", "popular stories", "most read",
	"advertisement", "disclaimer:", "copyright ©", "© copyright", "all rights reserved",
}

// Parse reads a plain-text article: the first non-empty line is the title,
// unless it is a dateline paragraph. It is ParseWith with no Options.
func Parse(s string) Parsed { return ParseWith(s, Options{}) }

// ParseWith reads a plain-text article: the first non-empty line is the
// title, unless it is a dateline paragraph ("ERIE, Pa. (AP) — A man
// was...", "(Reuters) - Oil prices rose..."): then the title is empty and
// the line is the text's first paragraph, read for the dateline.
func ParseWith(s string, o Options) Parsed {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s = strings.TrimPrefix(s, "\ufeff")
	lines := strings.Split(s, "\n")
	var p Parsed
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) {
		return p
	}
	body := lines[i:]
	if !datelineParagraph(clean(lines[i]), o) {
		p.Title = clean(lines[i])
		body = lines[i+1:]
	}

	// Publication lines anywhere (often in the footer): the first wins.
	for _, l := range body {
		if m := pubLineRe.Get().FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			if t, ok := ParseDate(m[2]); ok {
				p.Published = t
				break
			}
		}
	}

	// Paragraphs: non-empty lines, skipping repeats of the title and of the
	// line before (captions saved twice), and publication lines.
	var paras []string
	prev := ""
	for _, l := range body {
		l = clean(l)
		if l == "" {
			continue
		}
		if strings.EqualFold(l, p.Title) || strings.EqualFold(l, prev) {
			continue
		}
		prev = l
		if pubLineRe.Get().MatchString(l) && len(l) < 120 {
			continue
		}
		paras = append(paras, l)
	}
	paras, tail := cutTail(paras)
	p.Boilerplate = strings.Join(tail, "\n\n")
	p.Notices = notices(tail)

	// Byline and dateline in the first paragraphs.
	for k := 0; k < len(paras) && k < 8; k++ {
		l := paras[k]
		if m := bylineBarRe.Get().FindStringSubmatch(l); m != nil && p.Byline == "" {
			p.Byline, p.Dateline = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
			paras = append(paras[:k], paras[k+1:]...)
			k--
			continue
		}
		if m := byRe.Get().FindStringSubmatch(l); m != nil && p.Byline == "" && len(l) < 80 {
			p.Byline = m[1]
			paras = append(paras[:k], paras[k+1:]...)
			k--
			continue
		}
		if m := parenDatelineRe.Get().FindStringSubmatch(l); m != nil {
			p.Dateline = strings.TrimSpace(m[1])
			inner := m[2]
			if t, ok := ParseDate(inner); ok && p.Published.IsZero() {
				p.Published = t
			}
			p.DatelineCredits = creditsIn(inner)
			break
		}
		if m := bareDatelineRe.Get().FindStringSubmatch(l); m != nil && k == 0 && p.Title == "" {
			// The first line, already found to be a dateline paragraph.
			p.DatelineCredits = creditsIn(m[1])
			break
		}
		if m := commaDatelineRe.Get().FindStringSubmatch(l); m != nil && len(l) > 60 {
			p.Dateline = strings.TrimSpace(m[1]) + ", " + strings.TrimSpace(m[2])
			break
		}
	}
	p.Text = strings.Join(paras, "\n\n")
	return p
}

// creditsIn splits the inside of a dateline's parentheses into names:
// "Pakistan Point News / Sputnik - 12th January, 2022" gives
// ["Pakistan Point News", "Sputnik"].
func creditsIn(s string) []string {
	var out []string
	for _, part := range creditSepRe.Get().Split(s, -1) {
		part = strings.TrimSpace(part)
		if part == "" || strings.IndexFunc(part, unicode.IsLetter) < 0 {
			continue
		}
		if _, ok := ParseDate(part + " 2000"); ok && len(part) < 20 { // "12th January"
			continue
		}
		if hasDigit(part) {
			continue
		}
		out = append(out, part)
	}
	return out
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// cutTail splits off the trailing boilerplate: from the first line that
// starts with a tail marker in the second half of the article.
func cutTail(paras []string) (body, tail []string) {
	n := len(paras)
	for k := n / 3; k < n; k++ {
		if k < 2 {
			continue
		}
		low := strings.ToLower(paras[k])
		for _, m := range tailMarkers {
			if strings.HasPrefix(low, m) && (len(low) < 120 || strings.HasSuffix(m, ",") || m == "dear reader") {
				return paras[:k], paras[k:]
			}
		}
	}
	return paras, nil
}

func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
