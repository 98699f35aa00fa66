package provenance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSkeletonAcrossScripts(t *testing.T) {
	tests := []struct {
		want  string
		names []string
	}{
		{"tkp", []string{"Tokayev", "Tokaev", "Tokaïev", "Tokajew", "Токаев", "Токаєв", "Тоқаев", "托卡耶夫", "トカエフ", "토카예프", "توكاييف", "توکایف", "तोकायेव"}},
		{"astn", []string{"Astana", "Астана", "阿斯塔纳", "アスタナ", "아스타나", "أستانا", "आस्ताना"}},
		{"ankr", []string{"Ankara", "Анкара", "安卡拉", "アンカラ", "앙카라", "أنقرة", "آنکارا", "अंकारा"}},
		{"astnpr", []string{"Istanbul", "伊斯坦布尔", "イスタンブール", "이스탄불", "إسطنبول", "استانبول", "इस्तांबुल"}},
	}
	for _, tt := range tests {
		for _, n := range tt.names {
			if got := skeleton(foldWord(n)); got != tt.want {
				t.Errorf("skeleton(%q) = %q (romanised %q), want %q", n, got, romanize(foldWord(n)), tt.want)
			}
		}
	}
	// Within one consonant, or a glued ending: Erdoğan's silent ğ, case
	// endings.
	near := [][2]string{{"Erdogan", "埃尔多安"}, {"Erdogan", "エルドアン"}, {"Erdogan", "Эрдоганом"}, {"Tokayev", "Тоқаевтың"}, {"Tokayev", "Токаевым"}}
	for _, p := range near {
		a, b := skeleton(foldWord(p[0])), skeleton(foldWord(p[1]))
		if a != b && !oneConsonantApart(a, b) {
			t.Errorf("%q (%s) and %q (%s) should match", p[0], a, p[1], b)
		}
	}
	if oneConsonantApart("tkp", "ptn") || oneConsonantApart("artkn", "ankr") {
		t.Error("different names match")
	}
}

// readFixture returns a text of testdata/translate.
func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "translate", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// TestTranslationsAcrossScripts aligns an English dispatch with its
// translations (hand-written) into ten languages of five scripts: names,
// digits and dates must carry each one, and reports of the same event
// that are not translations must not align.
func TestTranslationsAcrossScripts(t *testing.T) {
	en := readFixture(t, "en")
	for _, lang := range []string{"ru", "uk", "kk", "tr", "zh", "ja", "ko", "ar", "fa", "hi"} {
		t.Run(lang, func(t *testing.T) {
			ta := alignTranslation(en, readFixture(t, lang))
			if !ta.isTranslation() {
				t.Errorf("not a translation: %d strong pairs, score %.1f, covered %d/%d and %d/%d",
					ta.strong, ta.score, ta.coveredA, ta.lenA, ta.coveredB, ta.lenB)
			}
		})
	}
	for _, name := range []string{"event-ru", "event-zh", "event-ar"} {
		t.Run(name, func(t *testing.T) {
			if ta := alignTranslation(en, readFixture(t, name)); ta.isTranslation() {
				t.Errorf("an independent report taken for a translation: %d strong pairs, score %.1f, covered %d/%d and %d/%d",
					ta.strong, ta.score, ta.coveredA, ta.lenA, ta.coveredB, ta.lenB)
			}
		})
	}
}

// TestMatchReportsAreNotTranslations: two reports of one football match
// written apart (English, French) share the names, the score and the
// order of the goals, and are not translations; the French translation
// of the English one is.
func TestMatchReportsAreNotTranslations(t *testing.T) {
	en := readFixture(t, "match-en")
	if ta := alignTranslation(en, readFixture(t, "match-fr")); ta.isTranslation() {
		t.Errorf("independent report taken for a translation: anchor recall %.2f and %.2f", ta.recallA, ta.recallB)
	}
	if ta := alignTranslation(en, readFixture(t, "match-en-fr")); !ta.isTranslation() {
		t.Errorf("translation not found: %d strong pairs, anchor recall %.2f and %.2f", ta.strong, ta.recallA, ta.recallB)
	}
}
