package archive

import (
	"encoding/json"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// TestDecodeCreditsMatchesUnmarshal checks decodeCredits against
// json.Unmarshal: on credits as the store writes them (json.Marshal), with
// quotes, backslashes, HTML characters, control characters, line
// separators and invalid UTF-8 in their fields, and on those texts cut
// short, changed a byte or spaced out.
func TestDecodeCreditsMatchesUnmarshal(t *testing.T) {
	pieces := []string{"AFP", "Reuters", "supplier", "cited", "photo", "a", " ", "\"", "\\", "<", ">", "&", "\n", "\x01",
		"\u2028", "é", "Токаев", "東京", "\xff", "\xe2\x80", "{", "}", "[", "]", ",", ":", "(AFP)", ""}
	r := rand.New(rand.NewSource(13))
	plainPieces := []string{"AFP", "Reuters", "supplier", "cited", " ", "é", "Токаев", "東京", "(AFP)", "{", "]", ":", ","}
	simple := false // this credit list's words have no character json.Marshal escapes
	word := func() string {
		var b strings.Builder
		for range r.Intn(6) {
			if simple {
				b.WriteString(plainPieces[r.Intn(len(plainPieces))])
			} else {
				b.WriteString(pieces[r.Intn(len(pieces))])
			}
		}
		return b.String()
	}
	plain := 0
	for i := range 20000 {
		var cs []wiretrace.Credit
		simple = i%2 == 0
		for range 1 + r.Intn(3) {
			c := wiretrace.Credit{Agency: word(), Role: word()}
			if r.Intn(2) == 0 {
				c.Evidence = word()
			}
			cs = append(cs, c)
		}
		b, err := json.Marshal(cs)
		if err != nil {
			t.Fatal(err)
		}
		texts := []string{string(b), string(b[:r.Intn(len(b))]), strings.ReplaceAll(string(b), ",", ", ")}
		mut := []byte(string(b))
		mut[r.Intn(len(mut))] = "\"{}[],:x\\"[r.Intn(9)]
		texts = append(texts, string(mut))
		for _, s := range texts {
			if s == "" || s == "[]" {
				continue // not decoded: no credits
			}
			var want []wiretrace.Credit
			wantErr := json.Unmarshal([]byte(s), &want)
			got, gotErr := decodeCredits(s)
			if (gotErr != nil) != (wantErr != nil) || wantErr == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d, %q: got %#v, %v; want %#v, %v", i, s, got, gotErr, want, wantErr)
			}
			if _, ok := plainCredits(s); ok {
				plain++
			}
		}
	}
	if plain < 5000 {
		t.Errorf("only %d texts read directly: the fast path is not taken", plain)
	}
}
