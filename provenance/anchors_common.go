package provenance

import "strings"

// commonInText returns the candidate names (of scripts without capitals)
// that are common words of one text: held by at least commonSents
// sentences of it and by three in five of them. A name recurs in a news
// text, but in fewer of its sentences; the words of the language (و, در,
// के, 있다) are in most. scripted holds each sentence's candidates.
func commonInText(scripted [][]scriptName) map[scriptName]bool {
	n := 0
	for _, ns := range scripted {
		if len(ns) > 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	df := map[scriptName]int{}
	for _, ns := range scripted {
		for i, x := range ns {
			if !containsName(ns[:i], x) {
				df[x]++
			}
		}
	}
	var out map[scriptName]bool
	for x, d := range df {
		if d >= commonSents && 5*d >= 3*n {
			if out == nil {
				out = map[scriptName]bool{}
			}
			out[x] = true
		}
	}
	return out
}

// commonSents is the fewest sentences of a text a common word is in.
const commonSents = 4

func containsName(ns []scriptName, x scriptName) bool {
	for _, y := range ns {
		if y == x {
			return true
		}
	}
	return false
}

// stopWord reports whether n is one of the function words of its script
// (after its article or particles are cut, as scriptNames cuts them),
// which a short text may hold in too few sentences for commonInText.
func stopWord(n scriptName) bool { return stopWords[n] }

// stopWords are the commonest function words of the scripts without
// capitals that scriptNames keeps (three letters or more; Hangul two),
// cut as scriptNames cuts its words.
var stopWords = func() map[scriptName]bool {
	lists := []struct {
		script nameScript
		words  string
	}{
		// Arabic and Persian.
		{scriptArabic, `على إلى عن التي الذي الذين هذا هذه ذلك تلك بعد قبل بين حتى خلال حول منذ عند ضد عبر دون
			كان كانت يكون قال قالت وقال وقالت أن إن أنه أنها لكن غير كل بعض أيضا أمس اليوم يوم وزير رئيس مع ثم
			است این برای که را با آن خود شده بود کرد کند دارد های نیز پس اما گفت وی بر تا هم یک شد می‌شود
			خواهد باید دیگر همچنین روز سال`},
		// Hindi.
		{scriptDevanagari, `में है हैं और की के का को से ने पर यह वह थे था थी भी किया किए कहा कि एक इस उस लिए तक जो कर
			गया गई नहीं साथ बाद अपने रहा रही रहे करने दिया होगा हुआ हुई अब तो या सकता सकते बताया वाले`},
		// Korean, without particles.
		{scriptHangul, `있다 했다 밝혔다 대한 위해 통해 이번 지난 오는 또한 그러나 하지만 이후 현재 관련 때문 것으로
			말했다 있는 없는 하는 된다 됐다 이라고 라고 등을 가운데`},
	}
	m := map[scriptName]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l.words) {
			switch l.script {
			case scriptArabic:
				w = arabicStem(w)
			case scriptHangul:
				w = hangulStem(w)
			}
			m[scriptName{word: w, script: l.script}] = true
		}
	}
	return m
}()
