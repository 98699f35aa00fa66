package provenance

import "strings"

// languageStopwords are frequent words of each language, to guess the
// language of an article that does not say.
var languageStopwords = map[string][]string{
	"en": strings.Fields("the and of to in that is was for on with said by as"),
	"fr": strings.Fields("le la les et des du est une dans pour que qui sur par avec pas"),
	"es": strings.Fields("el la los las y del que en por con una para se al según"),
	"de": strings.Fields("der die das und ist nicht mit den von zu sich auf dem ein eine"),
	"it": strings.Fields("il di che della del per con non una sono gli nel alla"),
	"pt": strings.Fields("o os do da que em para com não uma dos das ao pelo"),
	"ru": strings.Fields("и в не на что с по как это он из за для от"),
}

// guessLanguage returns the ISO 639-1 code of the language whose frequent
// words text uses most, or "" when it cannot tell.
func guessLanguage(text string) string {
	counts := map[string]int{}
	words := map[string]int{}
	for _, t := range tokenize(text) {
		words[t.norm]++
	}
	best, bestN := "", 0
	for lang, sw := range languageStopwords {
		for _, w := range sw {
			counts[lang] += words[foldWord(w)]
		}
		if counts[lang] > bestN {
			best, bestN = lang, counts[lang]
		}
	}
	if bestN < 3 {
		return ""
	}
	return best
}
