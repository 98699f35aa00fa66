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
