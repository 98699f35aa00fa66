package provenance

import (
	"strings"
	"testing"
)

// numberKeys returns the number anchors of text, in order.
func numberKeys(text string) string {
	var out []string
	for _, as := range sentenceAnchors(text, sentences(text)) {
		for _, a := range as {
			if a.num {
				out = append(out, a.key)
			}
		}
	}
	return strings.Join(out, " ")
}

func TestDigitValue(t *testing.T) {
	tests := []struct {
		r    rune
		want int
	}{
		{'7', 7}, {'۷', 7}, {'٧', 7}, {'७', 7}, {'７', 7}, {'৭', 7}, {'๗', 7}, {'𝟕', 7},
		{'0', 0}, {'۰', 0}, {'a', -1}, {'七', -1}, {'٫', -1},
	}
	for _, tt := range tests {
		if got := digitValue(tt.r); got != tt.want {
			t.Errorf("digitValue(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

// TestNativeNumbers checks that one sentence with the same figures, in the
// digits and number formats of each language, gives the same anchors.
func TestNativeNumbers(t *testing.T) {
	const want = "#2000 #2025 #35.5"
	tests := []struct{ lang, text string }{
		{"en", "About 2,000 people left in 2025, and prices rose 35.5 percent."},
		{"fr", "Environ 2 000 personnes sont parties en 2025 et les prix ont augmenté de 35,5 %."},
		{"de", "Etwa 2.000 Menschen gingen 2025, die Preise stiegen um 35,5 Prozent."},
		{"ru", "Около 2\u00a0000 человек уехали в 2025 году, цены выросли на 35,5%."},
		{"uk", "Близько 2\u202f000 людей виїхали у 2025 році, ціни зросли на 35,5%."},
		{"kk", "2025 жылы 2 000-ға жуық адам кетті, бағалар 35,5 пайызға өсті."},
		{"tr", "2025'te yaklaşık 2.000 kişi ayrıldı, fiyatlar yüzde 35,5 arttı."},
		{"fa", "حدود ۲٬۰۰۰ نفر در سال ۲۰۲۵ رفتند و قیمت‌ها ۳۵٫۵ درصد افزایش یافت."},
		{"ar", "غادر نحو ٢٬٠٠٠ شخص في عام ٢٠٢٥، وارتفعت الأسعار ٣٥٫٥ في المئة."},
		{"hi", "2025 में लगभग २,००० लोग चले गए, कीमतें ३५.५ प्रतिशत बढ़ीं।"},
		{"zh", "2025年约有2000人离开，价格上涨了35.5%。"},
		{"ja", "２０２５年には約２，０００人が去り、価格は３５．５％上昇した。"},
		{"ko", "2025년에 약 2,000명이 떠났고 물가는 35.5% 올랐다."},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			got := strings.Fields(numberKeys(tt.text))
			for _, w := range strings.Fields(want) {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("%q: anchors %v, want %s among them", tt.text, got, w)
				}
			}
		})
	}
}

// TestScaleWords checks that numbers with a scale word are read as their
// value: 2.5 million in each language.
func TestScaleWords(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "The city has 2.5 million people."},
		{"fr", "La ville compte 2,5 millions d'habitants."},
		{"es", "La ciudad tiene 2,5 millones de habitantes."},
		{"ru", "В городе живут 2,5 млн человек."},
		{"uk", "У місті живуть 2,5 мільйона людей."},
		{"tr", "Şehirde 2,5 milyon kişi yaşıyor."},
		{"zh", "该市有250万人口。"},
		{"ja", "市の人口は250万人だ。"},
		{"ko", "이 도시의 인구는 250만명이다."},
		{"hi", "शहर में 25 लाख लोग रहते हैं।"},
		{"fa", "این شهر ۲٫۵ میلیون نفر جمعیت دارد."},
		{"ar", "يبلغ عدد سكان المدينة ٢٫٥ مليون نسمة."},
	}
	for _, tt := range tests {
		if got := numberKeys(tt.text); got != "#2500000" {
			t.Errorf("%s %q: anchors %q, want #2500000", tt.lang, tt.text, got)
		}
	}
}

func TestScaleNumber(t *testing.T) {
	tests := []struct {
		n    string
		exp  int
		want string
	}{
		{"2.5", 6, "2500000"}, {"250", 4, "2500000"}, {"1.25", 1, "12.5"}, {"0.5", 3, "500"}, {"12", 0, "12"},
	}
	for _, tt := range tests {
		if got := scaleNumber(tt.n, tt.exp); got != tt.want {
			t.Errorf("scaleNumber(%q, %d) = %q, want %q", tt.n, tt.exp, got, tt.want)
		}
	}
}
