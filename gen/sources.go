package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Agency is a wire agency of the generated world.
type Agency struct {
	Name  string   // canonical short name, as wiretrace.Credit.Agency uses it
	Full  string   // full name, e.g. "Agence France-Presse"
	Langs []string // languages it files in, the first the most often
	Home  string   // city of its head office
}

// Agencies are the wire agencies that write the dispatches.
var Agencies = []Agency{
	{"AFP", "Agence France-Presse", []string{"en", "fr", "es", "de"}, "Paris"},
	{"AP", "Associated Press", []string{"en", "es"}, "New York"},
	{"Reuters", "Reuters", []string{"en", "de", "fr", "es"}, "London"},
	{"IANS", "Indo-Asian News Service", []string{"en"}, "New Delhi"},
	{"PTI", "Press Trust of India", []string{"en"}, "New Delhi"},
	{"Xinhua", "Xinhua News Agency", []string{"en", "zh", "fr", "es", "ru"}, "Beijing"},
	{"Sputnik", "Sputnik", []string{"en", "ru", "fr", "es", "de"}, "Moscow"},
	{"TASS", "TASS", []string{"ru", "en"}, "Moscow"},
	{"dpa", "Deutsche Presse-Agentur", []string{"de", "en", "es"}, "Hamburg"},
	{"EFE", "Agencia EFE", []string{"es", "en"}, "Madrid"},
	{"ANSA", "Agenzia Nazionale Stampa Associata", []string{"en"}, "Rome"},
	{"Kyodo", "Kyodo News", []string{"en", "zh"}, "Tokyo"},
}

// agencyLabel is how an agency signs in language code (TASS is ТАСС in
// Russian, Xinhua is 新华社 in Chinese).
func agencyLabel(ag int, code string) string {
	name := Agencies[ag].Name
	switch {
	case code == "ru" && name == "TASS":
		return "ТАСС"
	case code == "zh" && name == "Xinhua":
		return "新华社"
	case code == "zh" && name == "Kyodo":
		return "共同社"
	}
	return name
}

// Outlet is a publication of the generated world that republishes
// dispatches and writes its own stories.
type Outlet struct {
	Name     string
	Slug     string // folder name
	Lang     string
	Domain   string
	HTML     bool     // publishes as saved web pages rather than text files
	Footer   []string // boilerplate paragraphs under every article
	Related  bool     // adds a "Related News" box
	Attrib   string   // how it credits an agency it did not keep the dateline of; %s is the agency
	Byline   bool
	Verbatim float64 // share of dispatches it runs unedited
}

var outletNouns = map[string][]string{
	"en": {"Herald", "Tribune", "Times", "Post", "Chronicle", "Observer", "Gazette", "Courier", "Express",
		"Standard", "Sentinel", "Mirror", "Star", "Independent", "Monitor", "Review", "Journal", "Dispatch",
		"Bulletin", "News", "Telegraph", "Record", "Leader", "Examiner", "Register"},
	"fr": {"Le Courrier", "Le Progrès", "Le Républicain", "Le Journal", "L'Écho", "Le Midi", "Le Matin",
		"La Dépêche", "La Voix", "La Tribune", "La Gazette", "Le Réveil", "L'Éclair", "Le Phare"},
	"es": {"El Diario", "El Correo", "El Heraldo", "El Periódico", "El Mundo", "El Norte", "La Voz",
		"La Gaceta", "La Crónica", "La Razón", "El Faro", "La Opinión", "El Eco"},
	"de": {"Rundschau", "Zeitung", "Anzeiger", "Kurier", "Morgenpost", "Tagblatt", "Nachrichten",
		"Allgemeine", "Volksblatt", "Abendblatt", "Echo", "Bote"},
	"ru": {"вестник", "новости", "курьер", "правда", "известия", "газета", "обозреватель", "телеграф"},
	"zh": {"日报", "晚报", "新闻网", "时报", "商报", "晨报"},
}

var outletPlaces = map[string][]string{
	"en": {"Lagos", "Nairobi", "Delhi", "Mumbai", "Karachi", "Dhaka", "Manila", "Sydney", "Chicago",
		"Boston", "Denver", "Dublin", "Leeds", "Cardiff", "Toronto", "Vancouver", "Accra", "Kampala",
		"Colombo", "Kathmandu", "Singapore", "Auckland", "Houston", "Atlanta", "Phoenix", "Seattle",
		"Glasgow", "Belfast", "Cape Town", "Durban", "Harare", "Lusaka", "Punjab", "Kerala", "Deccan",
		"Gulf", "Pacific", "Atlantic", "Eurasia", "Central Asia", "Caspian", "Hindustan", "Pakistan Point"},
	"fr": {"Lyon", "Nice", "Lille", "Nantes", "Rennes", "Bordeaux", "Toulouse", "Dakar", "Abidjan",
		"Québec", "Montréal", "Genève", "Liège", "Besançon", "Grenoble", "l'Ouest", "l'Est", "Provence", "Bretagne"},
	"es": {"Sevilla", "Valencia", "Málaga", "Bilbao", "Zaragoza", "Lima", "Bogotá", "Quito", "Caracas",
		"Rosario", "Córdoba", "Asturias", "Galicia", "Navarra", "Cádiz", "Monterrey", "Guadalajara"},
	"de": {"Berliner", "Münchner", "Hamburger", "Kölner", "Frankfurter", "Stuttgarter", "Dresdner",
		"Leipziger", "Bremer", "Nürnberger", "Wiener", "Grazer", "Zürcher", "Badische", "Westfälische", "Sächsische"},
	"ru": {"Московский", "Сибирский", "Уральский", "Волжский", "Невский", "Донской", "Северный",
		"Кубанский", "Камский", "Байкальский", "Вечерний", "Народный"},
	"zh": {"北京", "上海", "广州", "深圳", "成都", "南方", "华夏", "东方", "环球", "新民"},
}

// realOutlets are named outlets that also appear in the seed articles.
var realOutlets = []struct{ name, lang string }{
	{"Business Standard", "en"}, {"Pakistan Point News", "en"}, {"Daily Sabah", "en"},
	{"The Times of Israel", "en"}, {"Deccan Herald", "en"}, {"The Straits Times", "en"},
	{"France 24", "fr"}, {"La Nación", "es"}, {"Der Standard", "de"}, {"Lenta", "ru"},
}

// footerBank holds outlet boilerplate per language; %s is the outlet name.
var footerBank = map[string][]string{
	"en": {
		"Subscribe to %s for unlimited access to our journalism. Support independent reporting from just $1 a week.",
		"Follow %s on Facebook, Twitter and Instagram for the latest news and updates.",
		"(Only the headline and picture of this report may have been reworked by the %s staff; the rest of the content is auto-generated from a syndicated feed.)",
		"Dear Reader, %s has always strived hard to provide up-to-date information and commentary on developments that are of interest to you. Your encouragement and constant feedback on how to improve our offering have only made our resolve and commitment to these ideals stronger. Support quality journalism and subscribe.",
		"Copyright © %s. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
		"Sign up for the %s morning newsletter and get the day's top stories in your inbox.",
		"Got a news tip? Contact the %s newsroom by email or on WhatsApp.",
		"Disclaimer: %s is not responsible for the content of external sites.",
	},
	"fr": {
		"Abonnez-vous à %s pour ne rien manquer de l'actualité : offre découverte à 1 euro le premier mois.",
		"Suivez %s sur Facebook, Twitter et Instagram.",
		"© %s – Tous droits de reproduction et de diffusion réservés.",
		"Recevez chaque matin la newsletter de %s et l'essentiel de l'actualité.",
		"Cet article vous a plu ? Soutenez %s, un journal indépendant.",
	},
	"es": {
		"Suscríbete a %s y accede sin límites a toda la información por solo 1 euro el primer mes.",
		"Sigue a %s en Facebook, Twitter e Instagram.",
		"© %s. Todos los derechos reservados. Queda prohibida su reproducción.",
		"Recibe cada mañana el boletín de %s con las noticias más importantes.",
		"El periodismo de calidad tiene un coste: apoya a %s.",
	},
	"de": {
		"Jetzt %s abonnieren: Die ersten vier Wochen für nur 99 Cent lesen.",
		"Folgen Sie %s auf Facebook, Twitter und Instagram.",
		"© %s. Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung.",
		"Der Newsletter von %s: jeden Morgen die wichtigsten Nachrichten in Ihrem Postfach.",
		"Unterstützen Sie unabhängigen Journalismus bei %s.",
	},
	"ru": {
		"Подписывайтесь на %s в Telegram и ВКонтакте, чтобы первыми узнавать главные новости.",
		"© %s. Все права защищены. Использование материалов допускается только со ссылкой на источник.",
		"Читайте также новости %s в нашем приложении.",
		"Если вы заметили ошибку, выделите её и нажмите Ctrl+Enter. Редакция %s.",
	},
	"zh": {
		"关注%s微信公众号，获取更多新闻资讯。",
		"版权所有 © %s 未经授权禁止转载。",
		"下载%s客户端，随时随地看新闻。",
	},
}

var relatedLabel = map[string]string{
	"en": "Related News", "fr": "À lire aussi", "es": "Noticias relacionadas",
	"de": "Mehr zum Thema", "ru": "Читайте также", "zh": "相关新闻",
}

var attribForms = map[string][]string{
	"en": {"(With inputs from %s)", "Source: %s", "-- %s", "(This story has not been edited by our staff and is published from a syndicated %s feed.)", "With %s"},
	"fr": {"Avec %s", "(Avec %s)", "Source : %s"},
	"es": {"Con información de %s", "(%s)", "Fuente: %s"},
	"de": {"Mit Material von %s", "(%s)", "Quelle: %s"},
	"ru": {"По материалам %s", "Источник: %s"},
	"zh": {"来源：%s", "（%s）"},
}

// outletLangShare is how outlets are spread over languages, in per mille.
var outletLangShare = []struct {
	lang  string
	share int
}{{"en", 540}, {"fr", 130}, {"es", 120}, {"de", 100}, {"ru", 80}, {"zh", 30}}

// buildOutlets makes the n outlets of the generated world. They do not
// depend on the corpus seed, so archives of different sizes share them.
func buildOutlets(n int) []Outlet {
	r := rand.New(rand.NewPCG(0x07, 0x5eed))
	used := map[string]bool{}
	var out []Outlet
	add := func(name, lang string) {
		if used[name] {
			return
		}
		used[name] = true
		o := Outlet{Name: name, Lang: lang}
		o.Slug = slugify(name)
		if o.Slug == "" || used["slug:"+o.Slug] {
			o.Slug = fmt.Sprintf("outlet-%03d", len(out))
		}
		used["slug:"+o.Slug] = true
		o.Domain = domainFor(o.Slug, lang, len(out))
		o.HTML = r.IntN(100) < 30
		bank := footerBank[lang]
		k := 1 + r.IntN(3)
		for _, i := range r.Perm(len(bank))[:min(k, len(bank))] {
			o.Footer = append(o.Footer, fmt.Sprintf(bank[i], name))
		}
		o.Related = r.IntN(100) < 45
		forms := attribForms[lang]
		o.Attrib = forms[r.IntN(len(forms))]
		o.Byline = r.IntN(100) < 30
		o.Verbatim = []float64{0.1, 0.3, 0.6}[r.IntN(3)]
		out = append(out, o)
	}
	for _, ro := range realOutlets {
		add(ro.name, ro.lang)
	}
	for len(out) < n {
		x := r.IntN(1000)
		lang := "en"
		for _, s := range outletLangShare {
			if x < s.share {
				lang = s.lang
				break
			}
			x -= s.share
		}
		nouns, ps := outletNouns[lang], outletPlaces[lang]
		noun, place := nouns[r.IntN(len(nouns))], ps[r.IntN(len(ps))]
		var name string
		switch lang {
		case "en":
			switch r.IntN(4) {
			case 0:
				name = "The " + place + " " + noun
			case 1:
				name = place + " " + noun
			case 2:
				name = "Daily " + noun + " of " + place
			default:
				name = "The " + noun + " (" + place + ")"
			}
		case "fr", "es":
			de := " de "
			if strings.HasPrefix(place, "l'") {
				de = " de "
			}
			name = noun + de + place
		case "de":
			name = place + " " + noun
		case "ru":
			name = place + " " + noun
		case "zh":
			name = place + noun
		}
		add(name, lang)
	}
	return out
}

func domainFor(slug, lang string, i int) string {
	tld := map[string]string{"en": "com", "fr": "fr", "es": "es", "de": "de", "ru": "ru", "zh": "cn"}[lang]
	if lang == "zh" || lang == "ru" {
		return fmt.Sprintf("news%03d.%s", i, tld)
	}
	return strings.ReplaceAll(slug, "-", "") + "." + tld
}

// slugify makes a lower-case ASCII name for files, folders and URLs.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		default:
			if a, ok := asciiFold[r]; ok {
				b.WriteString(a)
				dash = false
			} else if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

var asciiFold = map[rune]string{
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'à': "a", 'â': "a", 'á': "a", 'ä': "ae", 'ï': "i", 'í': "i",
	'î': "i", 'ô': "o", 'ó': "o", 'ö': "oe", 'ü': "ue", 'ú': "u", 'ù': "u", 'û': "u", 'ç': "c", 'ñ': "n", 'ß': "ss",
}
