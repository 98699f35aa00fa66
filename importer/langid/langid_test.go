package langid

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"President Kassym-Jomart Tokayev visited Almaty on Wednesday for the first time since clashes there left dozens dead.", "en"},
		{"Le président du Kazakhstan, Kassym-Jomart Tokaïev, s’est rendu mercredi à Almaty, pour la première fois depuis les émeutes.", "fr"},
		{"El presidente de Kazajistán visitó el miércoles Almaty por primera vez desde los disturbios de la semana pasada.", "es"},
		{"Der Präsident Kasachstans hat am Mittwoch zum ersten Mal seit den tödlichen Unruhen die Stadt Almaty besucht.", "de"},
		{"Президент Казахстана Касым-Жомарт Токаев в среду посетил Алматы впервые после беспорядков.", "ru"},
		{"哈萨克斯坦总统托卡耶夫星期三访问了阿拉木图，这是骚乱发生后他首次到访该市。", "zh"},
		{"カザフスタンのトカエフ大統領は水曜日、暴動後初めてアルマトイを訪問した。", "ja"},
		{"ok", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"en-US": "en", "fr_FR": "fr", "English": "en", "fra": "fr", "": "", "zz-top": "zz"} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkDetect detects the language of the seed articles' texts (one
// 1,200-byte sample each), as an import does for every article.
func BenchmarkDetect(b *testing.B) {
	seeds, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	var texts []string
	for _, p := range seeds {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if Detect(texts[i%len(texts)]) == "" {
			b.Fatalf("no language for %s", seeds[i%len(texts)])
		}
	}
}

func TestTooShort(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Rain", true},
		{"Scientists find water", true},                    // 19 letters: 49% right
		{"Council passes a budget with a tax rise", false}, // 32 letters
		{"東京で地震", true},                                    // 5 characters count 15
		{"東京で震度5強の地震、けが人の情報なし", false},                     // 17 characters count 48
		{"12:30 — 2022-01-12 — 3.1%", true},                // no letters
	}
	for _, tt := range tests {
		if got := TooShort(tt.text); got != tt.want {
			t.Errorf("TooShort(%q) = %v, want %v", tt.text, got, tt.want)
		}
		if tt.want && Detect(tt.text) != "" {
			t.Errorf("Detect(%q) = %q, want \"\" (too short)", tt.text, Detect(tt.text))
		}
	}
}
