package provenance

import (
	"slices"
	"strings"
	"testing"
)

// calendarKeys returns the month and weekday anchors of text, sorted.
func calendarKeys(text string) string {
	var out []string
	for _, as := range sentenceAnchors(text, sentences(text)) {
		for _, a := range as {
			if strings.HasPrefix(a.key, "%") {
				out = append(out, a.key)
			}
		}
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// TestCalendarAcrossScripts checks that "on Wednesday 12 March" and "in
// October" give the same month and weekday anchors in every language.
func TestCalendarAcrossScripts(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "They met on Wednesday, 12 March, and will meet again in October."},
		{"ru", "Они встретились в среду, 12 марта, и снова встретятся в октябре."},
		{"uk", "Вони зустрілися в середу, 12 березня, і знову зустрінуться в жовтні."},
		{"kk", "Олар сәрсенбі күні, 12 наурызда кездесті және қазан айында тағы кездеседі."},
		{"tr", "12 Mart Çarşamba günü görüştüler ve ekim ayında yeniden görüşecekler."},
		{"zh", "他们于3月12日（星期三）会面，并将于10月再次会面。"},
		{"zh-zhou", "他们于3月12日（周三）会面，并将于10月再次会面。"},
		{"ja", "彼らは3月12日（水曜日）に会談し、10月に再び会談する。"},
		{"ko", "그들은 3월 12일 수요일에 만났고 10월에 다시 만난다."},
		{"ar", "التقيا يوم الأربعاء ١٢ مارس وسيلتقيان مجددا في أكتوبر."},
		{"ar-levant", "التقيا يوم الأربعاء ١٢ آذار وسيلتقيان مجددا في أكتوبر."},
		{"fa", "آنها روز چهارشنبه ۱۲ مارس دیدار کردند و در اکتبر دوباره دیدار می‌کنند."},
		{"hi", "वे बुधवार, १२ मार्च को मिले और अक्टूबर में फिर मिलेंगे।"},
	}
	want := "%d3 %m10 %m3"
	for _, tt := range tests {
		if got := calendarKeys(tt.text); got != want {
			t.Errorf("%s %q: %q, want %q", tt.lang, tt.text, got, want)
		}
	}
	// Numbers before other characters are not months; 周 alone is not a
	// weekday.
	for _, text := range []string{"一周内有300人受伤。", "13月没有。", "2025년 300명"} {
		if got := calendarKeys(text); got != "" {
			t.Errorf("%q: calendar anchors %q, want none", text, got)
		}
	}
}
