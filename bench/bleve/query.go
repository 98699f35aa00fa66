package main

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/wiretrace/wiretrace/archive"
)

// titleBoost weights a match in the title against one in the text, as
// Wiretrace's bm25(articles_fts, 10.0, 1.0, 1.0) does.
const titleBoost = 10

// compile turns a Wiretrace query into a Bleve query with the same match
// semantics. The text goes through archive.Translate, Wiretrace's own
// parser, so that both engines read the query language (and its plain-words
// fallback and name variants) the same way; the FTS5 expression it returns
// is then parsed and rebuilt from Bleve query objects: a quoted term of one
// token is a TermQuery, of several a MatchPhraseQuery, a term* a
// PrefixQuery, each over the title (boosted) or the text; AND is a
// conjunction, OR a disjunction, NOT a must-not. Filters are a Bleve
// filter clause, which does not score.
func compile(im mapping.IndexMapping, q archive.Query) (query.Query, error) {
	return compileExcept(im, q, "")
}

// compileExcept is compile without the filter named by except ("source"
// or "date"): the query whose facet of that name Wiretrace shows, since
// each of its facets counts the matches passing every other filter.
func compileExcept(im mapping.IndexMapping, q archive.Query, except string) (query.Query, error) {
	var text query.Query = bleve.NewMatchAllQuery()
	if strings.TrimSpace(q.Text) != "" {
		expr, _ := archive.Translate(q.Text)
		if expr == "" {
			return bleve.NewMatchNoneQuery(), nil
		}
		p := &exprParser{im: im, toks: lexExpr(expr)}
		n, err := p.parseOr()
		if err != nil {
			return nil, fmt.Errorf("compile %q (FTS5 %s): %w", q.Text, expr, err)
		}
		if p.pos != len(p.toks) {
			return nil, fmt.Errorf("compile %q (FTS5 %s): trailing tokens", q.Text, expr)
		}
		text = n
	}
	var filters []query.Query
	terms := func(field string, vals []string) {
		if len(vals) == 0 {
			return
		}
		var any []query.Query
		for _, v := range vals {
			t := bleve.NewTermQuery(v)
			t.SetField(field)
			any = append(any, t)
		}
		filters = append(filters, bleve.NewDisjunctionQuery(any...))
	}
	if except != "source" {
		terms("source", q.Sources)
	}
	terms("lang", q.Languages)
	terms("agency", q.Agencies)
	if except != "date" && (!q.From.IsZero() || !q.To.IsZero()) {
		var lo, hi *float64
		if !q.From.IsZero() {
			v := float64(dayNumber(q.From.Year(), int(q.From.Month()), q.From.Day()))
			lo = &v
		}
		if !q.To.IsZero() {
			v := float64(dayNumber(q.To.Year(), int(q.To.Month()), q.To.Day()))
			hi = &v
		}
		t := true
		r := bleve.NewNumericRangeInclusiveQuery(lo, hi, &t, &t)
		r.SetField("day")
		filters = append(filters, r)
	}
	if len(filters) == 0 {
		return text, nil
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(text)
	if len(filters) == 1 {
		b.AddFilter(filters[0])
	} else {
		b.AddFilter(bleve.NewConjunctionQuery(filters...))
	}
	return b, nil
}

func dayNumber(y, m, d int) int { return y*10000 + m*100 + d }

// exprToken is one token of an FTS5 expression as archive.Translate writes
// it: a quoted string (perhaps followed by *), a parenthesis or an operator.
type exprToken struct {
	kind   byte // '"' string, '(' , ')', 'A' AND, 'O' OR, 'N' NOT
	text   string
	prefix bool
}

func lexExpr(s string) []exprToken {
	var out []exprToken
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ':
			i++
		case c == '(' || c == ')':
			out = append(out, exprToken{kind: c})
			i++
		case c == '"':
			var b strings.Builder
			j := i + 1
			for j < len(s) {
				if s[j] == '"' {
					if j+1 < len(s) && s[j+1] == '"' {
						b.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(s[j])
				j++
			}
			t := exprToken{kind: '"', text: b.String()}
			j++ // closing quote
			if j < len(s) && s[j] == '*' {
				t.prefix = true
				j++
			}
			out = append(out, t)
			i = j
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '(' && s[j] != ')' && s[j] != '"' {
				j++
			}
			switch w := s[i:j]; w {
			case "AND":
				out = append(out, exprToken{kind: 'A'})
			case "OR":
				out = append(out, exprToken{kind: 'O'})
			case "NOT":
				out = append(out, exprToken{kind: 'N'})
			default:
				out = append(out, exprToken{kind: '"', text: w})
			}
			i = j
		}
	}
	return out
}

// exprParser parses FTS5 syntax with its precedence: NOT binds tighter
// than AND, which binds tighter than OR.
type exprParser struct {
	im   mapping.IndexMapping
	toks []exprToken
	pos  int
}

func (p *exprParser) peek() byte {
	if p.pos < len(p.toks) {
		return p.toks[p.pos].kind
	}
	return 0
}

func (p *exprParser) parseOr() (query.Query, error) {
	var kids []query.Query
	for {
		k, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		kids = append(kids, k)
		if p.peek() != 'O' {
			break
		}
		p.pos++
	}
	if len(kids) == 1 {
		return kids[0], nil
	}
	return bleve.NewDisjunctionQuery(kids...), nil
}

func (p *exprParser) parseAnd() (query.Query, error) {
	var kids []query.Query
	for {
		k, err := p.parseNot()
		if err != nil {
			return nil, err
		}
		kids = append(kids, k)
		if p.peek() != 'A' {
			break
		}
		p.pos++
	}
	if len(kids) == 1 {
		return kids[0], nil
	}
	return bleve.NewConjunctionQuery(kids...), nil
}

func (p *exprParser) parseNot() (query.Query, error) {
	left, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	for p.peek() == 'N' {
		p.pos++
		right, err := p.parsePrimary()
		if err != nil {
			return nil, err
		}
		b := bleve.NewBooleanQuery()
		b.AddMust(left)
		b.AddMustNot(right)
		left = b
	}
	return left, nil
}

func (p *exprParser) parsePrimary() (query.Query, error) {
	switch p.peek() {
	case '(':
		p.pos++
		n, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, fmt.Errorf("missing )")
		}
		p.pos++
		return n, nil
	case '"':
		t := p.toks[p.pos]
		p.pos++
		return p.leaf(t.text, t.prefix), nil
	case 0:
		return nil, fmt.Errorf("unexpected end")
	}
	return nil, fmt.Errorf("unexpected token %q", p.toks[p.pos].kind)
}

// leaf matches one FTS5 term or phrase in the title or in the text.
func (p *exprParser) leaf(text string, prefix bool) query.Query {
	text = uncjk(text)
	toks := analyze(p.im, text)
	var per []query.Query
	for _, f := range []struct {
		field string
		boost float64
	}{{"title", titleBoost}, {"text", 1}} {
		var q query.Query
		switch {
		case len(toks) == 0:
			return bleve.NewMatchNoneQuery()
		case prefix && len(toks) == 1:
			pq := bleve.NewPrefixQuery(toks[0])
			pq.SetField(f.field)
			pq.SetBoost(f.boost)
			q = pq
		case len(toks) == 1:
			tq := bleve.NewTermQuery(toks[0])
			tq.SetField(f.field)
			tq.SetBoost(f.boost)
			q = tq
		default:
			// A phrase (a prefix phrase is searched as a plain phrase: the
			// mix has none).
			mq := bleve.NewMatchPhraseQuery(text)
			mq.SetField(f.field)
			mq.SetBoost(f.boost)
			q = mq
		}
		per = append(per, q)
	}
	return bleve.NewDisjunctionQuery(per...)
}

// analyze returns the terms the index holds for text.
func analyze(im mapping.IndexMapping, text string) []string {
	a := im.AnalyzerNamed(analyzerName)
	if a == nil {
		return nil
	}
	ts := a.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

// uncjk undoes archive.CJKBigrams in a term: Translate writes a CJK run as
// its overlapping bigrams ("ab bc"), which the Bleve analyzer makes itself
// from the run ("abc").
func uncjk(text string) string {
	if strings.IndexFunc(text, isIdeo) < 0 {
		return text
	}
	f := strings.Fields(text)
	var out []string
	for _, w := range f {
		r := []rune(w)
		if n := len(out); n > 0 && len(r) == 2 && allIdeo(r) {
			prev := []rune(out[n-1])
			if allIdeo(prev) && prev[len(prev)-1] == r[0] {
				out[n-1] += string(r[1])
				continue
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isIdeo(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai)
}

func allIdeo(r []rune) bool {
	for _, c := range r {
		if !isIdeo(c) {
			return false
		}
	}
	return len(r) > 0
}
