package gen

import (
	"math/rand/v2"
	"strings"
)

// Token kinds. Text is generated as tokens and rendered per language, so a
// translation is the same tokens rendered in another language: names,
// numbers and quotations survive, words go through the dictionary.
const (
	tWord    = iota // v: word index in the source language
	tName           // v: person of the event
	tPlace          // the event's city
	tCountry        // the event's country
	tNum            // v: the number
	tOrg            // v: organisation index
	tSpell          // v: spelling pair, British unless rendered American
	tAgency         // v: agency index
	tLit            // v: literal phrase index
	tQOpen
	tQClose
	tComma
	tPeriod
	tColon
	tWordEn // v: word index in English, whatever the source language
)

type tok struct {
	k uint8
	v int32
}

// sentence is a run of tokens ending with a period.
type sentence []tok

// para is one paragraph of generated text with what it credits.
type para struct {
	sents []sentence
	cite  int // agency cited in it, or -1
	photo int // agency credited for a photo caption, or -1
}

// literals are fixed phrases per language, in the order of Languages.
var literals = [][6]string{
	{"correspondents saw", "ont vu ses correspondants", "vieron sus corresponsales", "sahen Korrespondenten", "видели корреспонденты", "记者看到"},
	{"news agency reported", "a rapporté l'agence", "informó la agencia", "berichtete die Nachrichtenagentur", "сообщило агентство", "通讯社报道"},
	{"Photo", "Photo", "Foto", "Foto", "Фото", "图片"},
}

const (
	litCorrespondents = iota
	litAgencyReported
	litPhoto
)

// event is the facts of one news event, shared by every article on it,
// copied or not.
type event struct {
	place   int
	persons [3]string
	roles   [3]string // concept keys, e.g. "minister"
	org     int
	nums    [3]int
	topic   [6]int // concept word indices the event is about
	weekday int
	quote   sentence // a short statement every report may quote
}

var roleKeys = []string{"minister", "president", "spokesman", "leader"}

func (g *Generator) event(e int) *event {
	r := g.rng(streamEvent, uint64(e))
	ev := &event{place: r.IntN(len(places)), org: r.IntN(len(organisations)), weekday: r.IntN(7)}
	for i := range ev.persons {
		ev.persons[i] = firstNames[r.IntN(len(firstNames))] + " " +
			surnameStarts[r.IntN(len(surnameStarts))] + surnameEnds[r.IntN(len(surnameEnds))]
		ev.roles[i] = roleKeys[r.IntN(len(roleKeys))]
	}
	ev.nums = [3]int{3 + r.IntN(200), (1 + r.IntN(40)) * 250, 2 + r.IntN(60)}
	en := langs()[0]
	for i := range ev.topic {
		ev.topic[i] = 30 + r.IntN(en.nConcepts-30)
	}
	b := &builder{r: r, l: en, ev: ev}
	b.add(tok{k: tQOpen})
	b.fill(5 + r.IntN(6))
	b.add(tok{k: tComma}, tok{k: tQClose})
	b.add(tok{k: tName, v: 0})
	b.w("said")
	ev.quote = b.end()
	for i, t := range ev.quote {
		if t.k == tWord {
			ev.quote[i].k = tWordEn
		}
	}
	return ev
}

// builder assembles sentences in a source language.
type builder struct {
	r  *rand.Rand
	l  *language
	ev *event
	s  sentence
}

func (b *builder) add(t ...tok) { b.s = append(b.s, t...) }

// w adds the concept words with the given English keys.
func (b *builder) w(keys ...string) {
	for _, k := range keys {
		i, ok := b.l.concept[k]
		if !ok {
			panic("gen: unknown concept " + k)
		}
		b.s = append(b.s, tok{k: tWord, v: int32(i)})
	}
}

// fill adds n words of Zipf-distributed filler, a few of them the event's
// topic words and names.
func (b *builder) fill(n int) {
	for range n {
		x := b.r.IntN(100)
		switch {
		case x < 5:
			b.s = append(b.s, tok{k: tWord, v: int32(b.ev.topic[b.r.IntN(len(b.ev.topic))])})
		case x < 6:
			b.s = append(b.s, tok{k: tCountry})
		case x < 7 && b.l.code == "en":
			b.s = append(b.s, tok{k: tSpell, v: int32(b.r.IntN(len(spellingPairs)))})
		default:
			b.s = append(b.s, tok{k: tWord, v: int32(b.l.zipf(b.r))})
		}
	}
}

func (b *builder) end() sentence {
	b.s = append(b.s, tok{k: tPeriod})
	s := b.s
	b.s = nil
	return s
}

// subject adds a sentence subject: an official body or a named person.
func (b *builder) subject() {
	switch b.r.IntN(9) {
	case 0:
		b.w("the", "government")
	case 1:
		b.w("police")
	case 2:
		b.w("the", "army")
	case 3:
		b.w("the", "prime", "minister")
	case 4:
		b.w("the", "president")
	case 5:
		b.w("officials")
	case 6:
		b.w("the", "interior", "ministry")
	case 7:
		b.w("local", "media")
	default:
		p := b.r.IntN(3)
		b.w(b.ev.roles[p])
		b.add(tok{k: tName, v: int32(p)})
	}
}

var verbKeys = []string{"said", "said", "said", "told", "announced", "confirmed", "added", "warned"}

// sentence makes one sentence of a news report.
func (b *builder) sentence() sentence {
	r := b.r
	switch r.IntN(10) {
	case 0, 1: // Subject said that ...
		b.subject()
		b.w(verbKeys[r.IntN(len(verbKeys))])
		if r.IntN(2) == 0 {
			b.w("that")
		}
		b.fill(8 + r.IntN(14))
	case 2, 3: // ..., subject said.
		b.fill(8 + r.IntN(14))
		b.add(tok{k: tComma})
		b.subject()
		b.w("said")
	case 4: // quotation
		b.add(tok{k: tQOpen})
		b.fill(8 + r.IntN(16))
		b.add(tok{k: tComma}, tok{k: tQClose})
		b.add(tok{k: tName, v: int32(r.IntN(3))})
		b.w(verbKeys[r.IntN(len(verbKeys))])
	case 5: // a fact with a figure
		b.w("at least")
		b.add(tok{k: tNum, v: int32(b.ev.nums[r.IntN(2)])})
		b.w("people", "were", []string{"killed", "injured", "arrested"}[r.IntN(3)], "in")
		b.add(tok{k: tPlace})
		b.w("on", weekdayKeys[b.ev.weekday])
		b.add(tok{k: tComma})
		b.subject()
		b.w("said")
	case 6: // organisation
		b.w("the")
		b.add(tok{k: tOrg, v: int32(b.ev.org)})
		b.w(verbKeys[r.IntN(len(verbKeys))])
		b.fill(6 + r.IntN(12))
	default:
		b.fill(10 + r.IntN(16))
	}
	return b.end()
}

var weekdayKeys = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// lead makes the first sentence of a report: who did what, where, when.
// Its shape varies, so that independent reports of one event share names
// and figures, not sentences.
func (b *builder) lead() sentence {
	p := b.r.IntN(3)
	switch b.r.IntN(3) {
	case 0:
		b.w(b.ev.roles[p])
		b.add(tok{k: tName, v: int32(p)})
		b.w([]string{"visited", "announced", "warned", "called"}[b.r.IntN(4)])
		b.add(tok{k: tPlace})
		b.w("on", weekdayKeys[b.ev.weekday])
		b.fill(6 + b.r.IntN(10))
		b.add(tok{k: tComma})
		b.w("more than")
		b.add(tok{k: tNum, v: int32(b.ev.nums[b.r.IntN(3)])})
		b.fill(4 + b.r.IntN(8))
	case 1:
		b.fill(5 + b.r.IntN(8))
		b.w("in")
		b.add(tok{k: tPlace}, tok{k: tComma})
		b.subject()
		b.w([]string{"said", "announced", "confirmed"}[b.r.IntN(3)])
		b.w("on", weekdayKeys[b.ev.weekday])
		b.fill(4 + b.r.IntN(8))
	default:
		b.w("the")
		b.add(tok{k: tOrg, v: int32(b.ev.org)})
		b.fill(4 + b.r.IntN(6))
		b.add(tok{k: tCountry}, tok{k: tComma})
		b.w("according", "to")
		b.add(tok{k: tName, v: int32(p)})
		b.fill(3 + b.r.IntN(6))
	}
	return b.end()
}

// title makes a headline.
func (b *builder) title() sentence {
	switch b.r.IntN(4) {
	case 0:
		b.add(tok{k: tName, v: 0})
		b.w([]string{"visited", "announced", "warned", "called", "restore"}[b.r.IntN(5)])
		b.fill(3 + b.r.IntN(4))
		b.w("in")
		b.add(tok{k: tPlace})
	case 1:
		b.add(tok{k: tPlace}, tok{k: tColon})
		b.fill(4 + b.r.IntN(5))
	case 2:
		b.add(tok{k: tNum, v: int32(b.ev.nums[0])})
		b.w([]string{"killed", "injured", "arrested"}[b.r.IntN(3)], "in")
		b.add(tok{k: tPlace})
		b.fill(2 + b.r.IntN(4))
	default:
		b.subject()
		b.fill(4 + b.r.IntN(5))
	}
	return b.s
}

// body makes the paragraphs of a report: a lead, then quotes, figures
// and background; cite is an agency the text cites, or -1.
func (b *builder) body(nParas int, cite int, selfAgency int) []para {
	ps := []para{{sents: []sentence{b.lead()}, cite: -1, photo: -1}}
	citeAt := -1
	if cite >= 0 {
		citeAt = 1 + b.r.IntN(max(nParas-1, 1))
	}
	selfAt := -1
	if selfAgency >= 0 {
		selfAt = 1 + b.r.IntN(max(nParas-1, 1))
	}
	for i := 1; i < nParas; i++ {
		p := para{cite: -1, photo: -1}
		if i == 1 && b.r.IntN(100) < 60 {
			p.sents = append(p.sents, b.ev.quote)
		}
		for n := 1 + b.r.IntN(3); n > 0; n-- {
			p.sents = append(p.sents, b.sentence())
		}
		if i == citeAt {
			b.fill(8 + b.r.IntN(10))
			b.add(tok{k: tComma}, tok{k: tAgency, v: int32(cite)}, tok{k: tLit, v: litAgencyReported})
			p.sents = append(p.sents, b.end())
			p.cite = cite
		}
		if i == selfAt && i != citeAt {
			b.add(tok{k: tAgency, v: int32(selfAgency)}, tok{k: tLit, v: litCorrespondents})
			b.fill(8 + b.r.IntN(10))
			p.sents = append(p.sents, b.end())
		}
		ps = append(ps, p)
	}
	return ps
}

// renderer writes tokens in one language.
type renderer struct {
	src, dst *language
	ev       *event
	american bool
	capNext  bool
	sb       strings.Builder
}

func (rd *renderer) word(s string) {
	if s == "" {
		return
	}
	if rd.dst.spaced && rd.sb.Len() > 0 {
		last := rd.sb.String()[rd.sb.Len()-1]
		if last != ' ' && last != '\n' {
			rd.sb.WriteByte(' ')
		}
	}
	rd.sb.WriteString(s)
}

// sentence appends s; the first word is capitalised.
func (rd *renderer) sentence(s sentence, headline bool) {
	rd.capNext = true
	openQuote := false
	for _, t := range s {
		var w string
		switch t.k {
		case tWord:
			w = rd.dst.words[translateWord(rd.src, rd.dst, int(t.v))]
		case tWordEn:
			w = rd.dst.words[translateWord(langs()[0], rd.dst, int(t.v))]
		case tName:
			w = nameIn(rd.ev.persons[t.v], rd.dst.code)
		case tPlace:
			w = nameIn(places[rd.ev.place][0], rd.dst.code)
		case tCountry:
			w = nameIn(places[rd.ev.place][1], rd.dst.code)
		case tNum:
			w = rd.dst.formatNumber(int(t.v))
		case tOrg:
			w = organisations[t.v]
		case tSpell:
			if rd.dst.code == "en" {
				w = spellingPairs[t.v][0]
				if rd.american {
					w = spellingPairs[t.v][1]
				}
			} else {
				w = rd.dst.words[translateWord(langs()[0], rd.dst, langs()[0].nConcepts+int(t.v))]
			}
		case tAgency:
			w = agencyLabel(int(t.v), rd.dst.code)
		case tLit:
			w = literals[t.v][langIndex(rd.dst.code)]
		case tQOpen:
			capNext := rd.capNext
			rd.capNext = false
			rd.word(rd.dst.qOpen)
			rd.capNext = capNext
			openQuote = true
			continue
		case tQClose:
			rd.sb.WriteString(rd.dst.qClose)
			continue
		case tComma:
			rd.sb.WriteString(rd.dst.comma)
			continue
		case tPeriod:
			if !headline {
				rd.sb.WriteString(rd.dst.period)
			}
			continue
		case tColon:
			rd.sb.WriteString(":")
			continue
		}
		if w == "" {
			continue
		}
		if rd.capNext {
			w = capitalize(w)
			rd.capNext = false
		}
		if openQuote {
			rd.sb.WriteString(w)
			openQuote = false
			continue
		}
		rd.word(w)
	}
}

// paragraph renders one paragraph.
func (rd *renderer) paragraph(p para) string {
	rd.sb.Reset()
	for _, s := range p.sents {
		rd.sentence(s, false)
	}
	return rd.sb.String()
}

// headline renders a title.
func (rd *renderer) headline(s sentence) string {
	rd.sb.Reset()
	rd.sentence(s, true)
	return rd.sb.String()
}
