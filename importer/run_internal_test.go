package importer

import (
	"path/filepath"
	"testing"
)

func TestWithin(t *testing.T) {
	tests := []struct {
		name        string
		dir, parent string
		want        bool
	}{
		{"same", "a/b", "a/b", true},
		{"child", "a/b/c", "a/b", true},
		{"dot parent", "a", ".", true},
		{"root", "/x/y", "/", true},
		{"sibling", "a/c", "a/b", false},
		{"prefix is not parent", "a/bc", "a/b", false},
		{"parent is not within child", "a", "a/b", false},
		{"dotted name", "a/..b", "a", true},
		{"absolute and relative", "/x", "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := within(filepath.FromSlash(tt.dir), filepath.FromSlash(tt.parent)); got != tt.want {
				t.Errorf("within(%q, %q) = %v, want %v", tt.dir, tt.parent, got, tt.want)
			}
		})
	}
}
