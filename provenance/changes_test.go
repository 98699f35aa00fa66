package provenance

import (
	"strings"
	"testing"
)

// Credited compares ASCII texts without lower-casing them: it must find
// what strings.Contains finds in the lower-cased texts.
func TestContainsFoldASCII(t *testing.T) {
	for _, tc := range []struct{ s, sub string }{
		{"", "abc"}, {"abc", "abc"}, {"xABcx", "aBC"}, {"Reuters said", "reuters"}, {"REUTERS", "Reuters"},
		{"the AFP-wire", "afp-"}, {"ab", "abc"}, {"a.b", "A.B"}, {"@[`{", "@[`{"}, {"AAAb", "aab"}, {"x", ""},
	} {
		if got, want := containsFoldASCII(tc.s, tc.sub), strings.Contains(strings.ToLower(tc.s), strings.ToLower(tc.sub)); got != want {
			t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", tc.s, tc.sub, got, want)
		}
	}
}
