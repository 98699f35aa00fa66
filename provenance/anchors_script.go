package provenance

import (
	"unicode/utf8"
)

// Scripts without capital letters have names all the same: a name is found
// by what it is in each script, then reduced to its skeleton like a
// capitalised one.
//   - Katakana: a run of Katakana is a foreign word, most often a name
//     (トカエフ), in Japanese.
//   - Han: Chinese writes foreign names with a small set of characters
//     read for their sound (托卡耶夫, 阿拉木图): a run of two or more of
//     them is a name.
//   - Hangul, Arabic (and Persian), Devanagari: a word that is not one of
//     the common words of its script, less its particles (Korean) or
//     article (Arabic).
//
// Common words are told from names by the text itself (commonInText: a
// word in many of its sentences is a word of the language, as a footer in
// many stories of an outlet is its boilerplate) and by a short list of
// function words per script (stopWord), for short texts. Both depend only
// on the text, never on what else a process has read: an article's
// anchors, and so its links, are the same in an import, a relink and
// any later run (an earlier version learned the words across the texts a
// process prepared, and an import and a relink of the same files
// disagreed on 2 of 23,752 links).

// nameScript is how names are found in a script.
type nameScript uint8

const (
	scriptOther nameScript = iota
	scriptKana
	scriptHan
	scriptHangul
	scriptArabic
	scriptDevanagari
	nScripts
)

// scriptOfRune returns the name script of r.
func scriptOfRune(r rune) nameScript {
	switch {
	case r < 0x0600:
		return scriptOther
	case r <= 0x06FF || 0x0750 <= r && r <= 0x077F || 0xFB50 <= r && r <= 0xFDFF || 0xFE70 <= r && r <= 0xFEFF:
		return scriptArabic
	case 0x0900 <= r && r <= 0x097F:
		return scriptDevanagari
	case 0x30A0 <= r && r <= 0x30FF || 0x31F0 <= r && r <= 0x31FF:
		return scriptKana // Katakana, with the prolonged sound mark ー
	case 0xAC00 <= r && r <= 0xD7A3:
		return scriptHangul
	case hanSound[r]:
		return scriptHan
	}
	return scriptOther
}

// hanSound holds the characters Chinese uses to write foreign names by
// their sound (the Xinhua transcription tables), simplified and
// traditional.
var hanSound = func() map[rune]bool {
	const chars = `阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁杜敦多厄恩尔耳法凡范菲费芬丰佛弗伏福夫盖甘冈高戈哥格根贡古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰捷金卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里利丽莉列林琳隆卢鲁路伦罗洛吕马玛迈麦曼毛梅门蒙米密缪摩莫默姆穆纳娜奈南内尼宁纽努诺欧帕潘庞佩彭皮珀普齐奇契恰乔切琴丘热茹若瑞萨塞赛桑瑟森沙莎尚舍申圣施什史舒斯松苏索塔泰坦汤唐陶特滕提廷通图托瓦万旺威韦维温沃乌伍武西希锡席夏肖谢辛休雅亚扬耶叶伊依因尤于约扎泽詹兹朱卓佐京斐哲赞则策茨季让瑙津套喀木克泽捷拜噶亥罕黎奥雷
爾羅維蘭亞納諾庫薩達蓋費賽聖麥邁韋瓊萊賴倫盧魯瑪爾夫蘇喬吉亞斯馬貝蒙
富察措日楚祖采`
	m := map[rune]bool{}
	for _, r := range chars {
		if r != '\n' {
			m[r] = true
		}
	}
	return m
}()

// scriptName is a candidate name of a script without capitals in a
// sentence: its text and script.
type scriptName struct {
	word   string
	script nameScript
}

// scriptNames returns the candidate names among the tokens ts of a
// sentence of text, in order: runs of Katakana and of Han sound
// characters (one token per character, adjacent), and words of the other
// scripts without capitals.
func scriptNames(text string, ts []token) []scriptName {
	var out []scriptName
	for k := 0; k < len(ts); k++ {
		t := ts[k]
		if t.num || text[t.s] < 0xd8 { // below U+0600
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[t.s:])
		sc := scriptOfRune(r)
		switch sc {
		case scriptOther:
			continue
		case scriptKana, scriptHan:
			end := k
			for end+1 < len(ts) && ts[end+1].s == ts[end].e {
				r2, _ := utf8.DecodeRuneInString(text[ts[end+1].s:])
				if scriptOfRune(r2) != sc {
					break
				}
				end++
			}
			w := text[t.s:ts[end].e]
			k = end
			if utf8.RuneCountInString(w) >= 2 {
				out = append(out, scriptName{w, sc})
			}
		default:
			w := t.norm
			if sc == scriptArabic {
				w = arabicStem(w)
			} else if sc == scriptHangul {
				w = hangulStem(w)
			}
			if n := utf8.RuneCountInString(w); n >= 3 || sc == scriptHangul && n >= 2 {
				out = append(out, scriptName{w, sc})
			}
		}
	}
	return out
}
