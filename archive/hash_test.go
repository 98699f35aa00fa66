package archive_test

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// contentHashRef is ContentHash as first written: every rune decoded, each
// field normalised into a string of its own. The hashes are the archive's
// deduplication keys, so they must not change.
func contentHashRef(a *wiretrace.Article) string {
	norm := func(s string) string {
		var b strings.Builder
		space := false
		for _, r := range s {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteRune(unicode.ToLower(r))
			default:
				space = true
			}
		}
		return b.String()
	}
	h := sha256.New()
	h.Write([]byte(norm(a.Source)))
	h.Write([]byte{0})
	h.Write([]byte(norm(a.Title)))
	h.Write([]byte{0})
	h.Write([]byte(norm(a.Text)))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// TestContentHashMatchesReference compares ContentHash with the first
// implementation on the seed articles and on random mixes of ASCII,
// accented, Cyrillic, CJK, digits of other scripts, punctuation, spacing
// and invalid UTF-8.
func TestContentHashMatchesReference(t *testing.T) {
	var arts []*wiretrace.Article
	seeds, _ := filepath.Glob("../testdata/seeds/*")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, &wiretrace.Article{Source: filepath.Base(p), Title: "Seed", Text: string(b)})
	}
	if len(arts) == 0 {
		t.Fatal("no seed articles in ../testdata/seeds")
	}
	pieces := []string{"AFP", "Tokayev", "said", "ÉTÉ", "Straße", "İ", "Токаев", "東京", "٣٤", "½", "Ⅻ", "e\u0301", "ǅ",
		"2,030", " ", "  ", "\n", "\t", ".", "—", "«", "\xff", "\xe2\x80", "_", "'", "-", "x", "Z", "9", ""}
	r := rand.New(rand.NewSource(11))
	field := func() string {
		var b strings.Builder
		for range r.Intn(25) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		return b.String()
	}
	for range 5000 {
		arts = append(arts, &wiretrace.Article{Source: field(), Title: field(), Text: field()})
	}
	for _, a := range arts {
		if got, want := archive.ContentHash(a), contentHashRef(a); got != want {
			t.Fatalf("ContentHash(%q, %q, %.80q) = %s, want %s", a.Source, a.Title, a.Text, got, want)
		}
	}
}
