package gen

// extraWords are words of each language beyond the shared concepts, in
// rough order of frequency. They make the long tail of the vocabulary; a
// translation maps them to the target language's extras by a fixed hash.
var extraWords = map[string]string{
	"en": `were there about could other into only over some what when them out can up so
been its these may all new no most because should between under while before since during
made make where such many those even back just still how through against without both
however well being then any another each including around own down very across same
several recent later early long high major former general key top chief senior
issue issues power control policy policies system services service area areas group
groups force action process program project decision decisions change changes level
levels office way part number case record figures figure rate rates cost costs fund
funds help plans move moves effort efforts response risk risks threat threats need
needs role deal deals source step steps sector sectors network networks line lines
point points side sides level family home house land life lives news north south east
west central northern southern eastern western coastal rural urban federal provincial
regional municipal presidential parliamentary constitutional military civilian
judicial electoral diplomatic financial industrial commercial agricultural
environmental medical scientific cultural social political religious ethnic
opposition ruling governing coalition majority minority cabinet administration
authorities agency agencies commission board panel institute ministry embassy
consulate delegation mission operation operations offensive counteroffensive
blockade siege convoy patrol checkpoint barracks base bases fleet vessel vessels
tanker tankers pipeline pipelines refinery mine mines factory factories plant
plants port ports railway highway bridge bridges road roads tunnel dam dams
harvest drought wildfire wildfires heatwave landslide cyclone typhoon hurricane
tornado avalanche eruption outbreak epidemic pandemic vaccine vaccines virus
infections cases deaths patients doctors nurses clinic clinics shortage shortages
supply supplies demand output revenue revenues profit profits loss losses debt
debts loan loans bonds shares stocks currency exchange reserves deficit surplus
tariff tariffs quota quotas subsidy subsidies pension pensions wages salary
salaries contract contracts tender license licence permit permits lawsuit
verdict sentence sentenced acquitted convicted appeal appeals hearing hearings
trial trials judge judges prosecutor prosecutors lawyer lawyers witness
witnesses evidence suspect suspects detained detention custody bail raid raids
search seized seizure smuggling trafficking corruption fraud bribery embezzlement
scandal resignation resigned appointed dismissed elected reelected sworn
inauguration ceremony anniversary memorial funeral tribute condolences
mourning celebration festival exhibition concert tournament championship league
cup stadium fans players striker goalkeeper midfielder defender referee penalty
victory defeat draw semifinal quarterfinal qualifier transfer injury
restores restoring restorative restorer
statement statements spokeswoman spokesperson adviser advisers envoy envoys ambassador
ambassadors diplomat diplomats negotiator negotiators mediator mediation talks
dialogue summit summits communique declaration resolution resolutions veto
referendum ballot ballots turnout polling constituency constituencies candidate
candidates nominee nomination primaries runoff recount landslide incumbent
challenger lawmaker lawmakers legislator legislators senator senators governor
governors mayor mayors councillor councillors chancellor premier monarch king
queen prince princess emperor sultan sheikh cleric clerics bishop pope
militia militias rebels rebel insurgents insurgency jihadists extremists gunmen
gunman bomber bombing bombings explosion explosions blast blasts shelling
airstrike airstrikes drone drones artillery rockets grenade ambush hostage
hostages kidnapping abduction refugees refugee migrants migrant asylum
deportation displacement evacuation evacuated shelter shelters camp camps
famine malnutrition cholera measles malaria tuberculosis polio dengue
vaccination quarantine lockdown restrictions reopening recovery stimulus
bailout austerity privatisation nationalisation merger acquisition takeover
shareholders investors investor startup startups entrepreneur bankruptcy
insolvency layoffs redundancies hiring recruitment productivity competitiveness
manufacturing construction mining logistics shipping freight aviation airline
airlines carrier carriers passenger passengers commuters traffic congestion
pollution smog emissions renewable renewables solar wind hydropower coal lignite
uranium lithium copper gold silver iron steel aluminium cement timber cotton
wheat rice maize corn soybeans sugar coffee cocoa tea fertiliser fertilisers
livestock cattle poultry fisheries irrigation reservoir glacier glaciers
deforestation biodiversity wildlife conservation habitat species extinction
coastline erosion rainfall monsoon snowfall temperatures forecast meteorologists
scientists researchers university universities professor professors study
studies survey surveys census statistics analysts economists analyst economist
forecasts estimates projections outlook slowdown recession downturn rebound
surge slump plunge rally volatility benchmark index indices yields bonds
treasury liquidity lending borrowing mortgage mortgages rents housing tenants
landlords homelessness poverty inequality welfare benefits healthcare insurance
hospitals pharmacies medicines prescription surgeon surgeons therapy cancer
diabetes obesity smoking alcohol narcotics cocaine heroin cannabis cartel cartels
gang gangs murder murders homicide manslaughter robbery burglary theft looting
looters arson vandalism riot riots rioters stampede crackdown teargas batons
curfews blackout outage outages cyberattack hackers hacking ransomware malware
espionage surveillance censorship disinformation propaganda broadcaster
broadcasters newspaper newspapers editor editors columnist publisher platform
platforms smartphone smartphones semiconductor semiconductors chip chips
satellite satellites spacecraft launch rocket astronauts telescope laboratory
vaccine trial trials regulator regulators watchdog ombudsman auditor audit
inquiry tribunal arbitration settlement compensation damages fine fines penalty
sanction embargo boycott blockade tariffs levy levies duty excise customs
smugglers contraband counterfeit piracy pirates coastguard navy warship
warships submarine submarines aircraft fighter jets helicopter helicopters
paratroopers commandos reservists conscripts conscription mobilisation veterans
pensioners retirees youth teenagers pupils teachers classroom curriculum exams
scholarship graduates tuition campus dormitory athletes athlete olympic
olympics medal medals marathon cyclist cycling tennis cricket rugby basketball
volleyball boxing wrestling swimming skiing racing grand prix formula driver
drivers podium title titles trophy squad captain manager managers club clubs
derby relegation promotion fixture fixtures goals goal scorer hat-trick`,
	"fr": `mais plus fait selon deux entre depuis avant contre sans sous après lors ainsi
encore aussi très tout tous toutes autres même déjà alors pendant ville pays
gouvernementale présidence autorités habitants quartier région nord sud est ouest
bilan victimes secours pompiers gendarmes manifestation grève syndicats retraites
salaires chômage croissance inflation budget impôts dette élections scrutin
candidat candidate sondage majorité opposition coalition ministre député sénat
assemblée tribunal procès juge avocat enquête parquet garde à vue prison
condamné relaxé appel incendie inondations tempête séisme sécheresse canicule
récolte agriculteurs éleveurs pêcheurs entreprises usine emplois chantier
reconstruction restauration rétablissement hôpitaux médecins vaccin épidémie`,
	"es": `pero más según entre desde antes contra sin bajo después durante así también
muy todo todos todas otros mismo ya entonces ciudad país autoridades vecinos
barrio región norte sur este oeste balance víctimas bomberos guardia civil
manifestación huelga sindicatos pensiones salarios paro crecimiento inflación
presupuesto impuestos deuda elecciones comicios candidato encuesta mayoría
coalición diputado senado congreso tribunal juicio juez abogado investigación
fiscalía detenido cárcel condenado absuelto recurso incendio inundaciones
temporal terremoto sequía ola de calor cosecha agricultores ganaderos
pescadores empresas fábrica empleo obras reconstrucción restauración
restablecimiento hospitales médicos vacuna epidemia`,
	"de": `aber mehr laut zwischen seit vor gegen ohne unter nach während auch sehr alle
andere schon dann Stadt Land Behörden Anwohner Viertel Region Norden Süden
Osten Westen Bilanz Opfer Feuerwehr Bundespolizei Kundgebung Streik
Gewerkschaften Renten Löhne Arbeitslosigkeit Wachstum Teuerung Haushalt
Steuern Schulden Wahlen Kandidat Umfrage Mehrheit Koalition Abgeordnete
Bundestag Bundesrat Landgericht Prozess Richter Anwalt Ermittler
Staatsanwaltschaft Festnahme Haft verurteilt freigesprochen Berufung Brand
Überschwemmungen Unwetter Beben Dürre Hitzewelle Ernte Landwirte Fischer
Betriebe Fabrik Arbeitsplätze Baustelle Wiederaufbau Sanierung Kliniken
Ärzte Impfstoff Epidemie`,
	"ru": `но более по словам между после до против без под во время также очень все
другие уже тогда город страна власти жители район область север юг восток
запад итоги пострадавшие спасатели пожарные полицейские митинг забастовка
пенсии зарплаты безработица рост инфляция бюджет налоги долг выборы кандидат
опрос большинство коалиция депутат Госдума Совет Федерации суд процесс судья
адвокат следствие прокуратура задержание арест приговор оправдан апелляция
пожар наводнение буря землетрясение засуха жара урожай фермеры рыбаки
предприятия завод рабочие места стройка восстановление реставрация больницы
врачи вакцина эпидемия`,
	"zh": `但是 更多 据 之间 以来 之前 反对 没有 之后 期间 也 非常 所有 其他 已经 城市 国家
当局 居民 地区 北部 南部 东部 西部 遇难者 消防员 示威 罢工 工会 养老金 工资 增长
预算 税收 债务 选举 候选人 民调 多数 联合政府 议员 法院 审判 法官 律师 调查 检方
拘留 监狱 判决 上诉 火灾 洪水 暴雨 地震 干旱 热浪 收成 农民 渔民 企业 工厂 就业
重建 修复 医院 医生 疫苗 疫情`,
}

// firstNames and surname syllables make the people of the generated news.
var firstNames = []string{
	"Ahmed", "Ali", "Amina", "Ana", "Andrei", "Anna", "Arjun", "Beatriz", "Bilal",
	"Carlos", "Chen", "Daniel", "David", "Dmitry", "Elena", "Emmanuel", "Fatima",
	"Francisco", "Hassan", "Hiroshi", "Ibrahim", "Irina", "Jean", "John", "Jorge",
	"Juan", "Kassym", "Kenji", "Khalid", "Klaus", "Lena", "Li", "Lucia", "Luis",
	"Maria", "Marie", "Mark", "Martin", "Mehmet", "Michael", "Mohammed", "Nadia",
	"Narendra", "Nikolai", "Olga", "Omar", "Paolo", "Pedro", "Pierre", "Priya",
	"Rahul", "Raúl", "Sergei", "Sofia", "Sophie", "Stefan", "Sunil", "Thomas",
	"Wang", "Yuki", "Yusuf", "Zhang", "Berik", "Vladimir", "Olaf", "Giorgia",
	"Emine", "Amadou", "Aisha", "Kwame", "Ngozi", "Tariq", "Leila", "Javier",
}

var surnameStarts = []string{
	"Tok", "Naz", "Kar", "Bel", "Mor", "Ivan", "Petr", "Sok", "Ras", "Gar",
	"Fern", "Mart", "Sch", "Wein", "Hoff", "Kov", "Nov", "Dub", "Ahm", "Hus",
	"Sharm", "Kum", "Sing", "Tan", "Wat", "Yam", "Mac", "O'Br", "Dum", "Lef",
	"Rou", "Cas", "Vil", "Esp", "Lop", "Ben", "Abd", "Okon", "Mens", "Kuz",
	"Ual", "Zhan", "Ter", "Bar", "Sal", "Kem", "Ors", "Pal", "Ril", "Dav",
	"Ad", "Bak", "Chal", "Dem", "Erd", "Fal", "Gol", "Hal", "Isk", "Jam",
	"Kal", "Lis", "Mah", "Nur", "Ost", "Pop", "Qas", "Rom", "Sut", "Tal",
	"Um", "Val", "Wol", "Yus", "Zam", "Ag", "Bog", "Ciel", "Dob", "Ev",
	"Fed", "Grig", "Hak", "Ibr", "Jov", "Kip", "Lom", "Mus", "Nik", "Okt",
}

var surnameEnds = []string{
	"ayev", "arbayev", "ov", "ova", "enko", "ski", "ez", "ero", "inez", "ani",
	"elli", "mann", "berg", "er", "ić", "ović", "ed", "ain", "a", "ar",
	"h", "e", "ura", "oto", "ley", "ard", "eau", "ier", "ado", "uk",
	"ikh", "etsov", "ullah", "wu", "ami", "ine", "ose", "ulu", "oğlu", "ov",
}

// places are real cities with their countries, the settings of events.
var places = [][2]string{
	{"Almaty", "Kazakhstan"}, {"Astana", "Kazakhstan"}, {"Paris", "France"},
	{"Lyon", "France"}, {"Marseille", "France"}, {"Madrid", "Spain"},
	{"Barcelona", "Spain"}, {"Seville", "Spain"}, {"Berlin", "Germany"},
	{"Munich", "Germany"}, {"Hamburg", "Germany"}, {"Moscow", "Russia"},
	{"Novosibirsk", "Russia"}, {"Kazan", "Russia"}, {"Beijing", "China"},
	{"Shanghai", "China"}, {"Wuhan", "China"}, {"Tokyo", "Japan"},
	{"Osaka", "Japan"}, {"New Delhi", "India"}, {"Mumbai", "India"},
	{"Kolkata", "India"}, {"Chennai", "India"}, {"Islamabad", "Pakistan"},
	{"Karachi", "Pakistan"}, {"Lahore", "Pakistan"}, {"Dhaka", "Bangladesh"},
	{"Kabul", "Afghanistan"}, {"Tehran", "Iran"}, {"Baghdad", "Iraq"},
	{"Damascus", "Syria"}, {"Beirut", "Lebanon"}, {"Cairo", "Egypt"},
	{"Tunis", "Tunisia"}, {"Algiers", "Algeria"}, {"Rabat", "Morocco"},
	{"Lagos", "Nigeria"}, {"Abuja", "Nigeria"}, {"Nairobi", "Kenya"},
	{"Addis Ababa", "Ethiopia"}, {"Kinshasa", "Congo"}, {"Dakar", "Senegal"},
	{"Bamako", "Mali"}, {"Johannesburg", "South Africa"}, {"Accra", "Ghana"},
	{"Ankara", "Turkey"}, {"Istanbul", "Turkey"}, {"Kyiv", "Ukraine"},
	{"Kharkiv", "Ukraine"}, {"Minsk", "Belarus"}, {"Warsaw", "Poland"},
	{"Prague", "Czech Republic"}, {"Vienna", "Austria"}, {"Rome", "Italy"},
	{"Milan", "Italy"}, {"Athens", "Greece"}, {"Lisbon", "Portugal"},
	{"London", "Britain"}, {"Manchester", "Britain"}, {"Dublin", "Ireland"},
	{"Brussels", "Belgium"}, {"Geneva", "Switzerland"}, {"Stockholm", "Sweden"},
	{"Washington", "United States"}, {"New York", "United States"},
	{"Chicago", "United States"}, {"Los Angeles", "United States"},
	{"Ottawa", "Canada"}, {"Mexico City", "Mexico"}, {"Bogota", "Colombia"},
	{"Lima", "Peru"}, {"Caracas", "Venezuela"}, {"Buenos Aires", "Argentina"},
	{"Santiago", "Chile"}, {"Sao Paulo", "Brazil"}, {"Brasilia", "Brazil"},
	{"Havana", "Cuba"}, {"Sydney", "Australia"}, {"Jakarta", "Indonesia"},
	{"Manila", "Philippines"}, {"Bangkok", "Thailand"}, {"Hanoi", "Vietnam"},
	{"Seoul", "South Korea"}, {"Tashkent", "Uzbekistan"}, {"Bishkek", "Kyrgyzstan"},
	{"Tbilisi", "Georgia"}, {"Yerevan", "Armenia"}, {"Baku", "Azerbaijan"},
	{"Colombo", "Sri Lanka"}, {"Kathmandu", "Nepal"}, {"Riyadh", "Saudi Arabia"},
	{"Doha", "Qatar"}, {"Dubai", "United Arab Emirates"}, {"Khartoum", "Sudan"},
	{"Mogadishu", "Somalia"}, {"Kampala", "Uganda"}, {"Harare", "Zimbabwe"},
	{"Lusaka", "Zambia"}, {"Luanda", "Angola"}, {"Maputo", "Mozambique"},
	{"Abidjan", "Ivory Coast"}, {"Niamey", "Niger"}, {"Ouagadougou", "Burkina Faso"},
	{"Tripoli", "Libya"}, {"Amman", "Jordan"}, {"Jerusalem", "Israel"},
	{"Sanaa", "Yemen"}, {"Muscat", "Oman"}, {"Kuwait City", "Kuwait"},
	{"Dushanbe", "Tajikistan"}, {"Ashgabat", "Turkmenistan"}, {"Ulaanbaatar", "Mongolia"},
	{"Yangon", "Myanmar"}, {"Phnom Penh", "Cambodia"}, {"Vientiane", "Laos"},
	{"Kuala Lumpur", "Malaysia"}, {"Singapore", "Singapore"}, {"Taipei", "Taiwan"},
	{"Hong Kong", "China"}, {"Pyongyang", "North Korea"}, {"Wellington", "New Zealand"},
	{"Port Moresby", "Papua New Guinea"}, {"Quito", "Ecuador"}, {"La Paz", "Bolivia"},
	{"Asuncion", "Paraguay"}, {"Montevideo", "Uruguay"}, {"Panama City", "Panama"},
	{"San Jose", "Costa Rica"}, {"Managua", "Nicaragua"}, {"Tegucigalpa", "Honduras"},
	{"Port-au-Prince", "Haiti"}, {"Kingston", "Jamaica"}, {"Reykjavik", "Iceland"},
	{"Oslo", "Norway"}, {"Helsinki", "Finland"}, {"Copenhagen", "Denmark"},
	{"Tallinn", "Estonia"}, {"Riga", "Latvia"}, {"Vilnius", "Lithuania"},
	{"Chisinau", "Moldova"}, {"Bucharest", "Romania"}, {"Sofia", "Bulgaria"},
	{"Belgrade", "Serbia"}, {"Zagreb", "Croatia"}, {"Sarajevo", "Bosnia"},
	{"Budapest", "Hungary"}, {"Bratislava", "Slovakia"}, {"Ljubljana", "Slovenia"},
}

// organisations are bodies that events involve.
var organisations = []string{
	"Collective Security Treaty Organization (CSTO)", "United Nations", "World Bank",
	"International Monetary Fund", "European Union", "African Union", "NATO",
	"World Health Organization", "OPEC", "Red Cross", "Amnesty International",
	"Human Rights Watch", "International Energy Agency", "Interpol", "ASEAN",
	"Shanghai Cooperation Organisation", "Organization of American States",
	"International Olympic Committee", "FIFA", "UNICEF",
}

// spellingPairs are British and American spellings that copies normalise.
var spellingPairs = [][2]string{
	{"organised", "organized"}, {"stabilising", "stabilizing"}, {"defence", "defense"},
	{"centre", "center"}, {"programme", "program"}, {"labour", "labor"},
	{"criticised", "criticized"}, {"recognised", "recognized"}, {"neighbouring", "neighboring"},
}
