package gen

// conceptTable is the shared dictionary of the generator: one concept per
// line, in rough order of English news frequency, as
// "en|fr|es|de|ru|zh". Index i of every language's vocabulary is concept i,
// which makes translation a word-for-word lookup. An empty cell means the
// language has no word for it (articles in Russian and Chinese).
const conceptTable = `the|le|el|der||
of|de|de|von||的
to|à|a|zu||到
and|et|y|und|и|和
a|un|un|ein||一
in|dans|en|in|в|在
said|a déclaré|dijo|sagte|заявил|说
that|que|que|dass|что|
for|pour|para|für|для|为
on|sur|sobre|auf|на|在
is|est|es|ist|является|是
was|était|fue|war|был|是
with|avec|con|mit|с|与
he|il|él|er|он|他
by|par|por|durch|по|由
it|il|lo|es|это|它
at|à|en|bei|у|在
from|de|desde|aus|из|从
as|comme|como|als|как|作为
his|son|su|sein|его|他的
have|avoir|tener|haben|иметь|有
has|a|ha|hat|имеет|已
are|sont|son|sind|являются|是
were|étaient|eran|waren|были|曾
an|une|una|eine||一个
be|être|ser|sein|быть|是
not|pas|no|nicht|не|不
this|ce|este|dieser|этот|这
they|ils|ellos|sie|они|他们
government|gouvernement|gobierno|Regierung|правительство|政府
minister|ministre|ministro|Minister|министр|部长
president|président|presidente|Präsident|президент|总统
who|qui|quien|wer|кто|谁
which|qui|cual|welche|который|哪
after|après|después|nach|после|之后
would|serait|sería|würde|бы|将
will|va|va|wird|будет|将
police|police|policía|Polizei|полиция|警方
people|personnes|personas|Menschen|люди|人们
year|année|año|Jahr|год|年
their|leur|su|ihr|их|他们的
been|été|sido|gewesen|был|被
also|aussi|también|auch|также|也
told|a dit|dijo|erklärte|сообщил|告诉
but|mais|pero|aber|но|但
two|deux|dos|zwei|два|两
new|nouveau|nuevo|neu|новый|新
had|avait|había|hatte|имел|曾
prime|premier|primer|Premier|премьер|总
country|pays|país|Land|страна|国家
state|État|Estado|Staat|государство|国家
officials|responsables|funcionarios|Beamte|чиновники|官员
security|sécurité|seguridad|Sicherheit|безопасность|安全
army|armée|ejército|Armee|армия|军队
military|militaire|militar|Militär|военные|军事
forces|forces|fuerzas|Streitkräfte|силы|部队
more|plus|más|mehr|больше|更多
than|que|que|als|чем|比
last|dernier|pasado|letzten|прошлый|上
week|semaine|semana|Woche|неделя|周
first|premier|primero|erste|первый|第一
city|ville|ciudad|Stadt|город|城市
capital|capitale|capital|Hauptstadt|столица|首都
party|parti|partido|Partei|партия|党
national|national|nacional|national|национальный|国家
election|élection|elección|Wahl|выборы|选举
public|public|público|öffentlich|общественный|公共
official|officiel|oficial|offiziell|официальный|官方
meeting|réunion|reunión|Treffen|встреча|会议
statement|communiqué|comunicado|Erklärung|заявление|声明
spokesman|porte-parole|portavoz|Sprecher|представитель|发言人
killed|tués|muertos|getötet|погибли|死亡
injured|blessés|heridos|verletzt|ранены|受伤
arrested|arrêtés|detenidos|festgenommen|задержаны|逮捕
protests|manifestations|protestas|Proteste|протесты|抗议
violence|violences|violencia|Gewalt|насилие|暴力
order|ordre|orden|Ordnung|порядок|秩序
restore|rétablir|restablecer|wiederherstellen|восстановить|恢复
restored|rétabli|restablecido|wiederhergestellt|восстановлен|恢复了
restoration|restauration|restauración|Wiederherstellung|восстановление|修复
restoring|rétablissant|restableciendo|wiederherstellend|восстанавливая|正在恢复
rebuild|reconstruire|reconstruir|wiederaufbauen|восстановить|重建
troops|troupes|tropas|Truppen|войска|军队
withdrawal|retrait|retirada|Abzug|вывод|撤军
talks|pourparlers|conversaciones|Gespräche|переговоры|会谈
agreement|accord|acuerdo|Abkommen|соглашение|协议
economy|économie|economía|Wirtschaft|экономика|经济
economic|économique|económico|wirtschaftlich|экономический|经济的
prices|prix|precios|Preise|цены|价格
energy|énergie|energía|Energie|энергия|能源
oil|pétrole|petróleo|Öl|нефть|石油
gas|gaz|gas|Gas|газ|天然气
market|marché|mercado|Markt|рынок|市场
bank|banque|banco|Bank|банк|银行
million|millions|millones|Millionen|миллионов|百万
billion|milliards|mil millones|Milliarden|миллиардов|十亿
percent|pour cent|por ciento|Prozent|процентов|百分之
court|tribunal|tribunal|Gericht|суд|法院
law|loi|ley|Gesetz|закон|法律
leader|dirigeant|líder|Führer|лидер|领导人
opposition|opposition|oposición|Opposition|оппозиция|反对派
foreign|étranger|exterior|Außen|иностранный|外国
international|international|internacional|international|международный|国际
region|région|región|Region|регион|地区
world|monde|mundo|Welt|мир|世界
health|santé|salud|Gesundheit|здоровье|卫生
hospital|hôpital|hospital|Krankenhaus|больница|医院
water|eau|agua|Wasser|вода|水
crisis|crise|crisis|Krise|кризис|危机
support|soutien|apoyo|Unterstützung|поддержка|支持
plan|plan|plan|Plan|план|计划
day|jour|día|Tag|день|天
time|temps|tiempo|Zeit|время|时间
month|mois|mes|Monat|месяц|月
months|mois|meses|Monate|месяцев|个月
years|ans|años|Jahre|лет|年
sources|sources|fuentes|Quellen|источники|消息人士
reporters|journalistes|periodistas|Reportern|журналистам|记者
local|local|local|lokal|местный|当地
media|médias|medios|Medien|СМИ|媒体
report|rapport|informe|Bericht|доклад|报告
workers|travailleurs|trabajadores|Arbeiter|рабочие|工人
company|entreprise|empresa|Unternehmen|компания|公司
companies|entreprises|empresas|Unternehmen|компании|公司
investment|investissement|inversión|Investition|инвестиции|投资
trade|commerce|comercio|Handel|торговля|贸易
border|frontière|frontera|Grenze|граница|边境
attack|attaque|ataque|Angriff|нападение|袭击
war|guerre|guerra|Krieg|война|战争
peace|paix|paz|Frieden|мир|和平
ceasefire|cessez-le-feu|alto el fuego|Waffenruhe|перемирие|停火
humanitarian|humanitaire|humanitaria|humanitär|гуманитарный|人道主义
aid|aide|ayuda|Hilfe|помощь|援助
children|enfants|niños|Kinder|дети|儿童
women|femmes|mujeres|Frauen|женщины|妇女
families|familles|familias|Familien|семьи|家庭
residents|habitants|residentes|Bewohner|жители|居民
streets|rues|calles|Straßen|улицы|街道
situation|situation|situación|Lage|ситуация|局势
members|membres|miembros|Mitglieder|члены|成员
council|conseil|consejo|Rat|совет|理事会
parliament|parlement|parlamento|Parlament|парламент|议会
vote|vote|votación|Abstimmung|голосование|投票
campaign|campagne|campaña|Kampagne|кампания|运动
budget|budget|presupuesto|Haushalt|бюджет|预算
tax|impôt|impuesto|Steuer|налог|税
reform|réforme|reforma|Reform|реформа|改革
ministry|ministère|ministerio|Ministerium|министерство|部
interior|intérieur|interior|Innen|внутренних дел|内政
defence|défense|defensa|Verteidigung|обороны|国防
committee|comité|comité|Ausschuss|комитет|委员会
investigation|enquête|investigación|Ermittlungen|расследование|调查
case|affaire|caso|Fall|дело|案件
charges|accusations|cargos|Anklage|обвинения|指控
prison|prison|prisión|Gefängnis|тюрьма|监狱
journalists|journalistes|periodistas|Journalisten|журналисты|记者
rights|droits|derechos|Rechte|права|权利
human|humains|humanos|Menschen|человека|人
united|unies|unidas|vereinten|объединённых|联合
nations|nations|naciones|Nationen|наций|国
union|union|unión|Union|союз|联盟
european|européenne|europea|europäische|европейский|欧洲
summit|sommet|cumbre|Gipfel|саммит|峰会
visit|visite|visita|Besuch|визит|访问
visited|a visité|visitó|besuchte|посетил|访问了
announced|a annoncé|anunció|kündigte an|объявил|宣布
confirmed|a confirmé|confirmó|bestätigte|подтвердил|确认
added|a ajouté|añadió|fügte hinzu|добавил|补充说
according|selon|según|laut|согласно|根据
warned|a averti|advirtió|warnte|предупредил|警告
called|a appelé|pidió|forderte|призвал|呼吁
expected|attendu|previsto|erwartet|ожидается|预计
began|a commencé|comenzó|begann|начался|开始
ended|a pris fin|terminó|endete|закончился|结束
more than|plus de|más de|mehr als|более|超过
at least|au moins|al menos|mindestens|по меньшей мере|至少
Monday|lundi|lunes|Montag|понедельник|星期一
Tuesday|mardi|martes|Dienstag|вторник|星期二
Wednesday|mercredi|miércoles|Mittwoch|среду|星期三
Thursday|jeudi|jueves|Donnerstag|четверг|星期四
Friday|vendredi|viernes|Freitag|пятницу|星期五
Saturday|samedi|sábado|Samstag|субботу|星期六
Sunday|dimanche|domingo|Sonntag|воскресенье|星期日
emergency|urgence|emergencia|Notfall|чрезвычайный|紧急
fire|incendie|incendio|Feuer|пожар|火灾
flood|inondation|inundación|Hochwasser|наводнение|洪水
earthquake|séisme|terremoto|Erdbeben|землетрясение|地震
storm|tempête|tormenta|Sturm|шторм|风暴
rescue|secours|rescate|Rettung|спасение|救援
damage|dégâts|daños|Schäden|ущерб|损失
building|bâtiment|edificio|Gebäude|здание|建筑
schools|écoles|escuelas|Schulen|школы|学校
students|étudiants|estudiantes|Studenten|студенты|学生
football|football|fútbol|Fußball|футбол|足球
match|match|partido|Spiel|матч|比赛
team|équipe|equipo|Mannschaft|команда|队
coach|entraîneur|entrenador|Trainer|тренер|教练
season|saison|temporada|Saison|сезон|赛季
won|a gagné|ganó|gewann|выиграл|赢得
lost|a perdu|perdió|verlor|проиграл|输掉
final|finale|final|Finale|финал|决赛
climate|climat|clima|Klima|климат|气候
emissions|émissions|emisiones|Emissionen|выбросы|排放
technology|technologie|tecnología|Technologie|технологии|技术
internet|internet|internet|Internet|интернет|互联网
data|données|datos|Daten|данные|数据
growth|croissance|crecimiento|Wachstum|рост|增长
inflation|inflation|inflación|Inflation|инфляция|通胀
unemployment|chômage|desempleo|Arbeitslosigkeit|безработица|失业
farmers|agriculteurs|agricultores|Bauern|фермеры|农民
food|nourriture|alimentos|Lebensmittel|продовольствие|粮食
strike|grève|huelga|Streik|забастовка|罢工
unions|syndicats|sindicatos|Gewerkschaften|профсоюзы|工会
demonstrators|manifestants|manifestantes|Demonstranten|демонстранты|示威者
clashes|affrontements|enfrentamientos|Zusammenstöße|столкновения|冲突
unrest|troubles|disturbios|Unruhen|беспорядки|动乱
curfew|couvre-feu|toque de queda|Ausgangssperre|комендантский час|宵禁
terrorists|terroristes|terroristas|Terroristen|террористы|恐怖分子
soldiers|soldats|soldados|Soldaten|солдаты|士兵
weapons|armes|armas|Waffen|оружие|武器
missile|missile|misil|Rakete|ракета|导弹
nuclear|nucléaire|nuclear|Atom|ядерный|核
sanctions|sanctions|sanciones|Sanktionen|санкции|制裁
exports|exportations|exportaciones|Exporte|экспорт|出口
imports|importations|importaciones|Importe|импорт|进口
tourism|tourisme|turismo|Tourismus|туризм|旅游
airport|aéroport|aeropuerto|Flughafen|аэропорт|机场
flights|vols|vuelos|Flüge|рейсы|航班
train|train|tren|Zug|поезд|火车
accident|accident|accidente|Unfall|авария|事故
victims|victimes|víctimas|Opfer|жертвы|遇难者
dead|morts|muertos|Tote|погибших|死者
hundreds|centaines|cientos|Hunderte|сотни|数百
thousands|milliers|miles|Tausende|тысячи|数千
dozens|dizaines|decenas|Dutzende|десятки|数十
`
