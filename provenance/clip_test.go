package provenance

import "testing"

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		n       int
		want    string
	}{
		{"empty", "", 5, ""},
		{"spaces collapse", "  a \n\t b  c ", 10, "a b c"},
		{"exact length", "ab cd", 5, "ab cd"},
		{"cut after a word", "ab cd ef", 5, "ab cd…"},
		{"cut at a space", "ab cd ef", 6, "ab cd …"},
		{"cut inside a word", "héllo wörld", 8, "héllo wö…"},
		{"zero", "abc", 0, "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := clip(tc.s, tc.n); got != tc.want {
				t.Errorf("clip(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
			}
		})
	}
}

// clip takes a short way for texts spaced with single spaces; it must
// give what the general way gives, for every length.
func TestClipFastMatchesSlow(t *testing.T) {
	texts := []string{"", " ", "a", "a ", " a", "ab cd", "ab  cd", "ab\ncd", "ab\u00a0cd", "héllo wörld", "a b c d e f",
		"word \u2003x", "x\u0085y", "Le président a dit « non » hier.", "北京 发生 地震", "end. ", "tab\tend"}
	for _, d := range genDocs(50) {
		texts = append(texts, d.Text[:min(len(d.Text), 300)], d.Title)
	}
	for _, s := range texts {
		for n := 0; n <= len(s)+2; n++ {
			if got, want := clip(s, n), clipSlow(s, n); got != want {
				t.Fatalf("clip(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
