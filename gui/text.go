package gui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"github.com/wiretrace/wiretrace/archive"
)

// markStyle is how matched words are drawn: bold, in the theme's primary
// colour, so that they stand out in light and dark themes alike.
var markStyle = widget.RichTextStyle{
	Inline:    true,
	ColorName: theme.ColorNamePrimary,
	TextStyle: fyne.TextStyle{Bold: true},
}

// span is a piece of text, marked or not.
type span struct {
	text   string
	marked bool
}

// parseMarks splits s at archive.MarkStart/MarkEnd into spans. Unbalanced
// markers never fail: an unclosed MarkStart marks the rest of s.
func parseMarks(s string) []span {
	var out []span
	for s != "" {
		i := strings.Index(s, archive.MarkStart)
		if i < 0 {
			out = append(out, span{text: s})
			break
		}
		if i > 0 {
			out = append(out, span{text: s[:i]})
		}
		s = s[i+len(archive.MarkStart):]
		j := strings.Index(s, archive.MarkEnd)
		if j < 0 {
			out = append(out, span{text: s, marked: true})
			break
		}
		if j > 0 {
			out = append(out, span{text: s[:j], marked: true})
		}
		s = s[j+len(archive.MarkEnd):]
	}
	return out
}

// stripMarks removes highlight markers from s.
func stripMarks(s string) string {
	return strings.NewReplacer(archive.MarkStart, "", archive.MarkEnd, "").Replace(s)
}

// segments turns spans into inline rich-text segments, marked spans drawn
// with markStyle. The last segment ends the paragraph.
func segments(spans []span, plain widget.RichTextStyle) []widget.RichTextSegment {
	segs := make([]widget.RichTextSegment, 0, len(spans))
	for _, sp := range spans {
		st := plain
		st.Inline = true
		if sp.marked {
			st = markStyle
		}
		segs = append(segs, &widget.TextSegment{Text: sp.text, Style: st})
	}
	return segs
}

// markedSegments renders a snippet with <mark> markers as segments.
func markedSegments(s string) []widget.RichTextSegment {
	s = strings.Join(strings.Fields(s), " ")
	return segments(parseMarks(s), widget.RichTextStyleInline)
}

// fold lower-cases s and removes diacritics, the way the archive's
// full-text index compares words: "Tokaïev" folds to "tokaiev".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// term is one word to highlight; prefix terms came from "word*".
type term struct {
	word   string // folded
	prefix bool
}

// queryTerms extracts the words of a query worth highlighting: operators
// (AND, OR, NOT, NEAR), negated words and syntax are dropped.
func queryTerms(q string) []term {
	var out []term
	seen := map[term]bool{}
	fields := strings.FieldsFunc(q, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' || r == '+'
	})
	negate := false
	for _, f := range fields {
		switch f {
		case "AND", "OR", "NEAR":
			continue
		case "NOT":
			negate = true
			continue
		}
		if strings.HasPrefix(f, "-") && len(f) > 1 {
			negate = false
			continue
		}
		if negate {
			negate = false
			continue
		}
		if i := strings.LastIndex(f, ":"); i >= 0 {
			f = f[i+1:] // column filters such as title:word
		}
		prefix := strings.HasSuffix(f, "*")
		for _, w := range words(f) {
			t := term{word: fold(w.text), prefix: prefix}
			if t.word != "" && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// word is one word of a text with its byte offsets.
type word struct {
	text       string
	start, end int
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// words splits s into runs of letters and digits.
func words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{s[start:], start, len(s)})
	}
	return out
}

// matches reports whether the word w matches any of terms.
func matches(w string, terms []term) bool {
	f := fold(w)
	for _, t := range terms {
		if f == t.word || (t.prefix && strings.HasPrefix(f, t.word)) {
			return true
		}
	}
	return false
}

// highlight marks the words of text that match terms.
func highlight(text string, terms []term) []span {
	if len(terms) == 0 {
		return []span{{text: text}}
	}
	var out []span
	last := 0
	for _, w := range words(text) {
		if !matches(w.text, terms) {
			continue
		}
		if w.start > last {
			out = append(out, span{text: text[last:w.start]})
		}
		out = append(out, span{text: w.text, marked: true})
		last = w.end
	}
	if last < len(text) {
		out = append(out, span{text: text[last:]})
	}
	return out
}

// shared marks the words of a that belong to the longest common
// subsequence of words of a and b (compared folded), so that the text two
// passages share stands out. Runs shorter than minRun words are left
// unmarked: isolated common words such as "the" are noise.
func shared(a, b string, minRun int) []span {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 || len(wa)*len(wb) > 4_000_000 {
		return []span{{text: a}}
	}
	fa := make([]string, len(wa))
	for i, w := range wa {
		fa[i] = fold(w.text)
	}
	fb := make([]string, len(wb))
	for i, w := range wb {
		fb[i] = fold(w.text)
	}
	// lcs[i][j] is the LCS length of fa[i:] and fb[j:].
	n, m := len(fa), len(fb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case fa[i] == fb[j]:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	in := make([]bool, n)
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case fa[i] == fb[j]:
			in[i] = true
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	// Drop short runs.
	for i := 0; i < n; {
		if !in[i] {
			i++
			continue
		}
		j := i
		for j < n && in[j] {
			j++
		}
		if j-i < minRun {
			for k := i; k < j; k++ {
				in[k] = false
			}
		}
		i = j
	}
	var out []span
	last := 0
	for i := 0; i < n; {
		if !in[i] {
			i++
			continue
		}
		j := i
		for j < n && in[j] {
			j++
		}
		start, end := wa[i].start, wa[j-1].end
		if start > last {
			out = append(out, span{text: a[last:start]})
		}
		out = append(out, span{text: a[start:end], marked: true})
		last = end
		i = j
	}
	if last < len(a) {
		out = append(out, span{text: a[last:]})
	}
	return out
}

// paragraphs renders text (paragraphs separated by blank lines or single
// newlines) as rich-text paragraphs with the words that query matches
// marked.
func paragraphs(text, query string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, p := range strings.Split(text, "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		segs = append(segs, block(segments(parseMarks(archive.HighlightQuery(p, query)), widget.RichTextStyleInline))...)
	}
	return segs
}

// block ends the run of inline segments segs with a line break, the way
// the markdown parser builds a paragraph: its last segment is not inline.
func block(segs []widget.RichTextSegment) []widget.RichTextSegment {
	if len(segs) == 0 {
		return segs
	}
	if t, ok := segs[len(segs)-1].(*widget.TextSegment); ok {
		t.Style.Inline = false
		if t.Style.ColorName == "" && !t.Style.TextStyle.Bold {
			t.Style = widget.RichTextStyleParagraph
		}
	}
	return segs
}
