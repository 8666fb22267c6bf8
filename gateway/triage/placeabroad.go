package triage

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Round sixty-five: the writer's place in the languages and scripts the
// tickets come in. A writer away from home names where they are ("je
// suis à Genève", "я сейчас на кампусе в Лиссабоне", "ミュンヘンに長期出張中",
// "출장으로 암스테르담에 와 있습니다", "我是来阿姆斯特丹旅游的", "βρίσκομαι στο
// Τορόντο") or that place's clock ("ώρα Τορόντο", "ora Londrei",
// "Berliner Zeit", "ロンドン時間", "阿姆斯特丹时间"), and the times they give are
// that place's, not the desk profile's home nor the binding's UTC. The
// gazetteer (zoneNames) held the places mostly as English writes them, and
// the writer's-place phrases (reWriterPlace) were English and a few
// Western European languages' fixed word orders; a Japanese, Korean,
// Chinese, Russian, Greek, Vietnamese or Romanian writer's place was not
// read, nor a Spanish or German one with a word between the verb and the
// place ("estoy unos días en", "ich bin diese Woche mit dem Team in").
//
// placeNames adds the places as those languages write them (their own
// scripts, and the locative or genitive a place takes after "in" or
// beside "time"), for capitals and large cities travellers write from and
// for countries that keep one zone (not the United States, Canada,
// Australia, Brazil, Russia or Indonesia as a whole). The zone readers of
// zone.go read them as any other name: beside a word for time, in
// parentheses, after "I'm in"; those written in Han, kana or Hangul are
// read by this file's readers alone (cjkPlaces). writerPlaceAbroad reads
// the writer's place in the word orders of those languages, for a ticket
// whose words hold no English-shaped one; cjkPlaceTime reads a place's
// clock written with the CJK word for time. Where the place is someone
// else's (a friend, a colleague, customers, the object bought), said with
// a negation, a past ("я была в", "je suis né à"), a supposition or a
// later time, or inside a quoted line, it is not the writer's
// (placeabroad_test.go holds a row of each guard). The region scans
// try each first letter of the names at every byte: prefixAlternatives
// orders the names so that the parser factors their shared prefixes.

// placeNames are places by their zone, each a "|"-separated list of the
// names languages write them with, in lower case. A name the gazetteer
// holds already keeps its zone there. adjective marks the names that are
// no place a writer can be in ("Berliner Zeit", "mitteleuropäischer
// Zeit"): they name a zone only beside a word for time.
var placeNames = []struct {
	zone, names string
	adjective   bool
}{
	// the British Isles
	{zone: "Europe/London", names: "london|england|britain|great britain|scotland|wales|angleterre|royaume-uni|écosse|londres|édimbourg|inglaterra|reino unido|escocia|escócia|" +
		"inghilterra|regno unito|scozia|londen|engeland|verenigd koninkrijk|schotland|großbritannien|grossbritannien|schottland|anglia|anglii|wielka brytania|wielkiej brytanii|londyn|" +
		"londýn|londýně|anglie|velké británii|storbritannien|englanti|englannissa|lontoo|lontoossa|londonban|angliában|londrei|angliei|marea britanie|i̇ngiltere|ingiltere|" +
		"лондон|лондоне|лондона|лондоні|англия|англии|англії|великобритания|великобритании|λονδίνο|λονδίνου|αγγλία|αγγλίας|βρετανία|" +
		"إنجلترا|انجلترا|بريطانيا|לונדון|אנגליה|בריטניה|इंग्लैंड|ब्रिटेन|luân đôn|inggris|" +
		"イギリス|英国|イングランド|런던|영국|伦敦|倫敦|英國"},
	{zone: "Europe/Dublin", names: "ireland|irlande|irlanda|irland|ierland|irlandia|irlandii|irsko|irsku|írország|irlandei|i̇rlanda|ирландия|ирландии|ιρλανδία|" +
		"dublín|dublino|dublinie|dublinu|дублин|дублине|δουβλίνο|δουβλίνου|أيرلندا|דבלין|אירלנד|ダブリン|アイルランド|더블린|아일랜드|都柏林|爱尔兰|愛爾蘭"},
	// western and central Europe
	{zone: "Europe/Paris", names: "france|francia|frança|frankreich|frankrijk|francja|francji|francie|francii|frankrike|frankrig|ranska|ranskassa|franciaország|franța|franței|franţa|fransa|" +
		"parís|parigi|parijs|paryż|paryżu|paříž|paříži|párizs|párizsban|pariisi|pariisissa|parisului|" +
		"франция|франции|франції|париж|париже|парижа|парижі|парижскому|γαλλία|γαλλίας|παρίσι|παρισιού|" +
		"فرنسا|פריז|צרפת|पेरिस|फ्रांस|pháp|prancis|perancis|フランス|프랑스|파리|巴黎|法国|法國|" +
		"nizza|toulouse|strasbourg|straßburg|nantes|corse|corsica|córcega"},
	{zone: "Europe/Berlin", names: "germany|deutschland|allemagne|alemania|alemanha|germania|duitsland|niemcy|niemczech|německo|německu|tyskland|saksa|saksassa|németország|németországban|germaniei|almanya|" +
		"berlín|berlim|berlino|berlijn|berlinie|berlíně|berliini|berliinissä|berlinben|berlinului|monaco di baviera|munique|múnich|monachium|mnichov|mnichově|münih|münchenben|" +
		"francfort|fráncfort|francoforte|frankfurcie|hamburgo|hambourg|amburgo|hamburgu|düsseldorf|stuttgart|leipzig|nürnberg|nuremberg|bonn|hannover|" +
		"германия|германии|німеччина|німеччині|берлин|берлине|берлина|берліні|берлинскому|мюнхен|мюнхене|франкфурт|франкфурте|" +
		"γερμανία|γερμανίας|βερολίνο|βερολίνου|μόναχο|μονάχου|φρανκφούρτη|ألمانيا|المانيا|ميونخ|فرانكفورت|גרמניה|ברלין|מינכן|פרנקפורט|" +
		"जर्मनी|बर्लिन|म्यूनिख|đức|jerman|ドイツ|ミュンヘン|フランクフルト|ハンブルク|독일|베를린|뮌헨|프랑크푸르트|함부르크|柏林|慕尼黑|法兰克福|法蘭克福|德国|德國"},
	{zone: "Europe/Berlin", adjective: true, names: "berliner|münchner|münchener|mitteleuropäischer|mitteleuropäische|mitteleuropäischen|berlini|müncheni"},
	{zone: "Europe/Vienna", names: "austria|österreich|autriche|áustria|oostenrijk|austrii|rakousko|rakousku|österrike|østrig|østerrike|itävalta|itävallassa|ausztria|ausztriában|austriei|avusturya|" +
		"vienne|viena|wenen|wiedeń|wiedniu|vídeň|vídni|bécs|bécsben|vienei|viyana|salzburg|innsbruck|graz|tirol|tyrol|" +
		"австрия|австрии|вена|вене|αυστρία|αυστρίας|βιέννη|βιέννης|النمسا|فيينا|אוסטריה|וינה|ऑस्ट्रिया|वियना|" +
		"オーストリア|ウィーン|ザルツブルク|インスブルック|오스트리아|비엔나|잘츠부르크|维也纳|維也納|奥地利|奧地利"},
	{zone: "Europe/Vienna", adjective: true, names: "wiener|österreichischer|österreichische|bécsi"},
	{zone: "Europe/Zurich", names: "switzerland|schweiz|suisse|suiza|suíça|svizzera|zwitserland|szwajcaria|szwajcarii|švýcarsko|švýcarsku|sveits|sveitsi|svájc|svájcban|elveția|elveției|i̇sviçre|isviçre|" +
		"zürich|zúrich|zurique|zurigo|zurych|zurychu|curych|curychu|zürih|genf|genève|geneve|geneva|ginebra|genebra|ginevra|genewa|genewie|ženeva|ženevě|genfben|genevei|cenevre|basel|bâle|bern|berne|lausanne|lugano|" +
		"швейцария|швейцарии|цюрих|цюрихе|женева|женеве|ελβετία|ελβετίας|ζυρίχη|ζυρίχης|γενεύη|γενεύης|سويسرا|زيورخ|جنيف|שווייץ|שוויץ|ציריך|ז'נבה|स्विट्जरलैंड|ज्यूरिख|जिनेवा|" +
		"スイス|チューリッヒ|ジュネーブ|스위스|취리히|제네바|瑞士|苏黎世|蘇黎世|日内瓦|日內瓦"},
	{zone: "Europe/Amsterdam", names: "netherlands|the netherlands|holland|nederland|pays-bas|hollande|países bajos|holanda|países baixos|olanda|paesi bassi|niederlande|holandia|holandii|nizozemsko|nizozemsku|" +
		"nederländerna|hollandia|olandei|hollanda|ámsterdam|amsterdã|amesterdão|amsterdamie|amsterdamu|amszterdam|amsterdamissa|utrecht|den haag|the hague|la haye|eindhoven|groningen|" +
		"нидерланды|нидерландах|голландия|голландии|амстердам|амстердаме|ολλανδία|ολλανδίας|άμστερνταμ|هولندا|أمستردام|امستردام|הולנד|אמסטרדם|नीदरलैंड|एम्स्टर्डम|hà lan|" +
		"オランダ|アムステルダム|네덜란드|암스테르담|阿姆斯特丹|荷兰|荷蘭"},
	{zone: "Europe/Brussels", names: "belgium|belgique|bélgica|belgio|belgië|belgien|belgia|belgii|belgie|belgiei|belçika|bruselas|bruxelas|brüssel|bruksela|brukseli|brusel|bruselu|bryssel|brüsszel|brüksel|antwerp|antwerpen|anvers|ghent|gand|" +
		"бельгия|бельгии|брюссель|брюсселе|βέλγιο|βελγίου|βρυξέλλες|βρυξελλών|بلجيكا|بروكسل|בלגיה|בריסל|बेल्जियम|ब्रसेल्स|ベルギー|ブリュッセル|벨기에|브뤼셀|比利时|比利時|布鲁塞尔|布魯塞爾"},
	{zone: "Europe/Luxembourg", names: "luxembourg|luxemburg|luxemburgo|lussemburgo|luksemburg"},
	// southern Europe
	{zone: "Europe/Madrid", names: "spain|españa|espagne|espanha|spagna|spanje|spanien|hiszpania|hiszpanii|španělsko|španělsku|spania|espanja|espanjassa|spanyolország|spaniei|i̇spanya|ispanya|" +
		"barcelone|barcellona|barcelonie|barceloně|barselona|madri|madryt|madrycie|madridu|madridului|valencia|valència|sevilla|seville|séville|málaga|malaga|bilbao|zaragoza|" +
		"mallorca|majorca|ibiza|menorca|baleares|balearic islands|marbella|alicante|" +
		"испания|испании|мадрид|мадриде|барселона|барселоне|ισπανία|ισπανίας|μαδρίτη|μαδρίτης|βαρκελώνη|βαρκελώνης|إسبانيا|اسبانيا|مدريد|برشلونة|ספרד|מדריד|ברצלונה|स्पेन|मैड्रिड|बार्सिलोना|" +
		"tây ban nha|spanyol|スペイン|マドリード|バルセロナ|스페인|마드리드|바르셀로나|西班牙|马德里|馬德里|巴塞罗那|巴塞隆納"},
	{zone: "Atlantic/Canary", names: "canary islands|canaries|canarias|kanaren|tenerife|teneriffa|gran canaria|lanzarote|fuerteventura|las palmas"},
	{zone: "Europe/Lisbon", names: "portugal|portogallo|portugalia|portugalii|portugalsko|portugalsku|portugália|portugaliei|portekiz|lisbonne|lisbona|lizbona|lizbonie|lisabon|lisabonu|lisszabon|lisabona|lisabonei|lizbon|" +
		"madeira|funchal|algarve|португалия|португалии|лиссабон|лиссабоне|πορτογαλία|πορτογαλίας|λισαβόνα|λισαβόνας|البرتغال|لشبونة|פורטוגל|ליסבון|पुर्तगाल|लिस्बन|bồ đào nha|" +
		"ポルトガル|リスボン|포르투갈|리스본|葡萄牙|里斯本"},
	{zone: "Atlantic/Azores", names: "azores|açores|azoren"},
	{zone: "Europe/Rome", names: "italy|italie|italia|itália|italië|italien|włochy|włoszech|itálie|itálii|olaszország|olaszországban|italiei|i̇talya|italya|italiassa|" +
		"rome|rzym|rzymie|řím|římě|róma|rómában|romei|mailand|milán|milão|milaan|mediolan|mediolanie|miláno|miláně|milánó|venice|venezia|venise|venedig|venecia|firenze|florenz|florencia|" +
		"naples|napoli|neapel|nápoles|turin|torino|bologna|sicily|sicilia|sizilien|sicile|sardinia|sardegna|sardinien|sardaigne|" +
		"италия|италии|італія|італії|рим|риме|милан|милане|ιταλία|ιταλίας|ρώμη|ρώμης|μιλάνο|μιλάνου|إيطاليا|ايطاليا|روما|איטליה|רומא|מילאנו|इटली|रोम|मिलान|" +
		"イタリア|ローマ|ミラノ|ヴェネツィア|フィレンツェ|이탈리아|로마|밀라노|베네치아|피렌체|意大利|義大利|罗马|羅馬|米兰|米蘭"},
	{zone: "Europe/Malta", names: "malta"},
	{zone: "Europe/Athens", names: "greece|grèce|grecia|grécia|griechenland|griekenland|grecja|grecji|řecko|řecku|grekland|grækenland|hellas|kreikka|kreikassa|görögország|greciei|yunanistan|" +
		"athènes|atenas|atene|athen|athene|ateny|atenach|atény|aténách|athén|atina|crete|crète|creta|kreta|krecie|krétě|kréta|girit|rodos|corfu|santorini|mykonos|thessaloniki|" +
		"греция|греции|афины|афинах|крит|крите|ελλάδα|αθήνα|κρήτη|κρήτης|θεσσαλονίκη|θεσσαλονίκης|ρόδο|κέρκυρα|σαντορίνη|μύκονο|" +
		"اليونان|أثينا|יוון|אתונה|כרתים|ग्रीस|एथेंस|hy lạp|yunani|ギリシャ|アテネ|그리스|아테네|希腊|希臘|雅典"},
	{zone: "Asia/Nicosia", names: "cyprus|chypre|chipre|cipro|zypern|cypr|cyprze|kypr|kypru|ciprus|kıbrıs|lefkoşa|nicosia|limassol|larnaca|paphos|кипр|кипре|κύπρος|κύπρο|κύπρου|λευκωσία|λεμεσός|قبرص|קפריסין"},
	// northern Europe
	{zone: "Europe/Copenhagen", names: "denmark|danemark|dinamarca|danimarca|denemarken|dänemark|danii|dánsko|dánsku|danmark|tanska|dánia|danimarka|copenhague|copenhaga|copenaghen|kopenhagen|kopenhaga|kopenhadze|kodaň|kodani|köpenhamn|kööpenhamina|koppenhága|kopenhag|aarhus|" +
		"копенгаген|копенгагене|дания|дании|κοπεγχάγη|κοπεγχάγης|كوبنهاغن|קופנהגן|デンマーク|コペンハーゲン|덴마크|코펜하겐|丹麦|丹麥|哥本哈根"},
	{zone: "Europe/Stockholm", names: "sweden|suède|suecia|suécia|svezia|zweden|schweden|szwecja|szwecji|švédsko|švédsku|sverige|ruotsi|ruotsissa|svédország|suedia|i̇sveç|isveç|estocolmo|stoccolma|sztokholm|sztokholmie|stockholmu|tukholma|tukholmassa|göteborg|gothenburg|malmö|" +
		"стокгольм|стокгольме|швеция|швеции|στοκχόλμη|στοκχόλμης|σουηδία|ستوكهولم|السويد|סטוקהולם|שוודיה|スウェーデン|ストックホルム|스웨덴|스톡홀름|瑞典|斯德哥尔摩|斯德哥爾摩"},
	{zone: "Europe/Oslo", names: "norway|norvège|noruega|norvegia|noorwegen|norwegen|norwegia|norwegii|norsko|norsku|norge|norja|norvégia|norveç|trondheim|stavanger|осло|норвегия|норвегии|όσλο|νορβηγία|أوسلو|النرويج|אוסלו|נורווגיה|ノルウェー|オスロ|노르웨이|오슬로|挪威|奥斯陆|奧斯陸"},
	{zone: "Europe/Helsinki", names: "finland|finlande|finlandia|finlândia|finnland|finlandii|finsko|finsku|suomi|suomessa|finnország|finlanda|finlandiya|helsingfors|helsinkach|helsinkiben|helsingissä|хельсинки|финляндия|финляндии|ελσίνκι|φινλανδία|هلسنكي|فنلندا|הלסינקי|פינלנד|フィンランド|ヘルシンキ|핀란드|헬싱키|芬兰|芬蘭|赫尔辛基|赫爾辛基"},
	{zone: "Atlantic/Reykjavik", names: "iceland|islande|islandia|islândia|islanda|ijsland|reykjavik|reykjavík"},
	{zone: "Europe/Tallinn", names: "estonia|estland|virossa|tallinna|tallinnassa|таллин|таллине|эстония|эстонии"},
	// eastern Europe
	{zone: "Europe/Warsaw", names: "poland|pologne|polonia|polônia|polónia|polen|polska|polsce|polsko|polsku|lengyelország|polonya|varsovie|varsovia|varsóvia|varsavia|warschau|warszawie|varšava|varšavě|varsó|varșovia|varşova|" +
		"gdańsk|gdańsku|wrocław|wrocławiu|poznań|poznaniu|łódź|łodzi|krakow|cracovie|cracovia|krakau|" +
		"польша|польше|польща|польщі|варшава|варшаве|варшаві|πολωνία|βαρσοβία|βαρσοβίας|بولندا|وارسو|פולין|ורשה|पोलैंड|वारसा|ba lan|ポーランド|ワルシャワ|폴란드|바르샤바|波兰|波蘭|华沙|華沙"},
	{zone: "Europe/Prague", names: "czechia|czech republic|tchéquie|república checa|chéquia|repubblica ceca|tsjechië|tschechien|czechy|czechach|česko|česku|tjeckien|tšekki|csehország|cehia|çekya|" +
		"prag|praga|pragă|pragăi|praag|pradze|praze|prága|prágában|brno|brně|" +
		"чехия|чехии|прага|праге|τσεχία|πράγα|πράγας|التشيك|براغ|צ'כיה|פראג|प्राग|チェコ|プラハ|체코|프라하|捷克|布拉格"},
	{zone: "Europe/Budapest", names: "hungary|hongrie|hungría|hungria|ungheria|hongarije|ungarn|węgry|węgrzech|maďarsko|maďarsku|ungern|unkari|macaristan|ungaria|budapeszt|budapeszcie|budapešť|budapešti|budapeste|budapesta|budapestei|budapeşte|boedapest|budapestben|" +
		"будапешт|будапеште|венгрия|венгрии|βουδαπέστη|ουγγαρία|بودابست|בודפשט|הונגריה|ハンガリー|ブダペスト|헝가리|부다페스트|匈牙利|布达佩斯|布達佩斯"},
	{zone: "Europe/Bucharest", names: "bucharest|bucarest|bukarest|bukareszt|bukurešť|bükreş|бухарест|бухаресте|румыния|румынии|cluj|timișoara|iași"},
	{zone: "Europe/Chisinau", names: "moldova|chișinău|chisinau|кишинёв|кишинев|кишиневе"},
	{zone: "Europe/Sofia", names: "bulgaria|bulgarie|bulgarien|bułgaria|bulharsko|bulgária|bulgaristan|болгария|болгарии|българия"},
	{zone: "Europe/Zagreb", names: "croatia|croatie|croacia|croácia|croazia|kroatië|kroatien|chorwacja|chorwacji|chorvatsko|chorvatsku|horvátország|hırvatistan|hrvatska|dubrovnik|хорватия|хорватии"},
	{zone: "Europe/Ljubljana", names: "slovenia|slovénie|eslovenia|slowenien|słowenia|slovinsko|slovenija|ljubljana"},
	{zone: "Europe/Bratislava", names: "slovakia|slovaquie|eslovaquia|slowakei|słowacja|słowacji|slovensko|slovensku|szlovákia"},
	{zone: "Europe/Vilnius", names: "lithuania|litauen|litwa|litwie|литва|литве"},
	{zone: "Europe/Riga", names: "latvia|lettland|łotwa|łotwie|латвия|латвии"},
	{zone: "Europe/Kyiv", names: "ukraine|ucrania|ucrânia|ucraina|oekraïne|ukraina|ukrainie|ukrajina|ukrajině|україна|україні|києві|украина|украине|киеве|київ|киев|львів|львове|одеса|одессе"},
	{zone: "Europe/Minsk", names: "belarus|białoruś|minsk|mińsk|минск|минске|беларусь|беларуси"},
	{zone: "Europe/Moscow", names: "moscow|moscou|moscú|moscovo|mosca|moskau|moskou|moskwa|moskwie|moskva|moskvě|moszkva|moskova|москва|москве|санкт-петербург|петербург|петербурге|питере|μόσχα|موسكو|מוסקבה|モスクワ|모스크바|莫斯科"},
	{zone: "Europe/Istanbul", names: "turquie|turquía|turquia|turchia|turkije|türkei|turcja|turcji|turecko|turecku|turkiet|tyrkiet|tyrkia|turkki|törökország|turcia|ankara|antalya|izmir|i̇zmir|bodrum|estambul|istambul|istanboel|stambuł|stambule|isztambul|" +
		"турция|турции|стамбул|стамбуле|τουρκία|κωνσταντινούπολη|κωνσταντινούπολης|تركيا|إسطنبول|اسطنبول|טורקיה|איסטנבול|तुर्की|इस्तांबुल|thổ nhĩ kỳ|トルコ|イスタンブール|터키|튀르키예|이스탄불|土耳其|伊斯坦布尔|伊斯坦堡"},
	// the Middle East and Africa
	{zone: "Asia/Dubai", names: "dubai|uae|united arab emirates|abu dhabi|émirats|emiratos|emirados|emirati|emirate|дубай|дубае|оаэ|ντουμπάι|أبوظبي|أبو ظبي|דובאי|दुबई|ドバイ|두바이|迪拜|杜拜"},
	{zone: "Asia/Qatar", names: "qatar|doha|قطر|الدوحة"},
	{zone: "Asia/Jerusalem", names: "tel aviv|tel-aviv|jerusalem|jérusalem|jerusalén|gerusalemme|haifa|eilat|тель-авив|тель-авиве|израиль|израиле|תל אביב|ירושלים|חיפה|אילת|إسرائيل"},
	{zone: "Asia/Beirut", names: "lebanon|liban|líbano|libano|beirut|beyrouth|لبنان|بيروت"},
	{zone: "Asia/Amman", names: "jordanie|jordania|الأردن"},
	{zone: "Africa/Cairo", names: "egypt|égypte|egipto|egito|egitto|egypte|ägypten|egipt|egipcie|mısır|египет|египте|αίγυπτος|hurghada|sharm el sheikh|luxor|cairo|le caire|el cairo|kairo|מצרים"},
	{zone: "Africa/Casablanca", names: "morocco|maroc|marruecos|marrocos|marocco|marokko|maroko|casablanca|marrakech|marrakesh|agadir|المغرب|الدار البيضاء|مراكش|الرباط"},
	{zone: "Africa/Tunis", names: "tunisia|tunisie|túnez|tunísia|tunesien|tunezja|تونس"},
	{zone: "Africa/Algiers", names: "algeria|algérie|argelia|algerien|algieria|alger|الجزائر"},
	// Asia
	{zone: "Asia/Tokyo", names: "japan|japon|japón|japão|giappone|japonia|japonii|japonsko|japonsku|japani|japanissa|japán|japonya|japonyada|jepang|nhật bản|tóquio|tokió|tokiu|osaka|kyoto|kioto|quioto|hokkaido|okinawa|" +
		"япония|японии|токио|ιαπωνία|ιαπωνίας|τόκιο|اليابان|طوكيو|יפן|טוקיו|जापान|टोक्यो|日本|東京|大阪|京都|沖縄|北海道|일본|도쿄|오사카|교토|东京"},
	{zone: "Asia/Seoul", names: "korea|south korea|corée|corea|coreia|südkorea|zuid-korea|korea południowa|korei|jižní korea|dél-korea|kore|güney kore|hàn quốc|korea selatan|seúl|séoul|seoel|seulu|szöul|busan|" +
		"корея|корее|сеул|сеуле|κορέα|σεούλ|كوريا|سيول|קוריאה|סיאול|कोरिया|सियोल|韓国|ソウル|韩国|韓國|首尔|首爾|한국|서울|부산"},
	{zone: "Asia/Shanghai", names: "china|chiny|chinach|čína|číně|kína|kínában|trung quốc|tiongkok|pékin|pekín|pequim|pechino|peking|pekin|pekinie|pequín|shenzhen|guangzhou|chengdu|hangzhou|" +
		"китай|китае|пекин|пекине|шанхай|шанхае|κίνα|πεκίνο|الصين|بكين|סין|בייג'ינג|चीन|बीजिंग|bắc kinh|thượng hải|中国|中國|北京|上海|深圳|广州|廣州|杭州|成都|중국|베이징|상하이"},
	{zone: "Asia/Hong_Kong", names: "hong kong|hongkong|hong-kong|香港|홍콩|ホンコン|гонконг|гонконге"},
	{zone: "Asia/Taipei", names: "taiwan|taïwan|taiwán|tajwan|tchaj-wan|đài loan|đài bắc|台湾|台灣|台北|臺北|타이완|대만|타이베이|тайвань|тайване"},
	{zone: "Asia/Singapore", names: "singapore|singapura|singapour|singapur|cingapura|сингапур|сингапуре|σιγκαπούρη|سنغافورة|סינגפור|सिंगापुर|シンガポール|싱가포르|新加坡"},
	{zone: "Asia/Bangkok", names: "thailand|thaïlande|tailandia|tailândia|thailandia|tajlandia|tajlandii|thajsko|thajsku|tayland|thái lan|phuket|chiang mai|pattaya|koh samui|" +
		"таиланд|таиланде|бангкок|бангкоке|ταϊλάνδη|μπανγκόκ|تايلاند|بانكوك|תאילנד|בנגקוק|थाईलैंड|बैंकॉक|băng cốc|タイ王国|バンコク|プーケット|태국|방콕|푸켓|泰国|泰國|曼谷|普吉岛"},
	{zone: "Asia/Ho_Chi_Minh", names: "vietnam|saigon|sài gòn|ho chi minh|ho chi minh city|hồ chí minh|thành phố hồ chí minh|tp.hcm|tphcm|da nang|đà nẵng|hội an|nha trang|vietnã|viêt nam|" +
		"вьетнам|вьетнаме|ベトナム|ハノイ|ホーチミン|베트남|하노이|호치민|다낭|越南|河内|河內|胡志明市"},
	{zone: "Asia/Makassar", names: "bali|denpasar|ubud|lombok|makassar|バリ島|발리|巴厘岛|峇里島|бали"},
	{zone: "Asia/Kuala_Lumpur", names: "malaysia|malaysie|malasia|malásia|malesia|maleisië|malezja|malajsie|クアラルンプール|쿠알라룸푸르|吉隆坡|马来西亚|馬來西亞"},
	{zone: "Asia/Manila", names: "philippines|cebu|boracay|フィリピン|マニラ|필리핀|마닐라|세부|菲律宾|菲律賓|马尼拉|馬尼拉"},
	{zone: "Asia/Jakarta", names: "jakarta|surabaya|bandung|yogyakarta|jogja|ジャカルタ|자카르타|雅加达|雅加達"},
	{zone: "Asia/Kolkata", names: "india|índia|indien|indiach|indii|intia|hindistan|ấn độ|delhi|new delhi|neu-delhi|mumbai|bombay|bangalore|bengaluru|chennai|kolkata|calcutta|hyderabad|jaipur|ahmedabad|goa|" +
		"индия|индии|भारत|दिल्ली|नई दिल्ली|मुंबई|बेंगलुरु|बैंगलोर|चेन्नई|कोलकाता|हैदराबाद|पुणे|जयपुर|インド|デリー|ムンバイ|델리|뭄바이|印度|新德里|孟买|孟買"},
	{zone: "Asia/Kathmandu", names: "nepal|kathmandu|नेपाल|काठमांडू"},
	{zone: "Asia/Colombo", names: "sri lanka|श्रीलंका"},
	{zone: "Asia/Dhaka", names: "bangladesh|dhaka|বাংলাদেশ|ঢাকা"},
	{zone: "Asia/Tbilisi", names: "tbilisi|tiflis|тбилиси"},
	{zone: "Asia/Yerevan", names: "armenia|yerevan|erevan|ереван|ереване"},
	{zone: "Asia/Baku", names: "azerbaijan|azerbaycan|baku|bakü|баку"},
	{zone: "Asia/Almaty", names: "almaty|алматы"},
	{zone: "Asia/Tashkent", names: "uzbekistan|tashkent|ташкент|ташкенте"},
	// the Americas and Oceania: cities, and countries of one zone
	{zone: "America/New_York", names: "new york|nyc|new york city|nueva york|nova york|nova iorque|nowy jork|nowym jorku|new yorku|miami|atlanta|philadelphia|washington dc|washington, dc|" +
		"нью-йорк|нью-йорке|νέα υόρκη|νέας υόρκης|نيويورك|ניו יורק|न्यूयॉर्क|ニューヨーク|뉴욕|纽约|紐約"},
	{zone: "America/Chicago", names: "chicago|houston|new orleans|minneapolis|чикаго|シカゴ|시카고|芝加哥"},
	{zone: "America/Los_Angeles", names: "los angeles|los ángeles|las vegas|san diego|portland, oregon|лос-анджелес|ロサンゼルス|サンフランシスコ|로스앤젤레스|샌프란시스코|洛杉矶|洛杉磯|旧金山|舊金山"},
	{zone: "America/Denver", names: "salt lake city"},
	{zone: "America/Toronto", names: "toronto|ottawa|québec|quebec|торонто|τορόντο|تورنتو|טורונטו|टोरंटो|トロント|토론토|多伦多|多倫多"},
	{zone: "America/Vancouver", names: "vancouver|ванкувер|βανκούβερ|バンクーバー|밴쿠버|温哥华|溫哥華"},
	{zone: "Pacific/Honolulu", names: "hawaii|hawaï|hawái|havaí|honolulu|ハワイ|하와이|夏威夷"},
	{zone: "America/Mexico_City", names: "mexico city|ciudad de méxico|ciudad de mexico|cidade do méxico|città del messico|mexico-stad|guadalajara|monterrey|cancún|cancun|メキシコ|멕시코|墨西哥"},
	{zone: "America/Sao_Paulo", names: "sao paulo|rio de janeiro|belo horizonte|curitiba|porto alegre|florianópolis|サンパウロ|상파울루|圣保罗|聖保羅"},
	{zone: "America/Havana", names: "cuba|la habana|havana|habana"},
	{zone: "America/Puerto_Rico", names: "puerto rico|san juan"},
	{zone: "America/Santo_Domingo", names: "república dominicana|dominican republic|punta cana|santo domingo"},
	{zone: "America/Panama", names: "panamá|panama"},
	{zone: "America/Costa_Rica", names: "costa rica"},
	{zone: "America/Guayaquil", names: "ecuador|quito|guayaquil"},
	{zone: "America/Caracas", names: "venezuela|caracas"},
	{zone: "America/Montevideo", names: "uruguay|montevideo"},
	{zone: "America/Asuncion", names: "paraguay|asunción"},
	{zone: "America/La_Paz", names: "bolivia|la paz"},
	{zone: "Australia/Sydney", names: "sydney|sídney|sydneyssä|сидней|сиднее|σίδνεϊ|シドニー|시드니|悉尼|雪梨"},
	{zone: "Australia/Melbourne", names: "melbourne|мельбурн|メルボルン|멜버른|墨尔本|墨爾本"},
}

// withPlaceNames returns m, the gazetteer, with placeNames added: a name
// already in m keeps its zone. The names written in Han, kana or Hangul
// are left to cjkPlaces: the region scans of zone.go try every first
// letter of the gazetteer's names at each byte they read, and those
// scripts would add more first letters than all the others.
func withPlaceNames(m map[string]string) map[string]string {
	for _, p := range placeNames {
		for _, n := range strings.Split(p.names, "|") {
			if _, ok := m[n]; !ok && n != "" && !cjkScript(n) {
				m[n] = p.zone
			}
		}
	}
	return m
}

// cjkScript reports whether s holds a Han, kana or Hangul letter.
func cjkScript(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
	})
}

// cjkPlaces maps the places written in Han, kana or Hangul, placeNames'
// and the gazetteer's own, to a name of the gazetteer in the same zone:
// the gazetteer's name itself, or the first name of its placeNames
// entry ("阿姆斯特丹" to "netherlands"). cjkPlaceAlt is their alternation,
// which the Japanese, Korean and Chinese forms and cjkPlaceTime read.
var (
	cjkPlaces = func() map[string]string {
		out := map[string]string{}
		for k := range zoneNames {
			if cjkScript(k) {
				out[k] = k
			}
		}
		for _, p := range placeNames {
			names := strings.Split(p.names, "|")
			if p.adjective {
				continue
			}
			for _, n := range names {
				if _, ok := out[n]; !ok && cjkScript(n) {
					out[n] = names[0]
				}
			}
		}
		return out
	}()
	cjkPlaceAlt = prefixAlternatives(cjkPlaces)
)

// withPlaceAdjectives returns m, the names that are no place a writer can
// be in, with placeNames' adjectives added.
func withPlaceAdjectives(m map[string]bool) map[string]bool {
	for _, p := range placeNames {
		if p.adjective {
			for _, n := range strings.Split(p.names, "|") {
				m[n] = true
			}
		}
	}
	return m
}

// abroadGap is up to five words between the writer's verb and the place,
// each a stay word: a time (now, this week, since Monday), a trip
// (holiday, work, visit) or where on the trip (campus, library, hotel):
// "estoy unos días en", "ich bin diese Woche mit unserem Team in", "я
// сейчас на кампусе в", "em đang ngồi ở thư viện trường ở". Any other word
// (a verb, another party: "estoy enviando un paquete a", "я работаю с
// клиентами в", "ich bin Kunde und habe Familie in") makes the place not
// the writer's.
const abroadGap = `(?:(?:` + abroadStayWords + `)\s+){0,5}?`

// abroadStayWords are the words abroadGap allows, by language.
const abroadStayWords = `unos|unas|días|dias|esta|este|semana|ahora|todavía|aún|de|vacaciones|viaje|por|trabajo|` +
	`diese|dieser|woche|mit|unserem|unserer|meinem|meiner|dem|der|team|gerade|jetzt|noch|im|urlaub|beruflich|zurzeit|derzeit|für|ein|paar|tage|` +
	`cette|semaine|ce|moment|actuellement|depuis|lundi|vacances|déplacement|pour|quelques|jours|en|` +
	`ora|adesso|vacanza|questa|settimana|lavoro|ancora|qualche|giorno|giorni|in|` +
	`od|poniedziałku|teraz|tym|tygodniu|na|wakacjach|urlopie|delegacji|` +
	`teď|ted|nyní|tento|týden|dovolené|služební|cestě|` +
	`deze|week|nu|op|vakantie|voor|werk|even|` +
	`just|den|här|veckan|på|semester|ferie|nå|denne|uka|` +
	`în|vizită|vizita|la|fiica|fiul|mea|meu|acum|concediu|vacanță|pentru|` +
	`férias|agora|semana|viagem|a|` +
	`в|во|на|у|сейчас|кампусе|командировке|отпуске|этой|неделе|ещё|еще|пока|по|работе|уже|временно|зараз|відрядженні|відпустці|цьому|тижні|` +
	`αυτή|αυτήν|την|εβδομάδα|τώρα|για|δουλειά|διακοπές|ακόμα|` +
	`ở|đi|ngồi|thư|viện|trường|công|tác|du|lịch|hiện|` +
	`נמצא|נמצאת|נמצאים|עכשיו|כרגע|השבוע|בחופשה|` +
	`الآن|حاليا|حالياً|موجود|موجودة|هذا|الأسبوع|إجازة|` +
	// here, and the verbs of living somewhere
	`aquí|aqui|hier|ici|qui|tutaj|tady|här|her|здесь|тут|εδώ|כאן|פה|هنا|أعيش|نعيش|أقيم|مقيم|مقيمة|vivo|moro|wohne|habite|abito|mieszkam|bydlím|woon|bor|живу|живём|μένω|גר|גרה`

// abroadForm is one word order of the writer's place: re reads it, its
// place in the group named place. anchor is a short part every match
// holds (the verb, the pronoun, the Japanese or Korean verb after the
// place): re, an alternation of every place's name, is run only on the
// stretch around each anchor, before bytes before it and after bytes
// after it.
//
// named is the pre-check every text re matches in passes: the bytes of a
// region's name anywhere in it (placeAnywhere) for the forms of
// regionAlt, a rune of Han, kana or Hangul (cjkScript) for those of
// cjkPlaceAlt. A text that fails it needs none of the form's scans: on a
// text that names no place they were over half of writerZone's cost.
type abroadForm struct {
	anchor, re    *regexp.Regexp
	before, after int
	place         int  // the offset in a match of re of the place group
	cjk           bool // a form of cjkPlaceAlt, else of regionAlt
}

func newAbroadForm(anchor, re string, before, after int) abroadForm {
	f := abroadForm{anchor: regexp.MustCompile(anchor), re: regexp.MustCompile(re), before: before, after: after}
	f.place = 2 * f.re.SubexpIndex("place")
	f.cjk = strings.Contains(re, cjkPlaceAlt)
	if !f.cjk && !strings.Contains(re, regionAlt) {
		panic("an abroad form reads no place: " + re)
	}
	return f
}

// named is the form's pre-check on a text: region and cjk tell whether
// it passes placeAnywhere and cjkScript.
func (f abroadForm) named(region, cjk bool) bool {
	return f.cjk && cjk || !f.cjk && region
}

// placeAnywhere finds the bytes of a region's name anywhere in a text, in
// or across a word: a window of abroadForm.matches may end inside a rune
// (see there), so a name its re reads may stand before a letter of the
// whole text.
var placeAnywhere = newNameIndex(slices.Collect(maps.Keys(regionNames())), false, false, nil)

// Latin-script first-person verbs (and "here") that open the Latin form.
const abroadLatinVerbs = `estoy|estamos|estou|ich bin|wir sind|je suis|nous sommes|sono|siamo|mi trovo|ci troviamo|ik ben|wij zijn|we zijn|` +
	`jestem|jesteśmy|jsem|jsme|jag är|vi är|jeg er|sunt|suntem|mă aflu|ne aflăm|aqui|aquí|acá|ici`

// Verbs and pronouns of the other scripts' forms, and the Japanese and
// Korean verbs after the place.
const (
	abroadCyrillic = `я|мы|аз|нахожусь|находимся|живу|живём|живем|перебуваю`
	abroadGreek    = `είμαι|βρίσκομαι|μένω|είμαστε|βρισκόμαστε|μένουμε`
	abroadVietnam  = `tôi|em|mình|chúng tôi|chúng em|chúng mình`
	abroadJaStay   = `います|来ています|来ております|来てます|来ました|滞在しています|滞在しております|滞在中|おります`
	abroadJaTrip   = `出張|旅行|留学|滞在|赴任`
	abroadKoStay   = `와\s*있|머물고\s*있|머무르고\s*있|지내고\s*있|살고\s*있|있습니다|있어요|있는데|체류\s*중|출장\s*중|여행\s*중|유학\s*중`
	abroadKoTrip   = `여행|출장|유학|휴가|체류`
	abroadZhSelf   = `我们|我們|我`
	abroadHuStay   = `vagyok|vagyunk|élek|lakom|nyaralok|nyaralunk|dolgozom`
	abroadFiVerbs  = `olen|olemme|asun|asumme`
)

// abroadForms are the writer's place in the word orders of the languages
// zone.go's reWriterPlace does not read; writerPlaceAbroad reads every
// match in text order, compiled on first use (see compileOnUse).
var abroadForms = sync.OnceValue(func() []abroadForm {
	return []abroadForm{
		// Latin scripts: a first-person verb, a few words, a preposition and
		// the place ("estoy esta semana en", "je suis depuis lundi à", "sunt
		// în vizită la fiica mea în", "aqui em São Paulo"), and English "I'm
		// over in". "sono", "sunt" are also "they are": writerAbroad.
		newAbroadForm(`(?:^|[^\p{L}])(?:`+abroadLatinVerbs+`)\s`,
			`(?:^|[^\p{L}])(?:`+abroadLatinVerbs+`)\s+`+abroadGap+`(?:en|em|no|na|in|im|à|au|aux|a|w|we|v|ve|i|în|la)\s+(?P<place>`+regionAlt+`)(?:$|[^\p{L}])`, 0, 160),
		newAbroadForm(`(?:^|[^\p{L}])`+writerSubject+`\s+(?:over|out|away|down|up)\s+in\s`,
			`(?:^|[^\p{L}])`+writerSubject+`\s+(?:over|out|away|down|up)\s+in\s+(?P<place>`+regionAlt+`)(?:$|[^\p{L}])`, 0, 60),
		// Cyrillic: "я сейчас на кампусе в Лиссабоне", "мы в Праге", "аз съм в
		// Лондон", "нахожусь в Берлине", "я зараз у Лондоні"
		newAbroadForm(`(?:^|[^\p{L}])(?:`+abroadCyrillic+`)\s`,
			`(?:^|[^\p{L}])(?:`+abroadCyrillic+`)\s+`+abroadGap+`(?:в|во|на|у)\s+(?P<place>`+regionAlt+`)(?:$|[^\p{L}])`, 0, 240),
		// Greek: "βρίσκομαι στο Τορόντο", "είμαι αυτή την εβδομάδα στη Ρώμη"
		newAbroadForm(`(?:^|[^\p{L}])(?:`+abroadGreek+`)\s`,
			`(?:^|[^\p{L}])(?:`+abroadGreek+`)\s+`+abroadGap+`(?:στο|στη|στην|στον|στα|σε)\s+(?P<place>`+regionAlt+`)(?:$|[^\p{L}])`, 0, 240),
		// Vietnamese: "em đang ngồi ở thư viện trường ở Amsterdam", "tôi ở Paris"
		newAbroadForm(`(?:^|[^\p{L}])(?:`+abroadVietnam+`)\s`,
			`(?:^|[^\p{L}])(?:`+abroadVietnam+`)\s+(?:(?:hiện\s+|vẫn\s+)?đang\s+`+abroadGap+`)?(?:ở|tại)\s+(?P<place>`+regionAlt+`)(?:$|[^\p{L}])`, 0, 200),
		// Hungarian and Finnish, the place in its "in" case: "most Londonban
		// vagyok", "olen tällä viikolla Lontoossa"
		newAbroadForm(`(?:^|[^\p{L}])(?:`+abroadHuStay+`)(?:$|[^\p{L}])`,
			`(?:^|[^\p{L}])(?P<place>`+regionAlt+`)\s+(?:`+abroadHuStay+`)(?:$|[^\p{L}])`, 80, 2),
		newAbroadForm(`(?:^|[^\p{L}])(?:`+abroadFiVerbs+`)\s`,
			`(?:^|[^\p{L}])(?:`+abroadFiVerbs+`)\s+(?:(?:nyt|tällä viikolla|lomalla|työmatkalla|matkalla|vielä)\s+)*(?P<place>`+regionAlt+`)(?:$|[^\p{L}])`, 0, 120),
		// Hebrew and Arabic: "אני נמצא עכשיו בלונדון", "أنا الآن في لندن"
		newAbroadForm(`(?:^|[^\p{L}])(?:אני|אנחנו)\s`,
			`(?:^|[^\p{L}])(?:אני|אנחנו)\s+`+abroadGap+`ב(?P<place>`+regionAlt+`)(?:$|[^\p{L}])`, 0, 200),
		newAbroadForm(`(?:^|[^\p{L}])(?:أنا|انا|نحن)\s`,
			`(?:^|[^\p{L}])(?:أنا|انا|نحن)\s+`+abroadGap+`(?:في|فى)\s+(?P<place>`+regionAlt+`)(?:$|[^\p{L}])`, 0, 200),
		// Japanese: "オーストリアに来ています", "ベルリンの大学に来ています",
		// "ミュンヘンに長期出張中", "ロンドンに出張中"
		newAbroadForm(`(?:に|へ)(?:`+abroadJaStay+`)`,
			`(?P<place>`+cjkPlaceAlt+`)(?:の[^、。！？!?\s]{1,12}?)?(?:に|へ)(?:`+abroadJaStay+`)`, 100, 30),
		newAbroadForm(abroadJaTrip,
			`(?P<place>`+cjkPlaceAlt+`)(?:に|へ|を)?(?:長期|短期)?(?:`+abroadJaTrip+`)(?:中|しています|しております)`, 80, 30),
		// Korean: "암스테르담에 와 있습니다", "독일 여행 중입니다", "파리 여행 중"
		newAbroadForm(`(?:에|에서)\s*(?:`+abroadKoStay+`)`,
			`(?P<place>`+cjkPlaceAlt+`)(?:에|에서)\s*(?:`+abroadKoStay+`)`, 80, 10),
		newAbroadForm(abroadKoTrip,
			`(?P<place>`+cjkPlaceAlt+`)\s*(?:`+abroadKoTrip+`)\s*(?:중|을 왔|를 왔|왔|와\s*있)`, 80, 20),
		// Chinese: "我是来阿姆斯特丹旅游的", "我现在在伦敦", "我们在巴黎出差"
		newAbroadForm(abroadZhSelf,
			`(?:`+abroadZhSelf+`)(?:现在|現在|目前|正在|这周|這週|这几天|這幾天|今天|最近|人|也|都)*(?:是)?(?:在|来|來|到)(?:了)?(?P<place>`+cjkPlaceAlt+`)`, 0, 120),
	}
})

// abroadMatches is the matches of f in s, each read on the stretch around
// an anchor, with offsets in s; a stretch ends at a rune that is no
// letter, so that no name is cut.
func (f abroadForm) matches(s string) [][]int {
	var out [][]int
	seen := map[int]bool{}
	for _, a := range f.anchor.FindAllStringIndex(s, -1) {
		lo, hi := max(a[0]-f.before, 0), min(a[1]+f.after, len(s))
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
		for hi < len(s) {
			r, n := utf8.DecodeRuneInString(s[hi:])
			if !unicode.IsLetter(r) && !unicode.In(r, unicode.Mn, unicode.Mc) {
				break
			}
			hi += n
		}
		for _, m := range f.re.FindAllStringSubmatchIndex(s[lo:hi], -1) {
			if seen[lo+m[0]] {
				continue
			}
			seen[lo+m[0]] = true
			for i := range m {
				if m[i] >= 0 {
					m[i] += lo
				}
			}
			out = append(out, m)
		}
	}
	return out
}

var (
	// reAbroadNot is a negation, a past, a birth, a supposition or a
	// purpose in the words before the place: "ich bin nicht in", "я была
	// в", "je suis né à", "sono stato a", "δεν είμαι στο", "tôi không ở",
	// "אני לא ב", "si je suis à"; the clause before the verb too. A
	// purpose ("estoy intentando comprar entradas para un concierto en",
	// "είμαι έτοιμος να πάω στο") makes the place its object's.
	reAbroadNot = regexp.MustCompile(`(?:^|[^\p{L}])(?:not|nicht|no|non|não|nao|ne|pas|nie|niet|inte|ikke|nem|не|δεν|không|chưa|לא|لست|ليس|` +
		`né|née|nacid[oa]|nascid[oa]|nat[oa]|stato|stata|estado|estive|estuve|été|gewesen|geweest|geboren|aufgewachsen|urodzon[ay]|narozen[aá]?|fost|` +
		`был|была|были|було|ήμουν|ήμασταν|si|wenn|falls|se|als|quand|cuando|quando|jeśli|když|om|dacă|αν|если|якщо|` +
		`intentando|tentando|tratando|queriendo|querendo|essayant|versuche|cercando|provando|próbuję|zkouším|försöker|prøver|probeer|încerc|να|أن|لكي)(?:$|[^\p{L}])`)
	// reRomanianNot is the Romanian negation before the verb ("nu mai sunt
	// în"); between the verb and the place "nu" is the Scandinavian "now"
	// ("jag är just nu i").
	reRomanianNot = regexp.MustCompile(`(?:^|[^\p{L}])nu(?:$|[^\p{L}])`)
	// reAbroadNotAfter is a Japanese or Korean negation after the place's
	// verb ("ロンドンに出張中ではありません", "파리 여행 중이 아닙니다"), or
	// the words that make the place a noun's ("ロンドンに出張中の同僚",
	// "파리 여행 중인 친구", Chinese "我在伦敦的朋友": a colleague's, a
	// friend's).
	// A Korean stay verb in the past ("살고 있었어요": lived there) is no
	// place the writer is in now.
	reAbroadNotAfter = regexp.MustCompile(`^\s*(?:では|じゃ)(?:ない|なく|ありません)|^\s*(?:이|가)?\s*(?:아니|아닙|아닌|아냐)|^(?:の|的)|^인(?:\s|$)|^었`)
	// reZhNotStay is what makes a Chinese "我在<place>" a thing's or other
	// people's: a verb made a noun with 的 ("我在日本买的票": the ticket I
	// bought in Japan) or "there are" ("我们在德国也有用户": we have users
	// in Germany). "我是来…旅游的" keeps its 的 (是…的 says the stay).
	reZhNotStay = regexp.MustCompile(`^(?:也|都|还|還)?有|^\p{Han}{1,3}的`)
	// reAbroadPast is a Russian or Ukrainian verb in the past or the
	// infinitive between "я" and the place (the writer was there, bought
	// there, wants to buy there): "я заказывала в", "я купив квитки на
	// концерт у", "я хочу купить билеты в"; and a Hebrew infinitive or
	// "to" ("אני מנסה לקנות כרטיסים להופעה ב").
	reAbroadPast = regexp.MustCompile(`(?:^|[^\p{L}])(?:\p{Cyrillic}+(?:л|ла|ли|ло|лся|лась|ив|ав|ув|їв|ть|ти|ться|тись|чь)|ל\p{Hebrew}{2,})(?:$|[^\p{L}])`)
	// reKoSubject is a Korean word marked as a subject or topic.
	reKoSubject = regexp.MustCompile(`([\p{Hangul}]+)(?:가|이|께서|는|은)(?:$|[^\p{Hangul}])`)
)

// koSelf are the Korean subjects and topics that leave a place the
// writer's: the writer and words for now.
var koSelf = []string{"제", "저", "내", "나", "저희", "우리", "지금", "현재", "요즘", "오늘", "이번 주", "주"}

// writerPlaceAbroad is writerPlace for the languages and word orders of
// abroadForms: the first place a match of theirs names that is the writer's
// and where they are now, and the words that say it.
func writerPlaceAbroad(s string) (place string, at int, phrase string, ok bool) {
	return placeAbroadIn(s, abroadForms(), true)
}

// placeAbroadIn is writerPlaceAbroad over forms, each skipped where its
// pre-check (abroadForm.named) fails if prechecked is true.
func placeAbroadIn(s string, forms []abroadForm, prechecked bool) (place string, at int, phrase string, ok bool) {
	type found struct {
		place, phrase string
		at            int
	}
	var all []found
	region, cjk := placeAnywhere.has(s), cjkScript(s)
	for _, f := range forms {
		if prechecked && !f.named(region, cjk) {
			continue
		}
		g := f.place
		for _, m := range f.matches(s) {
			w := s[m[g]:m[g+1]]
			if notAPlace[w] || !writerAbroad(s, m, g) {
				continue
			}
			if c, ok := cjkPlaces[w]; ok {
				w = c
			}
			all = append(all, found{w, strings.TrimFunc(s[m[0]:m[1]], notWordRune), m[0]})
		}
	}
	if len(all) == 0 {
		return "", 0, "", false
	}
	f := slices.MinFunc(all, func(a, b found) int { return a.at - b.at })
	return f.place, f.at, f.phrase, true
}

// writerAbroad reports whether the match m of an abroadForm, its place at
// m[g]:m[g+1], is where the writer is now: not in a quoted line or quotes,
// not negated, past or supposed in the words before the place, not a
// later time after it ("next week", "la semana que viene"), and in
// Japanese and Korean no other subject in its clause; "sono" and "sunt"
// (also "they are") only where they open a clause or follow "io", "eu".
func writerAbroad(s string, m []int, g int) bool {
	pre, rest := s[:m[0]], s[m[g+1]:]
	if quotedLine(s, m[g]) || reNotNow.MatchString(rest) || reLater.MatchString(rest) || reReported.MatchString(pre) || reAbroadNotAfter.MatchString(s[m[1]:]) {
		return false
	}
	if q, _ := utf8.DecodeLastRuneInString(strings.TrimRight(pre, " ")); strings.ContainsRune(quoteMarks, q) {
		return false
	}
	// The verb and the words after it, without the preposition before the
	// place ("no" of "estou no Japão" is no negation).
	lead := strings.TrimRightFunc(s[m[0]:m[g]], unicode.IsSpace)
	if i := strings.LastIndexFunc(lead, unicode.IsSpace); i >= 0 {
		lead = lead[:i]
	}
	clause := afterLastMark(pre, ".;!?。！？\n")
	before := lastWords(clause, 2)
	if reAbroadNot.MatchString(lead) || reAbroadNot.MatchString(before) || reRomanianNot.MatchString(before) {
		return false
	}
	if reAbroadPast.MatchString(lead) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s[m[g]:])
	switch {
	case m[0] == m[g] && unicode.In(first, unicode.Hiragana, unicode.Katakana, unicode.Han):
		return jaWritersPlace(pre, rest)
	case m[0] == m[g] && unicode.Is(unicode.Hangul, first):
		return koWritersPlace(clause)
	}
	verb := strings.TrimLeftFunc(lead, notLetter)
	if strings.HasPrefix(verb, "我") && reZhNotStay.MatchString(rest) && !strings.Contains(s[m[0]:m[g]], "是") {
		return false
	}
	// A Vietnamese pronoun opens its clause: after a noun it is a
	// possessive ("em gái tôi ở Paris": my sister in Paris).
	if hasAnyPrefix(verb, []string{"tôi", "em", "mình", "chúng"}) && !clauseStart(pre) {
		return false
	}
	if hasAnyPrefix(verb, []string{"sono", "siamo", "sunt", "suntem"}) {
		pre := strings.TrimRightFunc(pre, unicode.IsSpace)
		return clauseStart(pre) || hasAnySuffix(pre, []string{" io", " eu", " noi"})
	}
	return true
}

// lastWords is the last n words of s.
func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

// koWritersPlace reports whether a Korean place whose clause before it is
// clause is the writer's: no subject or topic in the clause but the
// writer and words for now ("친구가 파리 여행 중" is the friend's).
func koWritersPlace(clause string) bool {
	for _, sm := range reKoSubject.FindAllStringSubmatch(clause, -1) {
		if !slices.Contains(koSelf, sm[1]) {
			return false
		}
	}
	return true
}

// reCJKPlaceTime is a place written in Han, kana or Hangul before the
// CJK word for time ("ロンドン時間", "阿姆斯特丹时间", "파리 시간") or in
// parentheses ("（阿姆斯特丹）"), which cjkPlaceTime writes as the gazetteer
// reads them, "(<name> time)" and "(<name>)". reCJKNotZone is a zone the
// writer sets aside ("日本時間ではなく", "不是北京时间").
var (
	reCJKPlaceTime = compileOnUse(`(` + cjkPlaceAlt + `)\s?(?:時間|时间|時刻|시간)|\(\s*(` + cjkPlaceAlt + `)\s*\)`)
	reCJKNotZone   = regexp.MustCompile(`\([^()]{1,40}\)\s*(?:ではなく|じゃなくて|じゃなく|이\s?아니라|가\s?아니라|아니고)|(?:不是|而不是|并非|並非)\s*\([^()]{1,40}\)`)
)

// cjkPlaceTime rewrites a place's clock written with the CJK word for time,
// or the place in parentheses, as the gazetteer's name, and drops a zone
// the writer sets aside; s has the CJK zone phrases cjkTime knows
// rewritten already (and full-width parentheses made ASCII).
func cjkPlaceTime(s string) string {
	// Both readers need a word for time or a parenthesis, and a place
	// written in Han, kana or Hangul: most tickets hold neither.
	if !strings.Contains(s, "(") && !strings.Contains(s, "時間") && !strings.Contains(s, "时间") && !strings.Contains(s, "時刻") && !strings.Contains(s, "시간") || !cjkScript(s) {
		return s
	}
	re := reCJKPlaceTime()
	s = re.ReplaceAllStringFunc(s, func(m string) string {
		sm := re.FindStringSubmatch(m)
		if sm[1] != "" {
			return " (" + cjkPlaces[sm[1]] + " time) "
		}
		return " (" + cjkPlaces[sm[2]] + ") "
	})
	return reCJKNotZone.ReplaceAllString(s, " ")
}

// prefixAlternatives is alternatives' alternation of m's keys in
// descending byte order: a name comes after the longer names it is a
// prefix of ("new york city" before "new york"), so the longest name
// still wins where several start, and names that share a prefix stand
// side by side, where the regexp parser factors the prefix out: a scan
// tries each first letter once at each byte, not every name.
func prefixAlternatives(m map[string]string) string {
	keys := quotedKeys(m) // timeext.go
	sort.Sort(sort.Reverse(sort.StringSlice(keys)))
	return strings.Join(keys, "|")
}
