package archive

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/wiretrace/wiretrace"
)

// Evidence passages and the paragraphs a copy cut or added are nearly
// always verbatim slices of the two articles' texts. Stored as text they
// made up three quarters of an archive (every link repeated large parts of
// two articles); they are stored as byte ranges of the article's text
// instead, and as text only when they are not found in it.

// textRef is a passage as stored: text[S:E] of its article when E > 0,
// else the text T itself.
type textRef struct {
	T string `json:"t,omitempty"`
	S int    `json:"s,omitempty"`
	E int    `json:"e,omitempty"`
	// Cut marks a passage shortened with "…" at its start ("s") or end
	// ("e"), and one whose white space was collapsed ("w").
	Cut string `json:"x,omitempty"`
}

func refOf(article, passage string) textRef {
	if passage == "" {
		return textRef{}
	}
	if i := strings.Index(article, passage); i >= 0 {
		return textRef{S: i, E: i + len(passage)}
	}
	// Passages that span paragraphs are joined with single spaces, and long
	// ones are shortened with an ellipsis.
	core, cut := passage, ""
	if c, ok := strings.CutPrefix(core, "…"); ok {
		core, cut = strings.TrimSpace(c), "s"
	}
	if c, ok := strings.CutSuffix(core, "…"); ok {
		core, cut = strings.TrimSpace(c), cut+"e"
	}
	if cut != "" {
		if i := strings.Index(article, core); i >= 0 && core != "" {
			return textRef{S: i, E: i + len(core), Cut: cut}
		}
	}
	if s, e, ok := locateSpaced(article, core); ok && core != "" {
		return textRef{S: s, E: e, Cut: cut + "w"}
	}
	return textRef{T: passage}
}

// locateSpaced finds passage in article when they differ only in white
// space, and returns the byte range in article; ok is false otherwise. The
// range is resolved back to the article's own spacing when read.
func locateSpaced(article, passage string) (start, end int, ok bool) {
	// The words of passage, as strings.Fields gives them, without
	// making the slice of them for every evidence passage stored.
	p := strings.TrimLeftFunc(passage, unicode.IsSpace)
	if p == "" {
		return 0, 0, false
	}
	n := strings.IndexFunc(p, unicode.IsSpace)
	if n < 0 {
		n = len(p)
	}
	first, rest := p[:n], p[n:]
	from := 0
	for {
		i := strings.Index(article[from:], first)
		if i < 0 {
			return 0, 0, false
		}
		start = from + i
		pos := start + len(first)
		matched := true
		for w := range strings.FieldsSeq(rest) {
			j := pos
			for j < len(article) && (article[j] == ' ' || article[j] == '\n' || article[j] == '\t' || article[j] == '\r') {
				j++
			}
			if j == pos || !strings.HasPrefix(article[j:], w) {
				matched = false
				break
			}
			pos = j + len(w)
		}
		if matched {
			return start, pos, true
		}
		from = start + 1
	}
}

// text returns the passage, with its white space as the evidence had it
// (runs of spaces and line breaks read as one space).
func (r textRef) text(article string) string {
	if r.E > 0 && r.S >= 0 && r.S <= r.E && r.E <= len(article) {
		t := article[r.S:r.E]
		if strings.Contains(r.Cut, "w") {
			t = strings.Join(strings.Fields(t), " ")
		}
		if strings.Contains(r.Cut, "s") {
			t = "…" + t
		}
		if strings.Contains(r.Cut, "e") {
			t += "…"
		}
		return t
	}
	return r.T
}

type storedPassage struct {
	F textRef `json:"f"`
	O textRef `json:"o"`
	// Older rows held the text itself.
	FromText string `json:"from_text,omitempty"`
	ToText   string `json:"to_text,omitempty"`
}

type storedChanges struct {
	NewHeadline bool      `json:"new_headline,omitempty"`
	Cut         []textRef `json:"cut,omitempty"`
	Added       []textRef `json:"added,omitempty"`
	Altered     []string  `json:"altered,omitempty"`
	Credited    bool      `json:"credited,omitempty"`
}

// encodeLink returns the evidence and changes of l as stored, given the
// texts of its original (from) and copy (to).
func encodeLink(l wiretrace.Link, from, to string) (string, string, error) {
	ev := make([]storedPassage, len(l.Evidence))
	for i, p := range l.Evidence {
		ev[i] = storedPassage{F: refOf(from, p.FromText), O: refOf(to, p.ToText)}
	}
	ch := storedChanges{NewHeadline: l.Changes.NewHeadline, Altered: l.Changes.Altered, Credited: l.Changes.Credited}
	for _, p := range l.Changes.Cut {
		ch.Cut = append(ch.Cut, refOf(from, p))
	}
	for _, p := range l.Changes.Added {
		ch.Added = append(ch.Added, refOf(to, p))
	}
	evj, err := json.Marshal(ev)
	if err != nil {
		return "", "", fmt.Errorf("link %d -> %d: evidence: %w", l.From, l.To, err)
	}
	chj, err := json.Marshal(ch)
	if err != nil {
		return "", "", fmt.Errorf("link %d -> %d: changes: %w", l.From, l.To, err)
	}
	return string(evj), string(chj), nil
}

// decodeLink fills the evidence and changes of l from their stored form.
func decodeLink(l *wiretrace.Link, ev, ch, from, to string) error {
	var sp []storedPassage
	if err := json.Unmarshal([]byte(ev), &sp); err != nil {
		return fmt.Errorf("link %d -> %d: evidence: %w", l.From, l.To, err)
	}
	l.Evidence = make([]wiretrace.Passage, 0, len(sp))
	for _, p := range sp {
		f, o := p.F.text(from), p.O.text(to)
		if f == "" && o == "" {
			f, o = p.FromText, p.ToText
		}
		l.Evidence = append(l.Evidence, wiretrace.Passage{FromText: f, ToText: o})
	}
	var sc struct {
		storedChanges
		// Older rows held paragraphs as text.
		Cut   json.RawMessage `json:"cut"`
		Added json.RawMessage `json:"added"`
	}
	if err := json.Unmarshal([]byte(ch), &sc); err != nil {
		return fmt.Errorf("link %d -> %d: changes: %w", l.From, l.To, err)
	}
	l.Changes = wiretrace.Changes{NewHeadline: sc.NewHeadline, Altered: sc.Altered, Credited: sc.Credited}
	var err error
	if l.Changes.Cut, err = paragraphs(sc.Cut, from); err != nil {
		return fmt.Errorf("link %d -> %d: changes: %w", l.From, l.To, err)
	}
	if l.Changes.Added, err = paragraphs(sc.Added, to); err != nil {
		return fmt.Errorf("link %d -> %d: changes: %w", l.From, l.To, err)
	}
	return nil
}

func paragraphs(raw json.RawMessage, article string) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var refs []textRef
	if err := json.Unmarshal(raw, &refs); err == nil {
		out := make([]string, len(refs))
		for i, r := range refs {
			out[i] = r.text(article)
		}
		return out, nil
	}
	var texts []string
	if err := json.Unmarshal(raw, &texts); err != nil {
		return nil, err
	}
	return texts, nil
}

// linkArticles returns the distinct articles of links.
func linkArticles(links []wiretrace.Link) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, l := range links {
		for _, id := range []int64{l.From, l.To} {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// articleTexts returns the texts of the given articles.
func articleTexts(ctx context.Context, q querier, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		rows, err := q.QueryContext(ctx, "SELECT id, text FROM articles WHERE id IN ("+placeholders(len(part))+")", int64Args(part)...)
		if err != nil {
			return nil, fmt.Errorf("article texts: %w", err)
		}
		for rows.Next() {
			var id int64
			var t string
			if err := rows.Scan(&id, &t); err != nil {
				rows.Close()
				return nil, fmt.Errorf("article texts: %w", err)
			}
			out[id] = t
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("article texts: %w", err)
		}
	}
	return out, nil
}
