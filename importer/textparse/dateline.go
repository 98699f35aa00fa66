package textparse

import (
	"strings"
	"unicode/utf8"
)

// datelineParagraph reports whether l, the first line of a text file, is
// the story's dateline paragraph rather than its title: "ERIE, Pa. (AP) —
// A man was...", "(Reuters) - Oil prices rose...", "MOSCOW, Jan 5
// (Reuters) - ...". A dateline whose parentheses name an agency is enough
// (o.IsAgency); otherwise the rest of the line must read as a paragraph,
// so that a headline such as "BREAKING NEWS (VIDEO): Fire downtown" or
// "Washington, Beijing — trade talks stall" stays the title.
func datelineParagraph(l string, o Options) bool {
	var inner, rest string
	words := 8
	if m := parenDatelineRe.Get().FindStringSubmatch(l); m != nil {
		inner, rest = m[2], l[len(m[0]):]
	} else if m := bareDatelineRe.Get().FindStringSubmatch(l); m != nil {
		inner, rest = m[1], l[len(m[0]):]
	} else if m := commaDatelineRe.Get().FindStringSubmatch(l); m != nil && len(l) > 60 {
		rest, words = l[len(m[0]):], 12
	} else {
		return false
	}
	if o.IsAgency != nil && inner != "" {
		for _, c := range creditsIn(inner) {
			if o.IsAgency(c) {
				return true
			}
		}
	}
	return paragraphLike(rest, words)
}

// paragraphLike reports whether s reads as running text rather than a
// headline: at least minWords words and a sentence's last punctuation.
func paragraphLike(s string, minWords int) bool {
	s = strings.TrimSpace(s)
	if len(strings.Fields(s)) < minWords {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…\"”’»)", r)
}

// noticePrefixes start the copyright and distribution lines of a text's
// tail, lower-cased.
var noticePrefixes = []string{"copyright", "©", "(c)", "distributed by", "provided by", "syndicated by",
	"this article was distributed", "this article was provided", "this story was distributed",
	"this story was provided", "this content was provided"}

// maxNotices bounds the notices kept from one tail.
const maxNotices = 8

// notices returns the copyright and distribution lines among the tail's
// paragraphs.
func notices(tail []string) []string {
	var out []string
	for _, l := range tail {
		low := strings.ToLower(l)
		ok := strings.Contains(low, "all rights reserved")
		for _, p := range noticePrefixes {
			ok = ok || strings.HasPrefix(low, p)
		}
		if ok && len(out) < maxNotices {
			out = append(out, l)
		}
	}
	return out
}
