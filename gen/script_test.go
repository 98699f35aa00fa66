package gen

import "testing"

func TestToHan(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Tokayev", "托卡耶夫"},
		{"Astana", "阿斯塔纳"},
		{"Kassym Tokayev", "卡斯西姆·托卡耶夫"},
		{"Erdoğan", "埃尔多加恩"},
		{"Ankara", "阿恩卡拉"},
	}
	for _, tt := range tests {
		if got := toHan(tt.name); got != tt.want {
			t.Errorf("toHan(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
