package gui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/archive"
)

// quoted shows a query as typed between curly quotes, or as it is when it
// is itself one "phrase" (not “"phrase"”).
func quoted(text string) string {
	if len(text) >= 2 && strings.HasPrefix(text, `"`) && strings.HasSuffix(text, `"`) && strings.Count(text, `"`) == 2 {
		return "“" + text[1:len(text)-1] + "”"
	}
	return "“" + text + "”"
}

// userNotice rewrites a notice of the archive about query text for
// people: the query between curly quotes instead of Go's escaped quoting
// ("AND \"((" becomes “AND "((”), and a capital first letter.
func userNotice(text, notice string) string {
	if text != "" {
		notice = strings.ReplaceAll(notice, strconv.Quote(text), quoted(text))
	}
	return capitalize(notice)
}

// userError is err for the status line: without the package prefixes of
// the layers it passed through ("archive: search: "), on one line,
// capitalised, and in words for cancellations and time-outs.
func userError(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "the archive took too long to answer"
	case errors.Is(err, archive.ErrTooExpensive):
		// The store's own reason ("query too expensive: 1000 words, at
		// most 64") is the useful part.
		s := err.Error()
		if i := strings.Index(s, archive.ErrTooExpensive.Error()); i >= 0 {
			s = s[i:]
		}
		return oneLine(s)
	}
	return oneLine(stripPrefixes(err.Error()))
}

// stripPrefixes drops leading "pkg: " and "op: " prefixes (lower-case
// words followed by a colon) from an error message, keeping at least its
// last part.
func stripPrefixes(s string) string {
	for {
		i := strings.Index(s, ": ")
		if i <= 0 || i > 24 || i+2 >= len(s) {
			return s
		}
		prefix := s[:i]
		if strings.IndexFunc(prefix, func(r rune) bool { return !unicode.IsLower(r) && r != ' ' && r != '_' }) >= 0 {
			return s
		}
		s = s[i+2:]
	}
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// emptyHint says what to try when q, with n filters, matches nothing.
func emptyHint(q archive.Query, n int) string {
	switch {
	case n > 0 && q.Text != "":
		return "Nothing matches both the words and the filters: remove a filter above (or Clear all), or use fewer words."
	case n > 0:
		return "Nothing matches these filters together: remove one above, or Clear all."
	case strings.Contains(q.Text, `"`):
		return "No article has this phrase: try its words without quotes, or a prefix such as restor*."
	}
	return "No article has all these words: use fewer words, OR between them, or a prefix such as restor*."
}
