// Package agency knows the wire agencies and tells which of them an article
// credits, and how: as the supplier of its text, as a source it only cites,
// or for a photo.
//
// The table of agencies is the single place to extend: add an entry to
// Table with the surface forms the agency takes in any language.
package agency

// Agency is one wire agency and the forms its name takes in text.
type Agency struct {
	// Name is the canonical name stored in credits, e.g. "AFP".
	Name string
	// Full is the agency's full name in English.
	Full string
	// Aliases are the surface forms of the name in any language. They are
	// matched case-sensitively at word boundaries (an all upper-case form
	// of each alias is matched too, for datelines in capitals). Scripts
	// without spaces (Chinese, Japanese) are matched anywhere.
	Aliases []string
	// Ambiguous are aliases that are also ordinary words or other
	// acronyms ("AP" for Andhra Pradesh, "PTI" for a political party).
	// They count only in a credit context: a dateline, a byline or
	// sign-off line, a photo credit, or "told X", "X reported",
	// "X news agency"...
	Ambiguous []string
	// AmbiguousIf makes every alias of the agency ambiguous when one of
	// these phrases occurs in the text ("Australian Federal Police" makes
	// "AFP" ambiguous).
	AmbiguousIf []string
	// Exclude are phrases in which an alias does not name the agency
	// ("Reuters Institute", "Sputnik V").
	Exclude []string
}

// Table is the list of known agencies. Order does not matter: overlapping
// matches are resolved in favour of the longest alias ("Associated Press
// of Pakistan" is APP, not AP).
var Table = []Agency{
	{Name: "AFP", Full: "Agence France-Presse",
		Aliases: []string{"AFP", "Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse",
			"АФП", "Франс Пресс", "Франс-Пресс", "法新社", "فرانس برس", "وكالة الصحافة الفرنسية", "Agencia France-Presse"},
		AmbiguousIf: []string{"Australian Federal Police"},
	},
	{Name: "AP", Full: "Associated Press",
		Aliases:   []string{"AP", "Associated Press", "The Associated Press", "Ассошиэйтед Пресс", "Ассошиэйтед пресс", "美联社", "美聯社", "أسوشيتد برس"},
		Ambiguous: []string{"AP"},
		Exclude:   []string{"AP Stylebook", "Associated Press Stylebook", "AP Calculus", "AP Biology", "AP Chemistry", "AP Physics", "AP exam", "AP classes", "AP courses"},
	},
	{Name: "Reuters", Full: "Reuters",
		Aliases: []string{"Reuters", "Thomson Reuters", "Рейтер", "Рейтерс", "路透社", "رويترز", "ロイター"},
		Exclude: []string{"Reuters Institute", "Thomson Reuters Foundation", "Reuters Foundation"},
	},
	{Name: "IANS", Full: "Indo-Asian News Service",
		Aliases: []string{"IANS", "Indo-Asian News Service"},
	},
	{Name: "PTI", Full: "Press Trust of India",
		Aliases:   []string{"PTI", "Press Trust of India"},
		Ambiguous: []string{"PTI"},
	},
	{Name: "ANI", Full: "Asian News International",
		Aliases:   []string{"ANI", "Asian News International"},
		Ambiguous: []string{"ANI"},
	},
	{Name: "UNI", Full: "United News of India",
		Aliases:   []string{"UNI", "United News of India"},
		Ambiguous: []string{"UNI"},
	},
	{Name: "APP", Full: "Associated Press of Pakistan",
		Aliases:   []string{"APP", "Associated Press of Pakistan"},
		Ambiguous: []string{"APP"},
	},
	{Name: "Xinhua", Full: "Xinhua News Agency",
		Aliases: []string{"Xinhua", "新华社", "新華社", "新华网", "Синьхуа", "شينخوا", "New China News Agency"},
		Exclude: []string{"Xinhua Road", "Xinhua District", "Xinhua Bookstore", "Xinhua Street"},
	},
	{Name: "Sputnik", Full: "Sputnik",
		Aliases:   []string{"Sputnik", "Спутник", "سبوتنيك"},
		Ambiguous: []string{"Спутник"},
		Exclude: []string{"Sputnik V", "Sputnik Light", "Sputnik vaccine", "Sputnik-V", "Sputnik 1", "Sputnik satellite",
			"Sputnik moment", "Sputnik launch", "Sputnik crisis", "Sputnik 2",
			"Спутник V", "Спутник Лайт"},
	},
	{Name: "TASS", Full: "TASS Russian News Agency",
		Aliases:   []string{"TASS", "ITAR-TASS", "ТАСС", "ИТАР-ТАСС", "塔斯社", "تاس"},
		Ambiguous: []string{"تاس"},
	},
	{Name: "RIA Novosti", Full: "RIA Novosti",
		Aliases: []string{"RIA Novosti", "RIA-Novosti", "РИА Новости", "РИА «Новости»"},
	},
	{Name: "Interfax", Full: "Interfax",
		Aliases: []string{"Interfax", "Интерфакс"},
	},
	{Name: "Anadolu", Full: "Anadolu Agency",
		Aliases:   []string{"Anadolu Agency", "Anadolu Ajansı", "Anadolu news agency", "Anadolu News Agency", "Анадолу", "AA"},
		Ambiguous: []string{"AA"},
	},
	{Name: "EFE", Full: "Agencia EFE",
		Aliases:   []string{"EFE", "Agencia EFE", "Agence EFE"},
		Ambiguous: []string{"EFE"},
	},
	{Name: "ANSA", Full: "Agenzia Nazionale Stampa Associata",
		Aliases:   []string{"ANSA", "Agenzia ANSA"},
		Ambiguous: []string{"ANSA"},
	},
	{Name: "dpa", Full: "Deutsche Presse-Agentur",
		Aliases:   []string{"dpa", "Deutsche Presse-Agentur", "Deutsche Presse Agentur", "DPA"},
		Ambiguous: []string{"DPA"},
	},
	{Name: "Kyodo", Full: "Kyodo News",
		Aliases: []string{"Kyodo", "Kyodo News", "共同通信", "共同社"},
	},
	{Name: "Jiji", Full: "Jiji Press",
		Aliases: []string{"Jiji Press", "時事通信"},
	},
	{Name: "Yonhap", Full: "Yonhap News Agency",
		Aliases: []string{"Yonhap", "연합뉴스", "韩联社", "韓聯社", "聯合ニュース", "Ёнхап"},
	},
	{Name: "KCNA", Full: "Korean Central News Agency",
		Aliases: []string{"KCNA", "Korean Central News Agency", "朝中社"},
	},
	{Name: "Bernama", Full: "Malaysian National News Agency",
		Aliases: []string{"Bernama", "BERNAMA"},
	},
	{Name: "Antara", Full: "Antara News Agency",
		Aliases:   []string{"Antara", "Antara News"},
		Ambiguous: []string{"Antara"},
	},
	{Name: "Tengrinews", Full: "Tengrinews",
		Aliases: []string{"Tengrinews", "Tengri News", "Tengrinews.kz"},
	},
	{Name: "Kazinform", Full: "Kazinform",
		Aliases: []string{"Kazinform", "Казинформ", "Qazinform"},
	},
	{Name: "AKIpress", Full: "AKIpress",
		Aliases: []string{"AKIpress", "AKI Press", "АКИpress"},
	},
	{Name: "KUNA", Full: "Kuwait News Agency",
		Aliases:   []string{"KUNA", "Kuwait News Agency"},
		Ambiguous: []string{"KUNA"},
	},
	{Name: "WAM", Full: "Emirates News Agency",
		Aliases:   []string{"WAM", "Emirates News Agency"},
		Ambiguous: []string{"WAM"},
	},
	{Name: "SPA", Full: "Saudi Press Agency",
		Aliases:   []string{"SPA", "Saudi Press Agency"},
		Ambiguous: []string{"SPA"},
	},
	{Name: "IRNA", Full: "Islamic Republic News Agency",
		Aliases: []string{"IRNA", "Islamic Republic News Agency"},
	},
	{Name: "Europa Press", Full: "Europa Press",
		Aliases: []string{"Europa Press"},
	},
	{Name: "Belga", Full: "Belga",
		Aliases:   []string{"Belga"},
		Ambiguous: []string{"Belga"},
	},
	{Name: "ANP", Full: "Algemeen Nederlands Persbureau",
		Aliases:   []string{"ANP", "Algemeen Nederlands Persbureau"},
		Ambiguous: []string{"ANP"},
	},
	{Name: "APA", Full: "Austria Presse Agentur",
		Aliases:   []string{"APA", "Austria Presse Agentur"},
		Ambiguous: []string{"APA"},
	},
	{Name: "Keystone-SDA", Full: "Keystone-SDA",
		Aliases:   []string{"Keystone-SDA", "Keystone-ATS", "SDA"},
		Ambiguous: []string{"SDA"},
	},
	{Name: "Lusa", Full: "Agência Lusa",
		Aliases:   []string{"Lusa", "Agência Lusa"},
		Ambiguous: []string{"Lusa"},
	},
	{Name: "PAP", Full: "Polish Press Agency",
		Aliases:   []string{"PAP", "Polish Press Agency", "Polska Agencja Prasowa"},
		Ambiguous: []string{"PAP"},
	},
	{Name: "Ukrinform", Full: "Ukrinform",
		Aliases: []string{"Ukrinform", "Укрінформ", "Укринформ"},
	},
	{Name: "UNIAN", Full: "UNIAN",
		Aliases: []string{"UNIAN", "УНІАН", "УНИАН"},
	},
	{Name: "BelTA", Full: "Belarusian Telegraph Agency",
		Aliases: []string{"BelTA", "БелТА"},
	},
	{Name: "Trend", Full: "Trend News Agency",
		Aliases: []string{"Trend News Agency"},
	},
	{Name: "Prensa Latina", Full: "Prensa Latina",
		Aliases: []string{"Prensa Latina"},
	},
	{Name: "Notimex", Full: "Notimex",
		Aliases: []string{"Notimex"},
	},
	{Name: "AAP", Full: "Australian Associated Press",
		Aliases:   []string{"AAP", "Australian Associated Press"},
		Ambiguous: []string{"AAP"},
	},
	{Name: "Canadian Press", Full: "The Canadian Press",
		Aliases: []string{"Canadian Press", "The Canadian Press"},
	},
	{Name: "PA Media", Full: "PA Media",
		Aliases:   []string{"PA Media", "Press Association", "PA"},
		Ambiguous: []string{"PA", "Press Association"},
	},
	{Name: "UPI", Full: "United Press International",
		Aliases:   []string{"UPI", "United Press International"},
		Ambiguous: []string{"UPI"},
	},
	{Name: "Bloomberg", Full: "Bloomberg News",
		Aliases:   []string{"Bloomberg", "Bloomberg News"},
		Ambiguous: []string{"Bloomberg"}, // also a former mayor of New York
		Exclude:   []string{"Michael Bloomberg", "Bloomberg Philanthropies", "Bloomberg School", "Bloomberg Terminal", "Mike Bloomberg"},
	},
	{Name: "MENA", Full: "Middle East News Agency",
		Aliases:   []string{"MENA", "Middle East News Agency"},
		Ambiguous: []string{"MENA"},
	},
	{Name: "Vietnam News Agency", Full: "Vietnam News Agency",
		Aliases:   []string{"Vietnam News Agency", "VNA"},
		Ambiguous: []string{"VNA"},
	},
	{Name: "CNA", Full: "Central News Agency (Taiwan)",
		Aliases:   []string{"Central News Agency", "中央社"},
		Ambiguous: []string{"中央社"},
	},
}

// URLHints are the sections of web addresses that say whose copy a page
// is: one path segment, or two joined by "/", lower-case, mapped to the
// agency's Name. They match whole segments before the page's own name
// ("https://abcnews.go.com/US/wireStory/man-charged-123" is AP's).
var URLHints = map[string]string{
	"aponline":      "AP", // the AP feed of The New York Times and others
	"wirestory":     "AP", // ABC News's AP feed
	"wires/ap":      "AP", // the Daily Mail's wire sections
	"wires/afp":     "AFP",
	"wires/reuters": "Reuters",
	"reuters":       "Reuters",
}
