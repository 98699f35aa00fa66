package archive

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ftsQuery is a user's query translated into FTS5 syntax.
type ftsQuery struct {
	expr   string // the FTS5 MATCH expression; "" when there is nothing to search
	plain  bool   // the input was not valid query syntax and was read as plain words
	cjk    bool   // the query holds CJK/Thai terms (snippets come from Go then)
	terms  []string
	prefix []bool
	// keys are the FTS5 phrases of terms, one each, in the order FTS5's
	// bm25() numbers them (see bm25.go).
	keys []string
	// tree is the parsed query expr was emitted from (nil without one);
	// matchSet evaluates it against cached match sets of its parts.
	tree *node
}

func (q ftsQuery) anyPrefix() bool {
	for _, p := range q.prefix {
		if p {
			return true
		}
	}
	return false
}

// Translate turns what a user typed into an FTS5 MATCH expression.
//
// The query language: words (all must match), "quoted phrases", prefix*
// terms, AND, OR, NOT (upper case), a leading - to exclude a word, and
// parentheses. Every term is quoted for FTS5, so punctuation inside words
// (l'état, foo.bar@baz, c++) is safe. Input that does not parse is searched
// as its plain words; input with no words gives an empty expression.
func Translate(input string) (expr string, plain bool) {
	q := translate(input)
	return q.expr, q.plain
}

func translate(input string) ftsQuery {
	// Control characters (NUL ends an FTS5 string) are spaces here.
	input = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == utf8.RuneError {
			return ' '
		}
		return r
	}, input)
	toks := lex(input)
	p := &parser{toks: toks}
	n, ok := p.parseOr()
	if ok && p.pos == len(toks) && n != nil {
		var q ftsQuery
		if expr, ok := n.emit(&q); ok {
			q.expr, q.tree = expr, n
			return q
		}
	}
	// Plain words: every word-like token, all required.
	var q ftsQuery
	q.plain = len(toks) > 0
	var parts []string
	tree := &node{op: "AND"}
	for _, t := range toks {
		w := t.text
		if t.kind == tokWord || t.kind == tokPhrase {
			w = strings.TrimRight(w, "*")
			if !hasWordChar(w) {
				continue
			}
		} else if t.kind != tokOp {
			continue
		}
		parts = append(parts, term(&q, w, false))
		tree.kids = append(tree.kids, &node{text: w, phrase: t.kind == tokPhrase})
	}
	q.expr = strings.Join(parts, " AND ")
	switch len(tree.kids) {
	case 0:
	case 1:
		q.tree = tree.kids[0]
	default:
		q.tree = tree
	}
	return q
}

// term quotes one search term for FTS5, turning CJK runs into bigram phrases.
func term(q *ftsQuery, w string, prefix bool) string {
	q.terms = append(q.terms, w)
	q.prefix = append(q.prefix, prefix)
	if containsCJK(w) {
		q.cjk = true
		w = cjkTerm(w)
	}
	s := quote(w, prefix)
	q.keys = append(q.keys, s)
	if v := variant(w); v != "" {
		q.terms = append(q.terms, v)
		q.prefix = append(q.prefix, prefix)
		q.keys = append(q.keys, quote(v, prefix))
		s = "(" + s + " OR " + quote(v, prefix) + ")"
	}
	return s
}

// quote writes w as an FTS5 string. ASCII capitals are lowered (FTS5 folds
// case anyway), so that Said and said are one expression for the match
// cache.
func quote(w string, prefix bool) string {
	w = strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, w)
	s := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	if prefix {
		s += "*"
	}
	return s
}

// variant returns the other common transliteration of a single word whose
// y or i stands between two vowels (Tokayev and Tokaïev, Sergey and
// Sergei are one name), or "" when there is none.
func variant(w string) string {
	f := []rune(Fold(w))
	if len(f) < 5 || strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }) >= 0 {
		return ""
	}
	changed := false
	for i := 1; i+1 < len(f); i++ {
		if !isVowel(f[i-1]) {
			continue
		}
		switch {
		case f[i] == 'y' && isVowel(f[i+1]):
			f[i], changed = 'i', true
		case f[i] == 'i' && isVowel(f[i+1]) && f[i+1] != 'i':
			f[i], changed = 'y', true
		}
	}
	if n := len(f); n >= 5 && f[n-1] == 'y' && f[n-2] == 'e' { // Sergey / Sergei
		f[n-1], changed = 'i', true
	} else if n >= 5 && f[n-1] == 'i' && f[n-2] == 'e' {
		f[n-1], changed = 'y', true
	}
	if !changed {
		return ""
	}
	return string(f)
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiou", r) }

// cjkTerm rewrites the CJK runs of w as the bigrams they are indexed as.
func cjkTerm(w string) string {
	var b strings.Builder
	var run []rune
	flush := func() {
		if len(run) > 0 {
			b.WriteString(" " + CJKBigrams(string(run)) + " ")
			run = run[:0]
		}
	}
	for _, r := range w {
		if isCJK(r) {
			run = append(run, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return strings.Join(strings.Fields(b.String()), " ")
}

func containsCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

type tokKind int

const (
	tokWord tokKind = iota
	tokPhrase
	tokOp // AND, OR, NOT
	tokLParen
	tokRParen
	tokMinus // a leading '-' on a word or phrase
)

type token struct {
	kind tokKind
	text string
}

func lex(s string) []token {
	var toks []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			toks = append(toks, token{kind: tokLParen})
			i++
		case r == ')':
			toks = append(toks, token{kind: tokRParen})
			i++
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»':
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '”' && rs[j] != '“' && rs[j] != '»' {
				j++
			}
			text := string(rs[i+1 : min(j, len(rs))])
			if j < len(rs) && j+1 < len(rs) && rs[j+1] == '*' {
				text += "*"
				j++
			}
			toks = append(toks, token{kind: tokPhrase, text: text})
			i = j + 1
		case r == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && rs[i+1] != '-' && (i == 0 || unicode.IsSpace(rs[i-1]) || rs[i-1] == '('):
			toks = append(toks, token{kind: tokMinus})
			i++
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '(' && rs[j] != ')' && rs[j] != '"' {
				j++
			}
			w := string(rs[i:j])
			if w == "AND" || w == "OR" || w == "NOT" {
				toks = append(toks, token{kind: tokOp, text: w})
			} else {
				toks = append(toks, token{kind: tokWord, text: w})
			}
			i = j
		}
	}
	return toks
}

// node is a parsed query.
type node struct {
	op      string // "AND", "OR", or "" for a leaf
	kids    []*node
	negated []*node // for AND: terms that must not match
	text    string  // leaf
	phrase  bool
	prefix  bool
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() *token {
	if p.pos < len(p.toks) {
		return &p.toks[p.pos]
	}
	return nil
}

func (p *parser) parseOr() (*node, bool) {
	left, ok := p.parseAnd()
	if !ok {
		return nil, false
	}
	kids := []*node{left}
	for {
		t := p.peek()
		if t == nil || t.kind != tokOp || t.text != "OR" {
			break
		}
		p.pos++
		right, ok := p.parseAnd()
		if !ok {
			return nil, false
		}
		kids = append(kids, right)
	}
	if len(kids) == 1 {
		return left, true
	}
	return &node{op: "OR", kids: kids}, true
}

func (p *parser) parseAnd() (*node, bool) {
	n := &node{op: "AND"}
	for {
		t := p.peek()
		if t == nil || t.kind == tokRParen || (t.kind == tokOp && t.text == "OR") {
			break
		}
		neg := false
		if t.kind == tokOp && t.text == "AND" {
			if len(n.kids)+len(n.negated) == 0 {
				return nil, false
			}
			p.pos++
			t = p.peek()
			if t == nil {
				return nil, false
			}
		}
		if t.kind == tokOp && t.text == "NOT" || t.kind == tokMinus {
			if t.kind == tokOp && len(n.kids) == 0 {
				return nil, false // FTS5 NOT is binary
			}
			neg = true
			p.pos++
		}
		u, ok := p.parseUnary()
		if !ok {
			return nil, false
		}
		if neg {
			n.negated = append(n.negated, u)
		} else {
			n.kids = append(n.kids, u)
		}
	}
	if len(n.kids) == 0 {
		return nil, false
	}
	if len(n.kids) == 1 && len(n.negated) == 0 {
		return n.kids[0], true
	}
	return n, true
}

func (p *parser) parseUnary() (*node, bool) {
	t := p.peek()
	if t == nil {
		return nil, false
	}
	switch t.kind {
	case tokLParen:
		p.pos++
		n, ok := p.parseOr()
		if !ok {
			return nil, false
		}
		if t := p.peek(); t == nil || t.kind != tokRParen {
			return nil, false
		}
		p.pos++
		return n, true
	case tokWord, tokPhrase:
		p.pos++
		text, prefix := t.text, false
		if strings.HasSuffix(text, "*") {
			text, prefix = strings.TrimRight(text, "*"), true
		}
		if !hasWordChar(text) {
			return nil, false
		}
		return &node{text: text, phrase: t.kind == tokPhrase, prefix: prefix}, true
	}
	return nil, false
}

// emit writes n as FTS5 syntax, recording its terms in q.
func (n *node) emit(q *ftsQuery) (string, bool) {
	switch n.op {
	case "":
		return term(q, n.text, n.prefix), true
	case "OR":
		var parts []string
		for _, k := range n.kids {
			s, ok := k.emit(q)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return "(" + strings.Join(parts, " OR ") + ")", true
	default:
		var parts []string
		for _, k := range n.kids {
			s, ok := k.emit(q)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		s := "(" + strings.Join(parts, " AND ") + ")"
		for _, k := range n.negated {
			neg, ok := k.emit(&ftsQuery{}) // excluded terms are not highlighted
			if !ok {
				return "", false
			}
			s = "(" + s + " NOT " + neg + ")"
		}
		return s, true
	}
}

// queryWords counts the words of a query as Search limits them: runs of
// letters and digits but the operators AND, OR, NOT and NEAR, each CJK
// or Thai character counting as one.
func queryWords(s string) int {
	n, start := 0, -1
	word := func(end int) {
		if start >= 0 {
			switch s[start:end] {
			case "AND", "OR", "NOT", "NEAR": // operators, not words
			default:
				n++
			}
		}
		start = -1
	}
	for i, r := range s {
		switch {
		case isCJK(r):
			word(i)
			n++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			word(i)
		}
	}
	word(len(s))
	return n
}
