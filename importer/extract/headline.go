package extract

import "strings"

// dropHeadline removes the headline from the start of a page's text: the
// extractors keep the <h1> as the first line on about a fifth of real
// pages (57 of the 260 pages of the shared corpus's tune half), and the
// headline belongs in the title. The first line goes when it is the
// title, whatever the case, spacing and punctuation, or the title with
// the site's name cleanTitle took off. The text is kept whole when
// nothing would be left of it.
func dropHeadline(text, title string) string {
	ct := compact(title)
	if ct == "" {
		return text
	}
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || compact(first) != ct {
		return text
	}
	rest = strings.TrimLeft(rest, "\n")
	if strings.TrimSpace(rest) == "" {
		return text
	}
	return rest
}
