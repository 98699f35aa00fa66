package provenance

import (
	"reflect"
	"strings"
	"testing"
)

// A word of the language in most sentences of a text is no name; a name
// in a few of them stays one; the list covers what a short text repeats
// too little.
func TestCommonInText(t *testing.T) {
	text := strings.Join([]string{
		"وقال توكاييف في أستانا إن الحكومة ستعمل في العام المقبل.",
		"وأضاف أن الحكومة في البلاد ستدعم المزارعين.",
		"وقال الوزير في المؤتمر إن الحكومة سترفع الأسعار.",
		"وأشار في حديثه إلى أن صادرات الحكومة زادت.",
		"وختم توكاييف كلمته في القاعة.",
	}, " ")
	sents := sentences(text)
	split := splitTokens(tokenize(text), sents)
	scripted := make([][]scriptName, len(sents))
	for i := range sents {
		scripted[i] = scriptNames(text, split[i])
	}
	common := commonInText(scripted)
	var got []string
	for n := range common {
		got = append(got, n.word)
	}
	if !common[scriptName{word: arabicStem("الحكومة"), script: scriptArabic}] {
		t.Fatalf("no common word in %d sentences: %v", len(sents), scripted)
	}
	for n := range common {
		if strings.Contains(n.word, "توكاييف") {
			t.Errorf("the name is a common word: %v", got)
		}
	}
	if !stopWord(scriptName{word: arabicStem("التي"), script: scriptArabic}) || stopWord(scriptName{word: arabicStem("توكاييف"), script: scriptArabic}) {
		t.Error("stop words: التي should be one, توكاييف not")
	}
}

// An article's anchors depend on its text only, not on what the process
// prepared before: an import and a relink must find the same links.
func TestAnchorsDoNotDependOnHistory(t *testing.T) {
	text := "قال الرئيس توكاييف في أستانا إن ٢٬٠٠٠ جندي سيغادرون البلاد يوم الأربعاء."
	before := newSide(text).anchors
	for i := 0; i < 200; i++ {
		newSide("قال الرئيس في العاصمة إن الجنود سيغادرون البلاد يوم الأربعاء وقال الوزير في المؤتمر")
	}
	if after := newSide(text).anchors; !reflect.DeepEqual(before, after) {
		t.Errorf("anchors changed after other texts were prepared:\nbefore %v\nafter  %v", before, after)
	}
}
