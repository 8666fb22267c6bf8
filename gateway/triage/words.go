package triage

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Word classes, each a list of phrases in ticket words. Kept as data so a
// reason can quote the phrase that fired.
var (
	// assertWords are outage words that claim more than the writer saw:
	// the service is down, nothing works, nobody can.
	assertWords = mkPhrases("down", "outage", "is down", "went down", "offline", "dead", "nothing work*",
		"nothing is working", "completely broken", "totally broken", "fell over", "on fire", "nobody can", "no one can",
		"noone can", "nobody is able", "no one is able", "none of our customers can", "none of them can", "nobody could",
		"no one could", "en panne",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"niemand kann", "niemand kan", "personne ne peut", "nadie puede", "ninguém consegue", "ninguém pode", "nessuno riesce",
		"nessuno può", "nikt nie może", "nikt nie moze", "ingen kan", "ingen får", "ingen kunde", "kukaan ei pääse", "kukaan ei voi",
		"nikdo nemůže", "nikdo se nemůže", "kimse giremiyor", "kimse yapamıyor", "никто не может", "никто не может войти")
	// outage words claim a service is down for everyone, not one request.
	outageWords = mkPhrases("down", "outage", "is down", "went down", "offline", "unavailable", "unreachable",
		"not loading", "wont load", "doesnt load", "nothing work*", "nothing is working", "completely broken",
		"totally broken", "dead", "500s", "502s", "503s", "5xx", "bad gateway", "service unavailable",
		"internal server error", "gateway timeout", "blank page", "white screen", "cant access", "cannot access",
		"cant reach", "cannot reach", "crash*", "fell over", "on fire", "nobody can", "no one can", "noone can",
		"nobody is able", "no one is able", "none of our customers can", "none of them can", "nobody could", "no one could",
		"indisponible", "en panne", "non disponibile", "niet beschikbaar", "nicht erreichbar",
		// down in the languages whose tickets the tuning sets hold few of
		"ligger nede", "er nede", "ligger nere", "är nere", "alhaalla", "mimo provoz", "лежит", "çöktü", "挂了", "宕机", "崩了", "瘫痪", "落ちて", "다운",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"niemand kann", "niemand kan", "personne ne peut", "nadie puede", "ninguém consegue", "ninguém pode", "nessuno riesce",
		"nessuno può", "nikt nie może", "nikt nie moze", "ingen kan", "ingen får", "ingen kunde", "kukaan ei pääse", "kukaan ei voi",
		"nikdo nemůže", "nikdo se nemůže", "kimse giremiyor", "kimse yapamıyor", "никто не может", "legat nere", "låg nere",
		"varit nere", "været nede", "har været nede", "ligget nede", "lå nede", "vært nede", "har vært nede", "ligger nede",
		"ligt plat", "ligt eruit", "lag plat", "plat gelegen", "padło", "padł", "padła", "wywaliło", "nefunkční", "mimo provoz",
		"spadlo", "spadl", "está caído", "esta caido", "se cayó", "fora do ar", "caiu", "è giù", "non va più", "ist down",
		"ist ausgefallen", "ausgefallen", "ist tot", "tombé en panne", "hors service", "hors ligne", "kaatui", "nurin", "on alhaalla",
		"çöktü", "çökmüş", "erişilemiyor", "не работает вообще", "упал", "упало", "лёг", "легло", "ダウン", "落ちて", "落ちました", "使えない状態",
		"挂掉", "宕了", "用不了", "다운됐*", "먹통",
		// round eighteen: "(service) unavailable" in the rest of the 17 languages of the variants
		// that write words apart (in Japanese, Chinese and Korean the phrase is
		// mostly an error page's text, one attempt's symptom: not listed)
		"nicht verfügbar", "nicht verfugbar", "non è disponibile", "non e disponibile", "no disponible", "no está disponible", "indisponível", "indisponivel", "niedostępn*",
		"otillgänglig", "inte tillgänglig", "ei saatavilla", "ei käytettävissä", "poissa käytöstä", "nedostupn*", "kullanılamıyor", "hizmet dışı",
		"недоступ*", "ikke tilgængelig", "utilgængelig", "ikke tilgjengelig", "utilgjengelig")
	// failure words say something fails without claiming how widely.
	// emptyResults are a search or list that finds nothing: "returns zero
	// results", "keine Treffer", "aucun résultat".
	emptyResults = []string{"zero results", "no results", "0 results", "nothing found", "no products found", "returns nothing",
		"keine ergebnisse", "keine treffer", "aucun résultat", "aucun resultat", "sin resultados", "ningún resultado", "nessun risultato",
		"geen resultaten", "inga resultat", "inga träffar", "brak wyników", "nenhum resultado", "sem resultados", "ei tuloksia",
		"nincs találat", "žádné výsledky", "žiadne výsledky", "nema rezultata", "нет результатов", "ничего не найдено",
		"sonuç bulunamadı", "tidak ada hasil", "walang resulta", "見つかりません", "找不到", "没有结果", "결과가 없",
		"sıfır sonuç", "ürün bulunamadı", "ingen resultater", "ingen treff", "nula výsledků", "žádné produkty", "ei tuotteita", "0 tulosta",
		// round fourteen: finds or returns nothing, in the 17 languages of the variants
		"ne renvoie plus rien", "ne renvoie rien", "ne trouve rien", "ne trouve plus rien", "ne donne rien", "no devuelve nada", "no encuentra nada",
		"não retorna nada", "não encontra nada", "non restituisce nulla", "non trova nulla", "non trova niente", "findet nichts", "liefert nichts",
		"vindt niets", "geeft niets", "hittar inget", "hittar ingenting", "finder intet", "finder ingenting", "finner ingenting", "nic nie znajduje",
		"nic nie zwraca", "nic nenajde", "nenajde nic", "ei löydä mitään", "ei löydy mitään", "hiçbir şey bulamıyor", "hiçbir sonuç", "ничего не находит",
		"何も表示されません", "何も出てこない", "什么都搜不到", "搜不到", "아무것도 안 나*"}
	// loggedOut are a session thrown away against the user's will:
	// "keeps logging me out", "werde rausgeworfen", "me déconnecte".
	loggedOut = []string{"logged out", "logs me out", "logging me out", "kicked out", "kicks me out", "thrown out",
		"wieder abgemeldet", "sofort abgemeldet", "rausgeworfen", "rausgeschmissen", "me déconnecte", "suis déconnecté",
		"me desconecta", "me saca", "uitgelogd", "eruit gegooid", "utloggad", "loggas ut", "wylogowuje", "wylogowało",
		"wyrzuca mnie", "odhlásí", "odhlašuje", "kijelentkeztet", "выкидывает", "разлогинивает", "oturumu kapatıyor",
		"mi disconnette", "me desloga", "kirjaa ulos", "odjavljuje", "одјављује", "ログアウトされ", "被登出", "로그아웃되"}
	failureWords = mkPhrases(append(append([]string{"not working", "isnt working", "doesnt work", "dont work", "stopped working", "wont work",
		"broken", "broke", "fail*", "error*", "cant", "cannot", "can not", "unable", "couldnt", "wont",
		"stuck", "not going through", "doesnt go through", "rejected", "exception", "bug", "500 error*", "error 500",
		"http 500", "status 500", "500 internal", "500 server", "502", "503", "504",
		"keeps failing", "not receiving", "not received", "never arrived", "never arrive*", "didnt arrive", "not sent",
		"not showing", "wrong", "never received", "never got", "didnt receive", "did not receive", "havent received",
		"didnt get", "not getting", "not get", "incorrect", "times out", "timed out", "timing out", "timeout*", "hang*", "freez*",
		"dont get", "do not get", "doesnt arrive", "dont arrive", "not arriving", "dont receive", "do not receive",
		"stopped going out", "stopped arriving", "stopped sending", "stopped coming", "stopped being sent", "stopped loading",
		"not accepted", "isnt accepted", "wont accept", "doesnt accept", "locked out", "kept loading", "keeps loading",
		"loading forever", "invalid", "not valid", "isnt valid", "no order", "not created", "wasnt created", "never created",
		// the words most tickets in other languages use for the same
		"kaputt", "fehler", "fehlermeldung*", "funktioniert nicht", "geht nicht", "nicht moglich", "nicht möglich", "echou*", "échou*",
		"erreur", "refuse", "falha*", "nao funciona*", "não funciona*", "refusé*", "ne fonctionne pas", "ne marche pas", "no funciona*", "falla",
		"fallan", "fallo", "fallando", "errore",
		"non funziona*", "werkt niet", "lukt niet", "foutmelding", "een fout", "gaat fout", "ging fout", "foutcode*",
		"nie działa*", "nie dziala*", "nie powiodła", "nie powiodło", "nie przeszła", "nie przeszło", "błąd*", "nie można",
		"fungerar inte", "fungerade inte", "funkar inte", "felmeddelande*", "kunde inte", "kan inte", "går inte",
		"não conseguiu", "não consegue", "não conseguimos", "não conseguem", "nao conseguiu", "erro", "indisponível", "não carrega",
		"no podemos", "no pueden", "no se puede", "no carga", "kan niet", "konnten nicht", "kann nicht", "können nicht",
		"ne peuvent pas", "ne peut pas", "impossible de",
		// something expected does not show up
		"não aparece", "nao aparece", "no aparece", "napparaît pas", "napparait pas", "erscheint nicht", "taucht nicht auf",
		"non appare", "verschijnt niet", "syns inte", "nie pojawia", "se nezobrazuje", "nem jelenik meg", "не появляется",
		"ne pojavljuje", "görünmüyor", "tidak muncul", "ei näy", "nevidím",
		// Japanese and Chinese (read character by character, see tokenize),
		// Korean and Turkish: errors, failures, "cannot"
		"エラー", "できません", "できない", "できなかった", "失敗", "障害", "不具合", "つながらない", "繋がらない",
		"失败", "无法", "無法", "不能", "错误", "錯誤", "出错", "出錯", "报错", "報錯", "打不开", "打不開",
		"오류*", "에러*", "실패*", "안 돼*", "안돼*", "할 수 없*", "hata*", "çalışmıyo*", "açılmıyo*", "olmuyo*", "başarısız",
		// fails, cannot, did not arrive, timed out, went wrong, stopped
		// working in the languages whose tickets the tuning sets hold few of
		"virker ikke", "fungerer ikke", "kan ikke", "kunne ikke", "får ikke", "fik ikke", "fikk ikke", "kommer ikke", "mislykke*",
		"fejlen", "fejlede", "fejler", "fejlmeddelelse*", "feilen", "feilet", "feiler", "feilmelding*",
		"op med at virke", "sluttet å virke", "sluttet å fungere", "gik galt", "gikk galt", "misslyck*", "gick fel", "slutade fungera", "slutat fungera",
		"ei toimi", "eivät toimi", "ei onnistu", "ei pääse", "eivät pääse", "en pääse", "ei voi", "eivät voi", "en ole saanut",
		"ei tule", "eivät tule", "ei lataudu", "virhe*", "epäonnistu*", "meni vikaan", "lakkasi toimimasta", "aikakatkais*",
		"nefunguje", "nefungují", "nejde", "nejdou", "nemůž*", "nelze", "nedaří", "chyba", "chyby", "chybu", "chybou", "chybov*", "vyprš*", "selhal*", "pokazilo", "nepřiš*",
		"nie mogą", "nie może", "nie możemy", "nie mogę", "przestał*", "poszło nie tak", "nie dotarł*", "nie przyszł*",
		"не могут", "не может", "не можем", "не могу", "не получается", "не работает", "не работают", "ошибк*", "сбой*",
		"перестал*", "пошло не так", "не приход*", "не пришл*", "не пришел", "не пришёл", "тайм-аут", "таймаут",
		"yapamıyo*", "yapamadı*", "giremiyo*", "giremedi*", "alamıyo*", "alamadı*", "gelmiyo*", "gelmedi", "ters gitti", "zaman aşımı",
		"schiefgelaufen", "schiefgegangen", "ne fonctionne plus", "sest mal passé", "dejó de funcionar", "salió mal", "no llega*",
		"smesso di funzionare", "andato storto", "non arriva*", "non riusciamo", "non riescono", "parou de funcionar", "deu errado",
		"correu mal", "não chega*", "werkt niet meer", "ging iets mis", "misgegaan", "mislukt", "komt niet aan", "komen niet aan",
		"届いていません", "届かない", "届きません", "届いていない", "使えません", "使えない", "タイムアウト", "問題が発生",
		"挂了", "宕机", "崩了", "瘫痪", "不了", "超时", "收不到", "没收到", "出了问题",
		"수 없*", "못 하*", "못하*", "못 했*", "못했*", "시간 초과*", "타임아웃*",
		"kamen nicht an", "kam nicht an", "kommen nicht an", "kommt nicht an", "안 됩니다", "안됩니다", "되지 않*", "오지 않*", "받지 못*",
		// round fourteen: not receiving, not arriving, in the 17 languages of the variants, the negator after the verb too
		"bekommen keine", "bekommen keinen", "erhalten keine", "kriegen keine", "ontvangen geen", "krijgen geen", "får inga", "får ingen", "fick inga",
		"fick ingen", "modtager ikke", "modtog ikke", "har ikke modtaget", "mottar ikke", "mottok ikke", "har ikke mottatt", "eivät saa", "ei saa",
		"emme saa", "en saa", "en saanut", "eivät saaneet", "ei tullut", "eivät saapuneet", "ei saapunut", "nechod*", "nepřichází", "nepřicház*",
		"nedostáv*", "nedostal*", "nedorazil*", "neobdržel*", "nie dostają", "nie dostaje", "nie dostałem", "nie dostałam", "nie otrzymał*",
		"не получа*", "не получил*", "не доход*", "не дошл*", "ulaşmıyor", "ulaşmadı", "届かな*", "届いてない", "没收到", "收不到", "안 와요", "안 옵니다",
		"발송되지 않*", "전송되지 않*", "미발송*", "가지 않았*",
		"ne reçoivent plus", "ne reçoivent pas", "ne reçoit pas", "nai pas reçu", "no reciben", "no recibe", "no recibimos", "não recebem", "não estão recebendo",
		"não recebeu", "non ricevono", "non riceve", "non arrivano",
		// cannot, failing, in the same languages, the forms the lists missed
		"en pysty", "eivät pysty", "ei pysty", "emme pysty", "nemůžou", "nemohou", "nejde to", "не получается", "не удаётся", "не удается",
		"yapamıyorum", "tamamlayamıyor*", "hata veriyor", "hata alıyorum", "hata alıyoruz", "リンクが切れ", "付不了", "没法", "用不了", "登不上", "进不去",
		"안 되*", "안돼요", "失敗しました", "できなくなり",
		// fails, invalid, does not show, in the same languages
		"fallis*", "fallit*", "non riuscit*", "non è riuscit*", "non va", "invalide*", "inválid*", "invalid*", "ungültig*", "ongeldig*", "ogiltig*",
		"nieprawidłow*", "neplatn*", "geçersiz", "недействител*", "неверн*", "virheellinen", "virheellisiä", "ugyldig*", "pas possible",
		"안 나와*", "안 나옵*", "안 떠요", "안 보여*", "안 보입*", "表示されません", "表示されない", "显示不出来", "不显示",
		// casual writing: French without "ne", chat forms, slang
		"ça marche pas", "ça fonctionne pas", "marche pas", "fonctionne pas", "jarrive pas", "on arrive pas", "on peut pas", "peut pas",
		"geht net", "funzt nicht", "funzt net", "klappt nicht", "klappt net", "não tá funcionando", "não está funcionando", "n funciona", "não tá indo",
		"no jala", "no sirve", "no va", "nn funziona", "nn va", "non va", "nejede", "nejde to", "funker ikke", "funka ikke", "funkar ej", "fungerar ej",
		"не пашет", "не робит", "落ちてる",
		// inflected forms the stems above miss: Polish "błędem", Czech "selže", Russian "не проходит"
		"błęd*", "selže", "selžou", "selháv*", "не проход*", "не прошл*", "не прошёл", "не прошел", "schlägt fehl", "schlagen fehl", "schlug fehl",
		"kończy się błędem", "mislykkes", "feiler", "mislyktes", "misslyckas", "başarısız oluyor",
		// getting an error, where "fel", "fejl", "feil" alone also say wrong
		"får ett fel", "får fel", "fick ett fel", "fick fel", "får en fejl", "fik en fejl", "får en feil", "fikk en feil", "får feil", "fikk feil",
		// round seventeen: "still no …" — what should have come has not, in the 17 languages of the variants
		"still no", "still not", "still havent", "still hasnt", "still nothing", "immer noch keine", "noch immer keine",
		"immer noch nicht", "noch immer nicht", "toujours pas", "toujours rien", "todavía no", "sigo sin", "ainda não", "ainda nada",
		"ancora nessun*", "ancora niente", "nog steeds geen", "nog steeds niet", "nog altijd geen", "nadal brak", "nadal nie",
		"wciąż nie", "wciąż brak", "fortfarande ingen", "fortfarande inget", "fortfarande inte", "vieläkään", "stále žádn*", "pořád žádn*",
		"stále nic", "hâlâ gelmedi", "hâlâ yok", "до сих пор нет", "до сих пор не", "всё ещё нет", "все еще нет", "stadig ingen",
		"stadig ikke", "fortsatt ingen", "fortsatt ikke", "まだ届いていません", "まだ届かない", "まだ届きません", "还没收到", "仍然没有",
		"아직도 안", "아직 안 왔*",
		"fehlgeschlagen", "fehlerseite*", "fejlside*", "feilside*", "felsida*", "foutpagina*", "virhesivu*",
		// French and Italian write the article onto the noun: "une page d'erreur", "l'errore"
		"derreur*", "lerreur*", "lerrore", "dellerrore", "unerrore", "mislukte", "misslyckades", "epäonnistui", "selhala", "selhalo", "başarısız oldu",
		// round eighteen: French "en échec" (failed), Ukrainian "I cannot", "it did not work out"
		"échec*", "echec*", "не можу", "не можемо", "не можуть", "не вдалося", "не вдається", "не працює",
		// round twenty-one: fails, cannot, error, did not arrive in Catalan
		// (the article and pronoun written onto the word: "no m'arriba"),
		// Icelandic and Hungarian
		"no puc", "no podem", "no poden", "no pot", "no sha pogut", "no ha pogut", "no marriba", "no ens arriba", "no arriben",
		"ha fallat", "mistókst", "mistekst", "villu", "villuboð*", "virkar ekki", "virkaði ekki", "get ekki", "gat ekki",
		"getum ekki", "komst ekki", "kemst ekki", "kom ekki", "kemur ekki", "fór aldrei í gegn", "fer ekki í gegn", "barst ekki",
		"nem működik", "nem megy", "nem tudok", "nem tudott", "nem tudtak", "nem tudunk", "hiba*", "hibá*", "sikertelen*",
		"nem jött meg", "nem jön meg", "nem érkezett", "nem sikerült",
		// round twenty-two: the concept in Croatian (and Serbian, Bosnian in Latin script) and Romanian, as natives write it
		"ne radi", "ne rade", "nije radilo", "ne mogu", "ne može", "ne možemo", "ne primaju", "ne primam", "ne primamo", "ne stiže", "ne stižu",
		"nije stigao", "nije stigla", "nije stiglo", "nisu stigli", "greška", "grešku", "greške", "greškom", "pogreška", "pogrešku",
		"neuspješn*", "nije uspjel*", "nije uspio", "nije prošl*", "ne prolazi", "nu funcționează", "nu functioneaza", "nu merge", "nu a mers",
		"nu mergea", "nu pot", "nu putem", "nu poate", "nu a putut", "nu au putut", "nu primesc", "nu primim", "nu mai primesc", "nu a ajuns",
		"nu au ajuns", "nu vine", "nu vin", "eroare", "eroarea", "erori", "a eșuat", "au eșuat", "eșuat*",
		"eșuează"}, emptyResults...), loggedOut...)...)
	degradedWords = mkPhrases("slow", "slowly", "sluggish", "latency", "laggy", "lag", "takes forever", "taking forever",
		"ages to load", "very long", "spinning", "spinner", "转圈", "intermittent*", "sometimes", "occasionally", "some requests",
		"partially", "partial", "degraded", "flaky", "every now and then", "on and off", "delayed", "delay*", "late",
		// slow, and taking long, in the languages tickets come in
		"langsam", "dauert ewig", "dauert lange", "dauert sehr lange", "lädt ewig", "lent", "lente", "lenteur*", "très long",
		"prend du temps", "met du temps", "lento", "lenta", "lentitud", "tarda mucho", "lentezza", "rallentament*", "lentidão",
		"demora*", "traag", "langzaam", "duurt lang", "duurt erg lang", "duurt heel lang", "heel lang", "erg lang", "långsam*", "tar lång tid", "langsom*",
		"tager lang tid", "tar lang tid", "treg", "wolno", "powoli", "trwa długo", "długo trwa", "spowolnien*", "pomal*",
		"trvá dlouho", "trvá dlho", "lassú", "lassan", "încet", "durează mult", "yavaş*", "uzun sürüyor", "hidas*", "hitaa*",
		"kestää kauan", "медленн*", "долго", "тормоз*", "повільн*", "довго", "бавн*", "sporo", "споро", "traje dugo", "αργή",
		"αργό", "αργεί", "איטי*", "بطيء", "بطء", "chậm", "lambat", "aeglane", "aeglaselt", "lėtai", "lėtas", "lēni", "lēns",
		"mabagal", "धीमा", "धीमी", "遅い", "很慢", "慢", "느려*", "느림",
		// late, delayed, in the scripts read a character a token
		"遅れ", "遅延", "延迟", "延遲", "지연*", "이상 걸*", "오래 걸*",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"lentísim*", "lentisim*", "lentissim*", "va lenta", "va lento", "tarda muchísimo", "tarda mucho", "ci mette", "ci vuole tanto",
		"molto lento", "molto lenta", "muito lenta", "muito lento", "demora muito", "tregt", "trege", "treigt", "tar lang tid",
		"tager lang tid", "tar evigheter", "tar en evighet", "tager en evighet", "trvá věčnost", "strasznie wolno", "bardzo wolno",
		"wolno działa", "muła", "kestää ikuisuuden", "kestää todella kauan", "aşırı yavaş", "çok yavaş", "çok uzun sürüyor", "ewig",
		"eeuwen", "duurt eeuwen", "traag", "erg traag", "遅く", "遅すぎ", "重い", "重く", "時間がかか", "特别慢", "好慢", "太慢", "卡顿", "很卡", "너무 느*",
		"한참 걸*", "тормозит", "долго грузит",
		// round fourteen: partially, in the 17 languages of the variants
		"teilweise", "en partie", "partiellement", "parcialmente", "in parte", "gedeeltelijk", "częściowo", "delvis", "osittain",
		"částečně", "kısmen", "частично", "一部", "部分的", "부분적*",
		// round twenty-two: the concept in Croatian (and Serbian, Bosnian in Latin script) and Romanian, as natives write it
		"spora", "jako sporo", "traje vječno", "učitava se dugo", "lentă", "foarte lent", "durează o veșnicie", "se încarcă greu",
		// round twenty-two: taking very long, and the spinner, in Polish, Czech, French, Italian and Swedish
		"bardzo długo", "strasznie długo", "trwają długo", "kręci się kółko", "kręci się kółeczko", "trvají dlouho", "hrozně dlouho", "točí se kolečko", "kolečko se točí", "prennent très longtemps", "la roue tourne", "tantissimo tempo", "ci mettono molto tempo", "la rotellina gira", "jättelänge", "hjulet snurrar")
	manyWords = mkPhrases("everyone", "everybody", "all users", "all our users", "all of our users", "all customers",

		"all our customers", "all of our customers", "all of us", "whole team", "entire team", "nobody", "no one",
		"noone", "none of our", "none of the", "many users", "many customers", "lots of users", "lots of customers",
		"multiple users", "multiple customers", "several customers", "several users", "hundreds", "thousands",
		"dozens", "widespread", "site wide", "sitewide", "entire site", "whole site", "every customer", "every user",
		"across the board", "all regions", "all stores", "our customers", "customers are", "users are", "all of them",
		"other customers too", "complaints", "flooded", "flooding", "everything", "a lot of users", "a lot of customers",
		"lot of our users", "lot of our customers", "a bunch of customers", "a bunch of users", "a bunch of people",
		// told by someone else: the customer's customers are "their"
		"their staff", "their customers", "their users", "all their", "all of their", "none of their", "their whole team",
		"their entire team", "lots of their", "a lot of their", "many of their", "most of their",
		// everyone and the whole shop in the languages whose tickets the tuning sets hold few of
		"모두", "전원*", "전부", "keiner der", "keine der", "keiner unserer", "keiner ihrer", "keine ihrer", "kaikille",
		// complaints, said in more languages
		"жалуются", "se plaignent", "se quejan", "si lamentano", "reclamam", "klagen", "klager", "klagar", "skarżą się",
		"stěžují si", "valittavat", "şikayet*", "불만", "苦情", "投诉", "kaikilla", "koko kauppa", "alle kunder", "alle vores kunder", "alle våre kunder",
		"hele butikken", "hela butiken", "toute la boutique", "toda la tienda", "tutto il negozio", "de hele winkel", "cały sklep",
		"celý obchod", "весь магазин", "все покупатели", "все клиенты", "všichni zákazníci", "herkese", "tüm mağaza", "大家", "みんな",
		"loads of customers", "loads of users", "plenty of customers", "lots of our customers", "lots of people", "a lot of people",
		"half of", "most of", "any of our", "all of our staff", "all staff", "our staff", "whole staff", "all employees", "most customers",
		"most users", "majority", "every single", "all orders", "all payments",
		"all logins", "all requests", "every request", "every order", "every payment", "not a single", "zero orders",
		"unsere kunden", "alle kunden", "keine kunden", "kein kunde", "niemand", "tous nos clients", "tous les clients",
		"nos clients", "aucun client", "personne ne", "todos los clientes", "nuestros clientes", "ningun cliente",
		"nadie", "tutti i clienti", "nessun cliente", "i nostri clienti", "alle klanten", "onze klanten",
		"våra kunder", "alla kunder", "ingen kund", "nasi klienci", "naszych klientów", "wszyscy klienci", "żaden klient",
		"nossos clientes", "todos os clientes", "nenhum cliente", "ninguém", "nuestros usuarios", "nos utilisateurs", "unsere nutzer",
		"誰も", "全員", "すべてのお客様", "全てのお客様", "多くのお客様", "所有", "全部", "大量", "很多", "多数",
		// round thirty-one: "all stores" in Japanese, both word orders
		"全店舗", "店舗すべて", "店舗全て",
		"아무도", "모든", "hiçbir", "hiç kimse", "tüm müşteri*", "bütün müşteri*", "müşterilerimiz*",
		// everyone and no one in the languages beyond the tuning sets'
		// round twenty-three: Hindi "all" and "customers", beside an
		// unread report (the Vietnamese are in unreadMany)
		"सभी", "सब ग्राहक", "सभी ग्राहकों",
		"lahat", "semua", "tất cả", "ทุกคน", "כולם", "όλοι", "всички", "всі", "kaikki", "mindenki", "visi", "toți", "svi",
		"všichni", "všetci", "wszyscy", "herkes", "tothom", "tots els", "totes les", "cap dels", "ningú", "nitko", "niko", "nikdo", "nikto",
		"senki", "kukaan", "nimeni", "никто", "ніхто", "никой", "niekas", "neviens", "κανείς", "walang", "tiada",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"nikt", "kimse", "ingen kan", "ingen får", "ingen kunde", "ingen av", "ingen af", "asiakkaamme", "asiakkaille",
		"kaikki asiakkaat", "kukaan asiakkaista", "našim zákazníkům", "naši zákazníci", "našich zákazníků", "všem zákazníkům",
		"vores kunder", "kunderne", "våre kunder", "kundene våre", "kundene", "kunderna", "нашим клиентам", "наши клиенты",
		"наших клиентов", "всем клиентам", "nasi klienci", "naszym klientom", "wszystkim klientom", "我们的客户", "客户都", "用户都", "所有客户",
		"所有用户", "고객들*", "사용자들*", "회원들*", "모든 고객*", "お客様全員", "全てのユーザー", "müşteriler", "müşterilere", "kullanıcılar*", "tüm kullanıcı*",
		// round fourteen: chat forms of nobody and everyone
		"ngm", "ninguem consegue", "nadie puede", "todo el mundo", "tout le monde", "iedereen", "alle sammen",
		"ни у кого", "ни у одного", "ни один", "ни одна", "ни одного",
		// round twenty-two: the concept in Croatian (and Serbian, Bosnian in Latin script) and Romanian, as natives write it
		"kupci", "naši kupci", "svi kupci", "korisnici", "svi korisnici", "mnogi kupci", "klijenti", "clienții", "clientii", "clienții noștri",
		"toți clienții", "utilizatorii", "mai mulți", "mai multi", "mulți clienți")
	oneWords = mkPhrases("only me", "just me", "only for me", "for me", "one customer", "a customer", "one user",
		"a user", "single user", "my account", "one of our customers", "one order", "a single", "only one",
		"one of their customers", "one of her customers", "one of his customers", "his account", "her account",
		"only my", "on my end", "a few customers", "a couple of customers", "one client",
		"jeden z naszych klientów", "jedna z naszych klientek", "uno de nuestros clientes", "una de nuestras clientas", "un de nos clients",
		"une de nos clientes", "einer unserer kunden", "eine unserer kundinnen", "een van onze klanten", "en av våra kunder",
		"um dos nossos clientes", "uma cliente nossa", "uno dei nostri clienti", "una delle nostre clienti")
	// selfWords describe the writer's own attempt: what one person sees.
	// They make symptom words ("502", "service unavailable") one user's
	// failure, but not a claim that a service is down for all.
	selfWords = mkPhrases("i cant", "i cannot", "i can not", "i couldnt", "i could not", "i get", "i got", "i keep getting", "i tried",
		"ive tried", "my cart", "my order", "my payment", "my card", "my phone", "my laptop", "my browser", "gives me",
		"ich kann", "meine", "mein konto", "je ne peux", "je narrive", "no puedo", "mi cuenta", "mi pedido",
		"non riesco", "ik kan",
		// the writer's own attempt ("I tried") in the languages tickets
		// come in, beyond the lists' own
		"ég reyndi", "reyndi ég", "jag försökte", "försökte jag", "jag provade", "provade jag", "jeg prøvde", "prøvde jeg",
		"jeg forsøkte", "ik heb geprobeerd", "heb ik geprobeerd", "ik probeerde", "jai essayé", "jai essaye", "he intentado",
		"intenté", "probé", "ho provato", "ho cercato di", "eu tentei", "tentei", "próbowałem", "próbowałam", "zkoušel jsem",
		"zkoušela jsem", "yritin", "próbáltam", "am încercat", "я пытался", "я пыталась", "pokušao sam", "pokušala sam",
		"maine", "koshish ki", "tôi đã thử", "saya sudah coba", "saya mencoba", "i have been trying", "ive been trying",
		"and i have both", "and i both",
		// round eighteen: "I cannot" in the first person of the verb, in the
		// 17 languages of the variants and Ukrainian (Turkish: turkishFirstPerson)
		"не могу", "не можу", "nie mogę", "nie moge", "nemůžu", "nemohu", "jag kan inte", "jeg kan ikke", "en pysty", "en pääse",
		"en voi", "não consigo", "nao consigo", "no consigo", "non posso", "ich kann nicht", "je narrive pas", "ik kan niet",
		// round twenty-three: "I could not" told in the past (a report of
		// yesterday's or this morning's attempt), and the Indonesian and
		// Greek first person, which the lists above lacked (not the
		// Vietnamese: "tôi không" would teach "không", and a Vietnamese
		// report read in part no longer falls back on the logs)
		"ich konnte nicht", "konnte ich nicht", "ich konnte mich nicht", "konnte ich mich nicht", "je nai pas pu", "je nai pas réussi", "no pude", "no he podido", "non sono riuscito",
		"non sono riuscita", "non ho potuto", "não consegui", "nao consegui", "ik kon niet", "kon ik niet", "jag kunde inte",
		"kunde jag inte", "jeg kunne ikke", "kunne jeg ikke", "nie mogłem", "nie mogłam", "nie udało mi się", "nemohl jsem",
		"nemohla jsem", "nepodařilo se mi", "en voinut", "en päässyt", "en pystynyt", "nem tudtam", "nu am putut", "nisam mogao",
		"nisam mogla", "nisam uspio", "nisam uspjela", "я не мог", "я не могла", "я не смог", "я не смогла", "я не міг",
		"я не змогла", "я не зміг", "saya tidak bisa", "saya gak bisa", "saya nggak bisa", "saya tidak dapat", "aku tidak bisa",
		"aku gak bisa", "δεν μπορούσα", "δεν μπόρεσα", "δεν μπορώ")
	// selfNow is round twenty-one's: the writer's attempt, mostly in the
	// present ("I have been trying for 20 minutes", and a few past forms
	// selfWords lacks: "denedim", "sinubukan ko", "try kiya"), and the
	// writer's own card, order or account, in languages selfWords did not
	// have. Not
	// learned (mkFlowWords): "kar" or "kiya" alone does not make Hinglish
	// a language the lists read.
	selfNow = mkFlowWords("im trying", "i am trying", "jessaie", "jessaye", "estoy intentando", "lo intento", "intento pagar", "intento entrar", "llevo una hora intentando", "sto provando", "sto cercando di",
		"estou tentando", "estou a tentar", "ich versuche", "ik probeer", "jag försöker", "jeg prøver", "próbuję", "пытаюсь",
		"намагаюся", "deniyorum", "denedim", "saya coba", "sinubukan ko", "sinusubukan ko", "nag-try ako",
		"koshish kar raha", "koshish kar rahi", "try kar raha", "try kar rahi", "try kiya", "try pannen", "try panren", "try panniten",
		"ma carte", "ma commande", "mon compte", "mon panier", "mi tarjeta", "mi compra", "la mia carta", "il mio ordine",
		"il mio account", "meu cartão", "o meu cartão", "minha encomenda", "meine karte", "mijn kaart", "mijn bestelling")
	// ownThings are the writer's own card, payment, order or account, a
	// possessive and a noun in the languages tickets come in, and Turkish
	// nouns with the first person's possessive suffix ("kartımla",
	// "siparişim"). Not learned (mkFlowWords), as selfNow: "mera" alone
	// does not make Hinglish a language the lists read.
	ownThings = mkFlowWords("my card", "my payment", "my order", "my account", "my phone",
		"ma carte", "mon paiement", "ma commande", "mon compte", "mon téléphone",
		"mi tarjeta", "mi pago", "mi pedido", "mi compra", "mi cuenta", "mi teléfono",
		"la mia carta", "il mio pagamento", "il mio ordine", "il mio account", "il mio telefono",
		"meu cartão", "o meu cartão", "meu pagamento", "meu pedido", "minha conta", "minha encomenda",
		"meine karte", "meine zahlung", "meine bestellung", "mein konto", "mein handy",
		"mijn kaart", "mijn betaling", "mijn bestelling", "mijn account", "mijn telefoon",
		"kartım*", "kredi kartım*", "ödemem*", "siparişim*", "hesabım*", "telefonum*",
		"mera card", "meri card", "mera payment", "meri payment", "mera order", "mera account", "mera phone")
	// unreadMany is round twenty-three's: everyone, no one and all
	// customers in languages the lists do not read, not learned
	// (mkFlowWords): "ai" and "cũng" would make a Vietnamese report read
	// in part, and it would no longer fall back on its logs.
	unreadMany = mkFlowWords("ai cũng", "tất cả khách", "khách hàng đều", "không ai",
		// and no one and all customers in Icelandic, Slovenian, Lithuanian,
		// Estonian, Arabic, Persian and Thai, the languages an unread
		// report comes in
		"enginn viðskiptavinur", "enginn getur", "engir viðskiptavinir", "allir viðskiptavinir", "nobena stranka", "noben kupec", "nihče", "vse stranke", "nė vienas",
		"visi klientai", "mitte ükski", "kõik kliendid", "keegi ei", "جميع العملاء", "كل العملاء", "لا أحد", "همه مشتریان",
		"هیچ مشتری", "ลูกค้าทุกคน")
	payingWords = mkPhrases("paying customer", "enterprise", "premium", "vip", "biggest customer", "biggest client",
		"key account", "key customer", "sla", "contract", "platinum", "gold plan", "top customer", "largest customer")
	howtoWords = mkPhrases("how do i", "how can i", "how do we", "how can we", "how to", "is it possible", "is there a way",
		"where can i", "where do i", "where is the", "can you explain", "could you explain", "what does", "what is the",
		"documentation", "docs", "guide", "tutorial", "question", "wondering", "can i", "do you support", "does it support",
		"any way to", "best way to", "help me understand", "walk me through", "what are the steps", "instructions",
		// asking how in the languages tickets come in
		"wie kann ich", "wie können wir", "wie kann man", "wie ändere", "wie stelle", "comment puis-je", "comment faire", "comment changer",
		"どうすれば", "方法を教えて", "設定できますか", "できますか", "如何", "怎么", "怎樣", "怎样", "nasıl",
		"cómo puedo", "como puedo", "cómo se", "cómo cambio", "come posso", "come si", "hoe kan ik", "hoe kunnen we", "hoe stel",
		"hur kan jag", "hur gör", "hur ändrar", "jak mogę", "jak zmienić", "como posso", "como faço", "como alterar",
		// told by someone else: the writer would like to know
		"like an explanation", "want an explanation", "wants an explanation", "asks for an explanation", "asked for an explanation",
		"like to know why", "wants to know why", "want to know why", "asks why", "asked why", "asking why",
		"jak můžu", "jak mohu", "jak ho", "jak ji", "kde najdu", "je možné", "podporuje", "podporujete", "hvordan kan", "hvordan gør",
		"hvordan gjør", "miten voin", "miten saan", "kuinka voin", "как мне", "как можно", "где найти", "어떻게", "どこで", "在哪", "能不能",
		"可不可以", "是否可以", "能否", "hvordan får jeg", "hvordan får vi", "hvordan får man", "hvordan kan vi",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"hur byter jag", "hur ändrar jag", "hur gör jag", "hur kan man", "hur lägger jag", "hur får jag", "hur ställer jag",
		"miten vaihdan", "miten voi", "miten saan", "miten teen", "miten lisään", "miten muutan", "kuinka vaihdan", "kuinka saan",
		"как поменять", "как изменить", "как сменить", "как сделать", "как добавить", "как настроить", "hoe verander ik",
		"hoe wijzig ik", "hoe pas ik", "hoe doe ik", "hoe zet ik", "hoe voeg ik", "hvordan skifter jeg", "hvordan ændrer jeg",
		"hvordan tilføjer jeg", "hvordan bytter jeg", "hvordan endrer jeg", "hvordan legger jeg", "jak si změním", "jak změním",
		"jak nastavím", "jak přidám", "jak udělám", "jak ustawić", "jak dodać", "jak zrobić", "jak zmienić", "wie ändere ich",
		"wie stelle ich", "wie füge ich", "comment changer", "comment modifier", "comment ajouter", "comment on", "cómo cambio",
		"cómo puedo", "como faço pra", "como faço para", "como mudo", "como troco", "come cambio", "come posso", "come faccio",
		"nasıl değiştir*", "nasıl ekle*", "nasıl yapabilirim", "どうやって", "方法を教えてください", "怎么改", "怎么修改", "怎么设置", "如何修改", "如何设置", "어떻게 변경*",
		"어떻게 바꾸*", "어떻게 하나요",
		// round twenty-three: "how do I use" (points, a voucher, a
		// feature), which the verb lists above lacked
		"hvordan bruger jeg", "hvordan bruker jeg", "hvordan bruger man", "hvordan bruker man", "hur använder jag",
		"hur använder man", "hoe gebruik ik", "wie benutze ich", "wie nutze ich", "wie verwende ich", "comment utiliser",
		"comment utilise-t-on", "cómo uso", "cómo utilizo", "como uso", "como utilizo", "come uso", "come utilizzo", "jak używać",
		"jak wykorzystać", "jak použít", "jak použiju", "miten käytän", "kuinka käytän", "как использовать", "как воспользоваться",
		// round twenty-two: the concept in Croatian (and Serbian, Bosnian in Latin script) and Romanian, as natives write it
		"kako mogu", "kako da", "kako se", "kako promijeniti", "gdje mogu", "gdje se", "gdje je", "gdje naći", "možete li mi objasniti",
		"cum pot", "cum se", "cum schimb", "cum fac", "unde pot", "unde găsesc",
		// round twenty-two: questions, wishes and invoices in Greek, Vietnamese and Hebrew, as natives write them
		"πώς μπορώ", "πώς μπορούμε", "πώς να", "πού μπορώ", "πού βρίσκω", "làm sao để", "làm sao", "ở đâu")
	featureWords = mkPhrases("feature request", "would be nice", "would be great", "would love", "it would help",
		"please add", "could you add", "can you add", "suggestion", "suggest", "wish", "roadmap", "request a feature",
		"support for", "nice to have", "idea", "enhancement", "would it be possible",
		// "would it be possible" in the languages tickets come in
		"sarebbe possibile", "wäre es möglich", "ware es moglich", "serait-il possible", "serait il possible", "sería posible",
		"seria possível", "seria possivel", "zou het mogelijk", "skulle det vara möjligt", "czy byłoby możliwe", "czy można by",
		"bylo by možné", "bolo by možné", "bi li bilo moguće", "da li bi bilo moguće", "было бы возможно", "можно ли было бы",
		"mümkün olur mu", "apakah mungkin", "lehetséges lenne", "olisiko mahdollista", "kas oleks võimalik", "ar būtų galima",
		"vai būtu iespējams", "θα ήταν δυνατόν", "האם אפשר יהיה", "هل من الممكن", "liệu có thể", "seria possible", "ar fi posibil",
		// round twenty-four: "is it possible to add", asked outright (not
		// after a "not": notAsked; "proposta" is left out, it is also a
		// buyer's offer)
		"is it possible to add", "possible to add", "è possibile aggiungere", "sarebbe possibile aggiungere", "si potrebbe aggiungere", "es posible añadir", "es posible agregar",
		"possible d'ajouter", "possible dajouter", "é possível adicionar", "seria possível adicionar", "ist es möglich hinzuzufügen",
		"路线图", "ロードマップ", "로드맵", "hoja de ruta", "feuille de route", "tiekartta*", "plán rozvoje", "yol harita*",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"wäre super", "wäre toll", "wäre schön", "wäre gut", "wäre praktisch", "wäre hilfreich", "wünschen uns", "ce serait génial",
		"ce serait bien", "ce serait top", "ce serait super", "serait pratique", "estaría genial", "estaría bien", "sería genial",
		"sería útil", "seria ótimo", "seria bom", "seria legal", "seria útil", "sarebbe fantastico", "sarebbe bello", "sarebbe utile",
		"zou mooi zijn", "zou fijn zijn", "zou handig zijn", "zou top zijn", "byłoby super", "byłoby fajnie", "byłoby dobrze",
		"byłoby świetnie", "przydałoby się", "przydałaby się", "vore toppen", "vore bra", "vore kul", "vore smidigt",
		"skulle vara bra", "skulle vara toppen", "olisi hienoa", "olisi kiva", "olisi mukava", "olisi hyvä", "olisi kätevää",
		"bylo by super", "bylo by fajn", "bylo by dobré", "bylo by skvělé", "hodilo by se", "çok iyi olur", "harika olur",
		"güzel olur", "faydalı olur", "eklenmesini", "было бы здорово", "было бы хорошо", "было бы удобно", "было бы отлично",
		"хотелось бы", "ville være fedt", "ville være rart", "ville være godt", "ville være super", "ville være smart",
		"hadde vært fint", "hadde vært kjempefint", "ville vært fint", "hadde vært flott", "ville vært flott", "嬉しいです", "追加してほしい",
		"追加していただけ", "機能を追加", "就太好了", "希望能", "建议增加", "希望增加", "能不能加", "좋겠습니다", "좋겠어요", "추가해 주시면", "추가해주시면", "기능 추가",
		// round fourteen: plans and wishes, in the 17 languages of the variants
		"finns det planer", "har ni planer", "önskemål", "gibt es pläne", "habt ihr pläne", "haben sie pläne", "avez-vous prévu",
		"est-il prévu", "hay planes", "tienen planes", "têm planos", "tem planos", "ci sono piani", "avete in programma",
		"zijn er plannen", "hebben jullie plannen", "czy planujecie", "onko suunnitelmissa", "suunnitteilla", "plánujete",
		"planlıyor musunuz", "планируете ли", "есть ли планы", "er der planer", "har i planer", "er det planer",
		"har dere planer", "予定はありますか", "有计划", "计划支持", "계획이 있*", "sugestão", "sugerencia", "suggerimento", "suggestie", "sugestia",
		"förslag", "ehdotus", "návrh na", "öneri", "предложение", "forslag", "wunsch", "souhait",
		// round twenty-two: the concept in Croatian (and Serbian, Bosnian in Latin script) and Romanian, as natives write it
		"bilo bi super", "bilo bi dobro", "bilo bi lijepo", "bilo bi korisno", "možete li dodati", "prijedlog", "ar fi grozav", "ar fi bine",
		"ar fi util", "ar fi super", "puteți adăuga", "sugestie",
		// round twenty-two: questions, wishes and invoices in Greek, Vietnamese and Hebrew, as natives write them
		"θα ήταν υπέροχο", "θα ήταν ωραίο", "θα ήταν καλό", "πρόταση", "sẽ rất tuyệt", "sẽ tốt hơn nếu", "đề xuất", "יהיה נהדר", "יהיה מעולה", "יהיה נחמד", "הצעה")
	billingWords = mkPhrases("invoice*", "refund*", "billing", "billed", "receipt*", "subscription", "pricing", "price",
		"plan", "vat", "tax", "charged", "charge", "credit note", "payment method", "upgrade", "downgrade", "renewal",
		"quote", "purchase order", "w-9", "w9", "rechnung*", "gutschrift", "facture*", "factura*", "fattura*", "factuur",
		"remboursement", "reembolso", "rimborso", "erstattung", "ruckerstattung", "rückerstattung",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"fatura*", "faktur*", "lasku", "laskun", "laskut", "laskua", "laskulla", "laskussa", "laskutus*", "счёт за", "счет за",
		"счет-фактур*", "счёт-фактур*", "счета на оплату", "請求書", "領収書", "発票", "发票", "收据", "청구서*", "영수증*", "세금계산서*", "인보이스*",
		"rachunek", "rachunku", "paragon*", "účtenk*", "kvitto", "kvittering*", "kuitti*", "makbuz*", "quittung", "reçu de paiement",
		"recibo*", "ricevuta", "bon",
		// round twenty-two: the concept in Croatian (and Serbian, Bosnian in Latin script) and Romanian, as natives write it
		"račun za", "računa za", "račune za", "povrat novca", "factură", "facturii", "facturile", "rambursare",
		// round twenty-two: questions, wishes and invoices in Greek, Vietnamese and Hebrew, as natives write them
		"τιμολόγι*", "hóa đơn", "hoá đơn", "חשבונית*")
	cosmeticWords = mkPhrases("typo", "misspell*", "spelling", "misaligned", "alignment", "aligned", "font", "colour",
		"color", "cosmetic", "css", "logo", "icon", "overlap*", "dark mode", "pixelated", "few pixel", "pixel off", "looks off", "looks weird", "ugly",
		"padding", "margin", "capitalization", "capitalisation", "translation", "wording",
		// round seventeen: a typo, a layout off, text cut off, "only cosmetic", "a small thing", "not a big deal",
		// in the 17 languages of the variants
		"cut off", "truncated", "unprofessional", "not a big deal", "small thing", "minor thing", "missing letter",
		"tippfehler", "schreibfehler", "rechtschreibfehler", "abgeschnitten", "verrutscht", "unprofessionell", "kleinigkeit", "nur optisch", "schönheitsfehler",
		"faute de frappe", "faute dorthographe", "coquille", "mal aligné", "décalé", "tronqué", "pas professionnel", "petit détail", "esthétique",
		"errata", "falta de ortografía", "descolocado", "desalineado", "poco profesional", "estético", "pequeño detalle", "nada grave",
		"erro de digitação", "erro de ortografia", "desalinhado", "desalinhada", "pouco profissional", "estética", "detalhe pequeno", "coisa pequena",
		"refuso", "errore di battitura", "disallineato", "poco professionale", "estetico", "piccolezza", "piccolo dettaglio",
		"typfout", "spelfout", "afgekapt", "onprofessioneel", "cosmetisch", "kleinigheid",
		"literówka", "literówkę", "literówki", "przesunięty", "ucięty", "nieprofesjonalnie", "kosmetyczn*", "drobiazg", "drobnostka",
		"stavfel", "felstavning", "förskjuten", "avklippt", "oproffsigt", "kosmetisk*", "småsak", "skönhetsfel",
		"kirjoitusvirhe", "lyöntivirhe", "kosmeettinen", "pikkujuttu", "epäammattimainen*",
		"překlep", "kosmetick*", "useknut*", "maličkost", "neprofesionální*",
		"yazım hatası", "kozmetik", "ufak bir şey", "küçük bir şey", "profesyonel görünmüyor",
		"опечатк*", "съехал*", "обрезан*", "косметическ*", "мелочь", "непрофессионально",
		"stavefejl", "tastefejl", "afskåret", "lille ting", "uprofessionelt",
		"skrivefeil", "stavefeil", "småting", "uprofesjonelt",
		"誤字", "タイプミス", "見た目だけ", "错别字", "錯字", "拼写错误", "错位", "小问题", "오타", "맞춤법", "사소한",
		// round twenty-four: a layout that looks odd, an element shifted
		// onto or over another ("looks broken" is left out: "the checkout
		// looks broken for all our customers" is an outage)
		"looks odd", "looks strange", "overlaps the", "overlapping text", "text overlaps",
		"ずれて", "ずれてい", "重なって", "重なってい", "はみ出", "重叠", "挡住", "遮住", "겹쳐", "겹칩니다")
	// inquiryWords name a ticket a question, or ask to be called back:
	// low when nothing failed, and no weight against a failure told beside
	// them ("Frage" over a report, "Bitte um Rückruf!" under an outage).
	inquiryWords = mkPhrases(append(slices.Clone(questionNouns), callBackList...)...)
	// callBacks are inquiryWords' call-back phrases, by the first word
	// of each as the set holds it (a hit shares its phrase's words),
	// recorded once: the list follows questionNouns in inquiryWords.
	callBacks = func() map[*string]bool {
		m := map[*string]bool{}
		for _, p := range inquiryWords.list[len(questionNouns):] {
			m[&p[0]] = true
		}
		return m
	}()
	// callBackList are inquiryWords' asks to be called back.
	callBackList = []string{"call me back", "call me", "please call", "give me a call", "ring me", "call-back", "callback", "rückruf", "rufen sie mich",
		"ruft mich", "rappelez-moi", "me rappeler", "llámame", "llámenme", "llamadme", "me liguem", "me ligue", "ligar para mim",
		"richiamatemi", "richiamarmi", "mi richiami", "chiamatemi", "bel me", "terugbellen", "bel mij", "oddzwonić", "zadzwonić do mnie",
		"ring mig", "ringa mig", "ringa upp", "soittakaa minulle", "soittopyyntö", "zavolejte mi", "zavolat zpět", "arayın", "arar mısınız",
		"beni arar mısınız", "geri arama", "перезвоните", "позвоните мне", "ring til mig", "ring meg", "ring tilbake", "お電話ください",
		"電話してください", "折り返し", "请给我打电话", "请回电", "给我回电", "전화 부탁*", "전화 주세요", "전화 주시*", "연락 부탁*",
		// round forty: a call to the writer asked in Arabic and Hebrew ("أرجو
		// الاتصال بي", "أن يتصل بي أحد", "اتصلوا بي", "תחזרו אליי"): "بي",
		// me, makes it a call to the writer, not a connection to something
		// ("اتصل بي" unvowelled is also "he called me": not listed)
		"الاتصال بي", "يتصل بي", "اتصلوا بي", "تتصلوا بي", "التواصل معي",
		"תחזרו אליי", "תחזרו אלי", "להתקשר אליי", "להתקשר אלי", "שיתקשרו אליי", "שיחזרו אליי"}
	// questionNouns are inquiryWords' names of a question.
	questionNouns = []string{"frage", "dúvida", "duda", "pregunta", "consulta", "domanda", "vraag", "pytanie", "fråga", "kysymys",
		"dotaz", "soru", "вопрос", "spørgsmål", "spørsmål", "質問", "問い合わせ", "请问", "請問", "문의", "질문"}
	// complianceWords name a security review's paperwork: a question
	// about it names breaches and incidents as its topic, not as news.
	complianceWords = mkPhrases("questionnaire", "soc 2", "soc2", "iso 27001", "penetration test*", "pentest*", "security review",
		"vendor assessment", "due diligence", "fragebogen", "cuestionario", "questionário", "questionario", "vragenlijst",
		"kwestionariusz*", "frågeformulär*", "kyselylomake*", "dotazník*", "anket*", "анкет*", "spørgeskema*", "spørreskjema*",
		"質問票", "问卷", "설문*", "penetrationstest*", "test de pénétration", "prueba de penetración", "teste de penetração",
		"test di penetrazione", "testy penetracyjne", "penetrační test*", "sızma testi", "пентест*")
	securityWords = mkPhrases(append([]string{"breach", "breached", "hacked", "hack", "compromised", "unauthorized access",
		"unauthorised access", "unauthorized login", "leak*", "exposed", "exposing", "account takeover", "taken over",
		"someone elses data", "someone elses account", "other customers data", "another customers data",
		"other users data", "vulnerability", "xss", "sql injection", "csrf", "stolen", "phishing",
		"suspicious login*", "security incident", "security issue", "data exposure", "password leak*", "key leak*",
		// someone else acted in the account, or one customer sees another's data
		"unknown ip*", "ip we dont know", "ip we do not know", "unrecognised ip*", "unrecognized ip*", "unknown device*",
		// round eighteen: a sign-in from a device the writer does not know, in the 17 languages of the variants
		"device i dont recognize", "device i dont recognise", "device i dont know", "unbekannten gerät*", "unbekanntes gerät",
		"fremden gerät*", "appareil inconnu", "appareil que je ne connais pas", "dispositivo desconocido", "dispositivo que no conozco",
		"dispositivo desconhecido", "dispositivo sconosciuto", "onbekend apparaat", "onbekende apparaat", "nieznanego urządzenia",
		"nieznane urządzenie", "okänd enhet", "okända enhet*", "tuntemattomalta laitteelta", "tuntematon laite", "neznámého zařízení",
		"neznámé zařízení", "bilinmeyen cihaz*", "tanımadığım bir cihaz*", "tanımadığım cihaz*", "неизвестного устройства",
		"неизвестное устройство", "незнакомого устройства", "ukendt enhed", "ukjent enhet", "知らない端末", "見知らぬ端末", "不明な端末",
		"陌生设备", "未知设备", "不认识的设备", "모르는 기기*", "알 수 없는 기기*", "모르는 기기에서",
		"none of us did", "did not do this", "didnt do this", "wasnt us", "wasnt me", "someone elses",
		"a different person", "another person*", "a stranger*",
		// takeover and suspicious sign-ins in the languages tickets come in
		"gehackt", "übernommen", "verdächtige anmeldung*", "piraté*", "connexions suspectes", "hackeado*",
		"inicios de sesión sospechosos", "overgenomen", "verdachte inlog*", "hackat*", "tagit över", "misstänkta inloggningar",
		"zhakowan*", "podejrzane logowani*", "acessos suspeitos",
		"credenciais expostas", "credenciales expuestas", "identifiants exposés", "credenziali esposte", "zugangsdaten offengelegt",
		"inloggegevens blootgesteld", "divulgação responsável", "divulgación responsable", "divulgation responsable",
		"divulgazione responsabile", "verantwortungsvolle offenlegung", "odpowiedzialne ujawnienie", "ansvarsfuld offentliggørelse", "overtaget",
		"overtatt", "kapret", "kapad*", "przejęt*", "převzal*",
		"乗っ取", "不正アクセス", "不正ログイン", "被盗", "盗号", "被黑", "入侵", "해킹*", "hacklendi", "ele geçir*",
		// a data leak and a break-in in the languages beyond the tuning sets'
		"veri sızıntısı", "adatszivárgás", "витік даних", "витік", "утечка данных", "утечка", "únik dát", "únik údajů",
		"curenje podataka", "цурење података", "изтичане на данни", "διαρροή", "דליפת מידע", "דליפה", "تسريب", "kebocoran data",
		"情報漏えい", "情報漏洩", "の漏えい", "の漏洩", "信息泄露", "数据泄露", "資料外洩", "数据泄漏", "정보 유출*", "개인정보 유출*", "정보유출*",
		"rò rỉ dữ liệu", "tietovuoto", "andmeleke", "duomenų nutekėjimas", "datu noplūde", "scurgere de date", "fuga de dades",
		"datalekkasje", "datalæk", "डेटा लीक", "feltört*", "взлом*", "зламал*", "зламан*", "хакер*", "hakkeroi*", "hakiran*",
		"hacknut*", "hackl*", "χακάρ*", "נפרץ", "פרצו", "اختراق*", "diretas", "digodam", "bị hack", "įsilauž*", "uzlauz*",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"alguien entró en mi cuenta", "alguien ha entrado en mi cuenta", "alguém entrou na minha conta",
		"qualcuno è entrato nel mio account", "quelquun sest connecté à mon compte", "iemand is in mijn account",
		"ktoś zalogował się na moje konto", "ktoś się zalogował", "ktoś zalogował się", "někdo se přihlásil do mého účtu",
		"někdo se mi přihlásil", "joku kirjautui tililleni", "joku on kirjautunut", "någon har loggat in på mitt konto",
		"någon loggade in på mitt konto", "någon har loggat in", "nogen har logget ind på min konto",
		"noen har logget inn på kontoen min", "biri hesabıma", "birisi hesabıma", "hesabıma biri", "hesabıma birisi", "誰かが私のアカウント",
		"勝手にログイン", "身に覚えのないログイン", "有人登录了我的", "有人登录我的", "有人登了我的", "被人登录", "누군가 제 계정", "누가 제 계정", "누군가 내 계정", "누가 내 계정",
		"кто-то зашёл в мой", "кто-то зашел в мой", "кто-то вошёл в мой", "кто-то вошел в мой", "кто-то залогинился",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"누군가 제 계정*", "누가 제 계정*", "누군가 내 계정*", "누가 내 계정*",
		// round fourteen: another person's data, a data breach, in the 17 languages of the variants
		"fremde daten", "fremde kundendaten", "daten eines anderen", "einer anderen person", "eines anderen kunden",
		"datenschutzvorfall", "datenpanne", "données dun autre client", "datos de otro cliente", "dados de outro cliente",
		"dati di un altro cliente", "gegevens van een andere klant", "dane innego klienta", "uppgifter om en annan kund",
		"toisen asiakkaan tiedot", "údaje jiného zákazníka", "başka bir müşterinin", "данные другого клиента", "他人の情報", "别人的信息",
		"다른 고객의 정보", "en anden kundes", "en annen kundes", "violation de données", "brecha de datos", "violazione dei dati", "datalek",
		"naruszenie danych", "dataintrång", "tietoturvaloukkaus", "únik dat", "veri ihlali",
		// round twenty-two: the concept in Croatian (and Serbian, Bosnian in Latin script) and Romanian, as natives write it
		"cineva a intrat", "cineva mi-a schimbat parola", "cont spart", "netko je ušao", "netko se prijavio", "promijenio mi lozinku",
		// round twenty-four: someone is in the writer's account; another person's details shown to the writer
		"someone is in my account", "someones in my account", "somebody is in my account", "someone has been in my account",
		"someone got into my account",
		// round thirty-nine: an unauthorized sign-in in Turkish, control of
		// the account taken, and an account stolen to use in Chinese
		"izinsiz giriş*", "took control of my account", "taken control of my account", "pris le contrôle de mon compte",
		"pris le contrôle de notre compte", "tomado el control de mi cuenta", "tomou o controle da minha conta", "盗用了我的账号",
		"盗用我的账号", "账号被盗用"}, otherPersonsDetails...)...)
	dataLossWords = mkPhrases("data loss", "lost data", "data lost", "data was lost", "lost all", "lost our", "lost my",
		"was lost", "were lost", "got lost", "corrupt*", "data missing", "missing data", "lost order*",
		"orders are missing", "orders missing", "records missing",
		// round seventeen: a customer's stored history or data all vanished, in Han, kana and Hangul
		"履歴がすべて消え", "履歴が消え", "データが消え", "データがすべて消え", "记录全部消失", "记录都消失", "数据全部消失", "数据丢失",
		"订单全部消失", "记录全部不见", "내역이 모두 사라*", "내역이 사라*", "데이터가 사라*", "데이터가 모두 사라*",
		// "were lost" in the languages tickets come in
		"se perdieron", "se han perdido", "se perdió", "perdimos", "verloren gegangen", "sind verloren", "ont été perdu*", "sont perdu*",
		"sono andati persi", "sono andate perse", "foram perdido*", "se perderam", "zaginęł*", "gingen verloren",
		// round eighteen: "were lost" in the rest of the 17 languages of the variants
		"zostały utracone", "zostało utracone", "utracone", "andati persi", "andate perse", "verloren zijn gegaan", "verloren is gegaan",
		"utraciliśmy", "straciliśmy", "verloren gegaan", "zijn verloren",
		"gått förlorade", "har gått förlorade", "menetettiin", "ovat menetetty", "byly ztraceny", "se ztratily",
		"ztratily se", "kaybedildi", "были потеряны", "потеряны", "утеряны", "gået tabt", "er gået tabt",
		"gått tapt", "har gått tapt", "sont perdues", "ont été perdues", "失われ", "손실되었*", "유실되었*",
		"データが消え", "数据丢失", "資料遺失", "丢失了",
		// data lost, and things (plural) that vanished, in the languages
		// beyond the tuning sets': "products vanished" is stored data, "the
		// error vanished" is singular in these languages
		"adatvesztés", "втрата даних", "потеря данных", "ztráta dat", "strata dát", "gubitak podataka", "губитак података",
		"απώλεια δεδομένων", "אובדן מידע", "فقدان البيانات", "kehilangan data", "mất dữ liệu", "tietojen menetys", "andmekadu",
		"duomenų praradimas", "datu zudums", "pierdere de date", "pèrdua de dades", "kadonneet", "зникли", "исчезли",
		"eltűntek", "zmizli", "zmizely", "nestali", "nestale", "нестали", "изчезнаха", "εξαφανίστηκαν", "נעלמו", "اختفت",
		"van desaparèixer", "pazuda", "kadus",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"注文が消え", "注文がすべて消え", "注文が全部消え", "注文データが消え", "订单都不见了", "订单不见了", "订单全没了", "订单消失", "订单全部消失", "주문이 전부 사라*", "주문이 사라*",
		"주문이 모두 사라*", "데이터가 사라*", "데이터가 날아*")
	// vanishWords say something is no longer there. They are data loss only
	// when what vanished is stored data ("all our reviews vanished") and
	// someone other than the writer removed it; "the error is gone" or "the
	// old logo is gone" says a problem or a picture went away.
	vanishWords = mkPhrases("deleted", "got deleted", "disappeared", "vanished", "wiped", "erased", "gone missing",
		"all gone", "are gone", "is gone", "no longer there", "not there anymore", "not there any more", "nicht mehr da",
		"plus là", "ya no están", "ya no aparecen", "não aparecem mais",
		"borrado", "borrados", "borradas", "eliminado", "eliminados", "eliminadas", "desaparecido*", "desaparecieron",
		"apagado", "apagados", "apagadas", "sumiram", "sumiu", "gelöscht", "verschwunden", "supprimé", "supprimés", "supprimées",
		"disparu*", "verwijderd", "verdwenen", "raderat", "raderade", "försvunn*", "usunięte", "usunięto", "zniknęł*",
		"cancellati", "cancellate", "scompars*", "spariti", "sparite",
		// vanished in the languages beyond the tuning sets'
		"biến mất", "dispăr*", "zmizl*", "nestal*", "eltűn*", "kadon*", "исчез*", "зник*", "εξαφαν*", "נעלמ*", "hilang",
		"nawala", "dingin*", "izginil*", "pazud*", "dingo", "dingę", "zniknął", "zniknęła", "zniknęło",
		// Danish, Norwegian and Turkish verbs say "vanished" the same of one
		// thing and of many: what vanished decides, as in English
		"forsvant", "forsvandt", "er væk", "er borte", "kayboldu", "silindi", "yok oldu",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"är borta", "borta", "forsvundet", "forsvunnet", "forsvundne", "消え", "なくなっ", "不见了", "消失了", "没有了", "사라졌*", "사라지*", "пропал*", "исчезл*", "zmizel*",
		"zniknęły", "zniknely", "kayboldu", "kaybolmuş",
		// round fifteen: "I deleted it" in the languages whose verb says who
		"sildim", "silmişim", "smazal*", "usunąłem", "usunęłam", "удалил*", "slettede", "slettet",
		// round seventeen: more of those verbs, and deleting in Han, kana and Hangul
		"borré", "eliminé", "apaguei", "excluí", "cancellato", "cancellata", "eliminato", "eliminata", "poistin", "削除", "删除", "删掉", "삭제*")
	// storedData are the things a shop keeps whose loss is data loss.
	storedData = mkPhrases("data", "order*", "cart*", "review*", "product*", "customer*", "record*", "account*",
		"histor*", "file*", "document*", "invoice*", "photo*", "image*", "upload*", "listing*", "content*", "setting*",
		"inventor*", "stock", "catalog*", "entr*", "database*", "backup*", "transaction*", "report", "reports",
		"bestellung*", "daten", "commande*", "donnee*", "données", "pedido*", "datos", "ordini", "dati",
		// orders, carts and data in the languages beyond the tuning sets'
		"koszyk*", "zamówie*", "ordre*", "ordrar*", "beställning*", "košar*", "objednáv*", "rendelés*", "tilau*", "sipariş*", "đơn hàng", "заказ*", "замовлен*",
		"παραγγελ*", "הזמנ*", "pesanan", "comenzi*", "comenzil*", "datele", "údaj*", "podat*", "adat*", "tiedo*", "данн*", "дані",
		// what a shop keeps for its customers: saved cards, profiles, reviews
		"card*", "profile*", "address*", "wishlist*", "reseña*", "valoracion*", "opiniones", "bewertung*", "avis",
		"beoordeling*", "recension*", "recensioni", "opinie", "avalia*", "produkt*", "produit*", "producto*", "prodott*",
		"bestelling*", "zamówieni*", "ordrar", "kund*", "klant*", "client*", "cliente*", "gegevens", "dados", "uppgifter", "dane",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"注文", "订单", "訂單", "주문*", "ordrer*", "ordrene", "tilauk*", "siparişler*",
		// round seventeen: an account's content and saved addresses, in the 17 languages of the variants
		"innehåll*", "inhalt*", "contenu", "contenido", "conteúdo", "contenuto", "inhoud", "zawartoś*", "sisältö*", "obsah*",
		"içerik*", "содержим*", "indhold*", "innhold*", "adress*", "adresse*", "direcci*", "endereço*", "indirizz*", "adres*",
		"osoit*", "kort", "korten", "karty", "kartlar*", "карты", "productfoto*", "productomschrijving*", "artikel*",
		"compte", "cuenta", "konto", "kontot", "kontoon", "аккаунт*",
		// round twenty-four: a learner's stored progress, what a course
		// platform keeps (the owner's: "my progress", "course progress";
		// not a progress bar, nor an order "in progress")
		"my progress", "our progress", "course progress", "learning progress", "i miei progressi", "suoi progressi", "sus progresos", "seus progressos", "mis progresos", "mi progreso",
		"meu progresso", "o meu progresso", "mes progrès", "mein fortschritt*", "meine fortschritt*", "lernfortschritt*", "mijn voortgang", "mój postęp", "moje postępy", "mina framsteg",
		"edistym*", "pokrok*", "ilerleme*", "прогресс*", "进度", "進捗", "진도")
	// resolutionWords close a thread: the problem went away.
	resolutionWords = mkPhrases("works again", "working again", "work again", "is back", "are back", "back to normal",
		// round twenty-four: the writer could now do what failed ("am putut finaliza comanda")
		"am putut finaliza", "am reușit să finalizez", "jai pu finaliser", "pude finalizar", "he podido finalizar",
		"consegui finalizar", "sono riuscito a completare", "sono riuscita a completare", "ho potuto completare",
		"udało mi się złożyć", "udało mi się sfinalizować",
		"back up", "all good", "gone now", "never mind", "nevermind", "resolved", "fixed now", "is fixed", "been fixed",
		"thanks for fixing", "thank you for fixing", "thanks for the fix", "thanks for the quick fix", "close the ticket",
		"close this ticket", "can be closed", "you can close", "problem solved", "issue solved", "all sorted",
		"sorted now", "no longer an issue", "no longer happening", "werkt weer", "mag dicht", "kan dicht",
		"funktioniert wieder", "geht wieder", "kann geschlossen", "fonctionne a nouveau", "fonctionne à nouveau",
		"marche a nouveau", "marche à nouveau", "funciona de nuevo", "ya funciona", "funziona di nuovo", "risolto",
		"resolu", "résolu", "gelost", "gelöst", "opgelost", "erledigt",
		"cest réglé", "cest regle", "réglé", "passent de nouveau", "fonctionne de nouveau", "marche de nouveau", "funciona otra vez",
		"funciona de novo", "voltou a funcionar", "já funciona", "fungerar igen", "funkar igen", "działa już", "już działa", "znowu działa",
		"werkt het weer", "läuft wieder", "klappt wieder",
		// the plural of the same verbs: "die Zahlungen laufen wieder"
		"laufen wieder", "funktionieren wieder", "gehen wieder", "klappen wieder",
		// "das Ticket kann geschlossen werden", with the object in between
		"ticket kann geschlossen", "ticket geschlossen werden", "ticket schließen",
		// "works again" in the languages beyond the tuning sets'
		"toimii taas", "toimii jälleen", "tekrar çalışıyor", "yeniden çalışıyor", "sorunsuz çalışıyor", "поново ради", "поново раде",
		"opet radi", "opet rade", "ponovo radi", "ponovno radi", "znovu funguje", "opäť funguje", "opět funguje", "újra működik",
		"ismét működik", "знову працює", "знову працюють", "снова работает", "снова работают", "опять работает", "отново работи",
		"virker igjen", "virker igen", "fungerer igjen", "fungerer igen", "funcționează din nou", "merge din nou",
		"berfungsi semula", "berfungsi kembali", "gumagana ulit", "עובד שוב", "עובדים שוב", "λειτουργεί ξανά", "λειτουργούν ξανά",
		"töötab jälle", "töötab taas", "vėl veikia", "atkal strādā", "torna a funcionar", "ja funciona",
		// Thai, read a character a token: "as normal already", "close the case"
		"ตามปกติแล้ว", "ปกติแล้ว", "ปิดเคส",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"zase funguje", "už funguje", "už to funguje", "už to jde", "zase to jde", "使えるようになりました", "直りました", "解決しました", "復旧しました", "正常に戻",
		"又好了", "恢复正常", "已经好了", "解决了", "다시 잘 됩*", "다시 됩*", "해결되었*", "해결됐*", "정상적으로 작동*", "정상으로 돌아*", "działa już", "już działa",
		"znów działa", "funkar nu", "virker nu", "toimii nyt", "funziona ancora", "funziona adesso", "funziona di nuovo",
		"voltou ao normal", "de nuevo funciona", "vuelve a funcionar", "ça remarche", "ca remarche", "ça refonctionne",
		"tekrar düzeldi", "düzeldi", "всё снова работает", "все снова работает", "заработало", "снова работает", "werkt weer",
		"weer normaal", "wieder normal", "wieder da", "es geht wieder",
		// round seventeen: "everything is fine now" and "I could do it" in the 17 languages of the variants
		"allt är bra", "allt är ok", "alles ist gut", "alles ist in ordnung", "tout est bon", "tout est ok", "todo está bien",
		"está todo bien", "está tudo certo", "tudo certo agora", "è tutto a posto", "tutto a posto ora", "alles is goed", "alles is in orde",
		"wszystko jest w porządku", "wszystko już działa", "kaikki on kunnossa", "vše už funguje", "her şey yolunda", "всё в порядке",
		"все в порядке", "alt er fint", "alt er godt", "alt er i orden", "alt er bra", "できるようになりました", "ログインできました", "注文できました",
		"解決できました", "可以登录了", "可以下单了", "没问题了", "문제 없어졌*", "로그인이 됩니다", "로그인 됐*")
	// closeRequests ask the desk to close the ticket, in the languages the
	// lists read: the writer has nothing left to report.
	closeRequests = mkPhrases("close the case", "close this", "close it", "slobodno zatvorite", "možete zatvoriti", "mozete zatvoriti",
		"možete zatvorit", "můžete uzavřít", "môžete uzavrieť", "možecie zamknąć", "możecie zamknąć", "można zamknąć", "można zamykać",
		"pode fechar", "podem fechar", "pueden cerrar", "puede cerrar", "podéis cerrar", "vous pouvez fermer", "pouvez clore",
		"potete chiudere", "puoi chiudere", "può chiudere", "kunnen sluiten", "kunt sluiten", "kan stängas", "kan stänga", "kan lukkes",
		"kan lukke", "voi sulkea", "voitte sulkea", "lezárhatják", "lezárhatod", "можете закрыть", "можно закрыть", "можете да затворите",
		"kapatabilirsiniz", "boleh tutup", "boleh ditutup", "bisa ditutup", "pwede nang isara", "μπορείτε να κλείσετε", "אפשר לסגור",
		"ניתן לסגור", "يمكنكم إغلاق", "có thể đóng", "võite sulgeda", "galite uždaryti", "varat slēgt", "puteți închide",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"můžete zavřít", "můžete ticket zavřít", "tiket můžete zavřít", "閉じてください", "クローズしてください", "クローズして", "可以关闭", "关掉工单", "关闭工单",
		"닫으셔도", "종료해 주세요", "닫아 주세요", "må gerne lukke", "kan lukke sagen", "kan lukke saken", "kann zu", "darf zu",
		"können das ticket schließen", "könnt das ticket schließen", "pouvez fermer", "podéis cerrar", "podem fechar o chamado",
		"potete chiudere", "mogen het ticket sluiten", "mag gesloten", "możecie zamknąć", "kan stänga ärendet", "voitte sulkea",
		"kapatabilirsiniz", "можете закрыть",
		// round eighty: "can be closed", the request in the passive, one
		// word in Turkish and Hungarian, and Arabic's
		"kapatılabilir", "lezárható", "يمكن إغلاق", "يمكن اغلاق")
	// pastQuestions ask what happened: a report of a failure that is over,
	// written to learn its cause ("works again, but what happened?").
	pastQuestions = mkPhrases("what happened", "what went wrong", "what caused", "root cause", "post-mortem", "postmortem",
		"was passiert ist", "was passiert war", "was los war", "was da los war", "wat er gebeurd is", "wat er aan de hand was",
		"wat er mis ging", "ce qui s'est passé", "ce qui sest passé", "ce qui sest passe", "qué pasó", "que pasó", "qué ha pasado",
		"lo que pasó", "lo que ha pasado", "què va passar", "què ha passat", "cosa è successo", "cosa sia successo", "o que aconteceu",
		"o que houve", "vad som hände", "vad som hänt", "co się stało", "co się działo", "mitä tapahtui", "što se dogodilo",
		"šta se desilo", "što se desilo", "šta se dogodilo", "co se stalo", "čo sa stalo", "mi történt", "что случилось",
		"что произошло", "що сталося", "що трапилося", "какво се е случило", "ne oldu", "neler oldu", "apa yang terjadi",
		"apa yang berlaku", "ano ang nangyari", "anong nangyari", "מה קרה", "τι συνέβη", "τι έγινε", "mis juhtus", "kas nutiko",
		"kas notika", "ce s-a întâmplat", "chuyện gì đã xảy ra", "điều gì đã xảy ra", "ماذا حدث", "ما الذي حدث", "क्या हुआ",
		"เกิดอะไรขึ้น", "何が起き", "何があった", "发生了什么", "發生了什麼", "무슨 일이")
	// retractions take back what the same message reported: "false
	// alarm", "forget it", "ignore my last mail".
	retractions = mkPhrases("false alarm", "forget it", "never mind", "please ignore", "disregard", "fehlalarm", "vergesst es",
		"vergessen sie", "fausse alerte", "oubliez", "falsa alarma", "olvídenlo", "olvidadlo", "falso alarme", "esqueçam", "esqueça",
		"falso allarme", "lasciate perdere", "vals alarm", "laat maar", "falskt alarm", "glöm det", "fałszywy alarm", "nieaktualne",
		"lažna uzbuna", "zaboravite", "planý poplach", "téves riasztás", "ложная тревога", "забудьте", "yanlış alarm", "väärä hälytys",
		"abaikan", "lupakan", "שכחו מזה", "ψευδής συναγερμός",
		// round seventeen: "forget my last mail" in the 17 languages of the variants
		"forget my last", "forget my previous", "ignore my last", "ignore my previous", "vergessen sie meine", "vergesst meine",
		"ignorieren sie meine", "oubliez mon", "ignorez mon", "olvide mi", "olviden mi", "ignoren mi", "esqueça meu", "esqueçam meu",
		"esqueçam o meu", "ignorem meu", "dimenticate la mia", "ignorate la mia", "vergeet mijn", "negeer mijn", "zapomnijcie o",
		"proszę zignorować", "glöm mitt", "glöm mejlet", "bortse från", "unohtakaa", "unohda edellinen", "zapomeňte na", "ignorujte",
		"önceki mailimi dikkate almayın", "dikkate almayın", "забудьте мое", "забудьте моё", "игнорируйте", "glem min", "glem mail",
		"se bort fra", "前のメールは無視", "無視してください", "请忽略", "請忽略", "무시해 주세요", "무시하셔도")
	// privacyWords are requests about a person's data (GDPR erasure or
	// access), low and about no service whatever they mention.
	privacyWords = mkPhrases("gdpr", "rgpd", "dsgvo", "subject access", "data subject", "personal data",
		"right to be forgotten", "right of access", "delete my data", "delete all my", "delete my account",
		"close my account", "erase my", "erase her", "erase his", "erase their", "anonymi*", "anonymis*", "pseudonymi*",
		"donnees personnelles", "données personnelles", "persönlichen daten", "personenbezogene", "datos personales",
		"dati personali", "persoonsgegevens",
		// the data-protection law's name in Portuguese and Polish, and erasure in
		// other languages ("avg" is also English for average: not listed)
		"lgpd", "rodo",
		// round eighteen: the data-protection laws of other countries by their names
		"kvkk", "ccpa", "cpra", "pipeda", "pipl", "popia", "個人情報保護法", "个人信息保护法", "개인정보보호법", "개인정보 보호법",
		"verwijder mijn gegevens", "mijn gegevens verwijderen", "meine daten löschen", "supprimer mes données",
		"borrar mis datos", "apagar meus dados", "radera mina uppgifter",
		// "personal data" in the languages beyond the tuning sets'
		"asmens duomen*", "dane osobowe", "danych osobowych", "osobní údaje", "osobních údajů", "osobné údaje", "osobnih podataka",
		"osobni podaci", "lični podaci", "személyes adat*", "henkilötie*", "personuppgifter", "personopplysning*", "persondata",
		"personlige data", "dati personali", "dados pessoais", "datos personales", "personas dati", "isikuandme*", "персональн* данн*",
		"персональных данных", "особист* дан*", "персонални данни", "kişisel veri*", "data pribadi", "maklumat peribadi",
		"προσωπικά δεδομένα", "προσωπικών δεδομένων", "מידע אישי", "נתונים אישיים", "البيانات الشخصية", "dữ liệu cá nhân",
		"thông tin cá nhân", "dades personals", "date personale", "datele personale",
		// round forty: the account's deletion asked for in Polish, Dutch,
		// Arabic and Hebrew ("całkowite usunięcie konta", "chcę usunąć
		// konto", "verwijder mijn account", "أرجو حذف حسابي", "למחוק את
		// החשבון"), and the Dutch law by name
		// after "conform" or "volgens" ("avg" alone is English "average").
		// Noun and infinitive forms are listed too, so a deletion that
		// fails is told apart by notFailedAsk (a failure word in the
		// sentence: "usunięcie konta nie działa"); one that failed in the
		// genitive ("nie mogę usunąć konta") or happened ("تم حذف
		// بياناتي") matches no form listed.
		"usunięcie konta", "usunięcie mojego konta", "usunąć konto", "usunąć moje konto", "usuńcie moje konto", "usuń moje konto",
		"usunięcie moich danych", "usunąć moje dane", "verwijder mijn account", "mijn account verwijderen", "conform de avg", "volgens de avg",
		// Arabic lists the ask with its object, the account or the data
		// ("أريد حذف منتج" is a cart item, "طلب حذف" also "an order's deletion")
		"طلب حذف حساب*", "طلب حذف الحساب", "طلب حذف بيانات*", "أرجو حذف حساب*", "أرجو حذف الحساب", "أرجو حذف بيانات*",
		"ارجو حذف حساب*", "ارجو حذف الحساب", "ارجو حذف بيانات*", "أريد حذف حساب*", "أريد حذف الحساب", "أريد حذف بيانات*",
		"اريد حذف حساب*", "اريد حذف الحساب", "اريد حذف بيانات*", "يرجى حذف حساب*", "يرجى حذف الحساب", "يرجى حذف بيانات*",
		"الرجاء حذف حساب*", "الرجاء حذف الحساب", "الرجاء حذف بيانات*",
		"למחוק את החשבון", "למחיקת חשבון", "למחיקת החשבון", "מחיקת חשבון", "מחיקת החשבון")
	// shareWords state a part of the requests failing, not all of them.
	// notSingle say "not a single one": none at all, a claim about
	// everyone, though a count of one stands in them ("ni un solo cliente").
	notSingle = mkPhrases("kein einziger", "keine einzige", "kein einziges", "ni un solo", "ni una sola", "nem um único", "nem uma única",
		"nem um só", "pas un seul", "pas une seule", "nemmeno un", "neanche un", "non un solo", "geen enkele", "ani jeden", "ani jedna",
		"ani jednego", "ani jednej", "inte en enda", "inte ett enda", "ei yksikään", "ei ainuttakaan", "ani jediný", "ani jediná", "ни один",
		"ни одна", "ни одного", "ikke en eneste", "ikke én eneste", "ikke et eneste", "一人も", "一件も", "一个也", "一个都", "没有一个",
		"一个客户也", "一个用户也", "一位客户也", "一个人也", "한 명도", "단 한 명도",
		// round eighteen: Spanish "ni un pago" says "not even one" without "solo"
		"ni un", "ni una", "한 건도", "没有一笔", "一笔也", "一笔都")
	shareWords = mkPhrases("some customers", "some users", "some of our", "some of their", "some of the", "some of them", "some payments",
		"some orders", "some logins", "some attempts", "some people", "some employees", "a quarter", "a third",
		"a fifth", "a tenth", "every second", "every third", "every fourth", "every fifth", "every tenth",
		"every 10th", "every 5th", "one in two", "one in three", "one in four", "one in five", "one in ten", "one in twenty",
		"one out of", "1 in", "1 out of", "percent", "per cent", "not everyone",
		"not all", "the rest", "others work", "algunos", "algunas", "einige", "manche", "certains", "quelques clients",
		"alcuni", "sommige",
		// round seventeen: "a part of" them, in the 17 languages of the variants
		"a part of our", "part of our customers", "ein teil", "einem teil", "une partie de", "une partie des", "una parte de",
		"parte de los", "parte das", "parte dos", "uma parte", "una parte dei", "una parte delle", "parte dei", "een deel van",
		"część", "en del av", "en del af", "osa", "část", "bir kısmı", "bir kısmında", "часть",
		// one in so many, in more languages
		"één op de", "een op de", "un sur", "une sur", "uno de cada", "una de cada", "uno su", "una su", "um em cada", "uma em cada",
		"joka toinen", "joka neljäs", "joka viides", "joka kymmenes", "co druga", "co drugi", "co piąta", "co piąty", "co dziesiąta",
		"každá pátá", "každá desátá", "každý pátý", "каждая пятая", "каждый пятый", "каждая десятая", "hver femte", "hver tiende", "var femte", "var tionde",
		// round fourteen: the concept in the 17 languages of the variants, as natives write it
		"jede fünfte", "jeder fünfte", "jede zweite", "jeder zweite", "jede dritte", "jeder dritte", "jede vierte", "jeder vierte",
		"jede zehnte", "jeder zehnte", "sur deux", "sur trois", "sur quatre", "sur cinq", "sur dix", "su due", "su tre", "su quattro",
		"su cinque", "su dieci", "de cada dos", "de cada tres", "de cada cuatro", "de cada cinco", "de cada diez", "em cada dois",
		"em cada três", "em cada quatro", "em cada cinco", "em cada dez", "alguns", "algumas", "niektórzy", "niektórym", "niektórych",
		"część klientów", "części klientów", "część płatności", "vissa kunder", "vissa användare", "några kunder", "några av",
		"en del kunder", "en del av", "en del af", "osa asiakkaista", "osa käyttäjistä", "osalla", "osalle", "joillakin",
		"jotkut asiakkaat", "někteří", "některým", "některé platby", "část zákazníků", "části zákazníků", "bazı", "beşte biri",
		"dörtte biri", "üçte biri", "onda biri", "некоторые", "некоторых", "некоторым", "части клиентов", "у части", "каждый второй",
		"каждый третий", "каждый десятый", "一部の", "一部のお客様", "件に1件", "人に1人", "回に1回", "部分客户", "部分用户", "一些客户", "有些客户", "有的客户", "每五笔",
		"每十笔", "分之一", "일부 고객*", "일부 사용자*", "일부", "중 1건", "중 한 건", "중 1명", "번 중 한 번", "nogle kunder", "nogle brugere", "nogle af",
		"noen kunder", "noen brukere", "noen av", "enkelte kunder", "hver anden", "hver tredje", "hver fjerde", "hver annen",
		"hver tredje", "hver fjerde", "var tredje", "var fjärde", "var annan", "joka kolmas", "co trzecia", "co trzeci", "co czwarta",
		"každá třetí", "každá druhá")
	// totalWords claim that nothing works for anyone: no share.
	totalWords = mkPhrases("everyone", "everybody", "nobody", "no one", "noone", "none of", "not a single",
		"all customers", "all our customers", "all of our customers", "all users", "all our users", "every customer",
		"every user", "every request", "every single", "niemand", "nadie", "aucun", "personne ne", "nessun", "ningun",
		"nenhum", "ninguém", "keiner", "żaden", "nikt", "ingen", "誰も", "全員", "所有", "全部", "아무도", "hiçbir", "hiç kimse",
		// for everyone, the whole shop, in the languages whose tickets the tuning sets hold few of
		"kaikille", "koko kauppa", "hele butikken", "hela butiken", "toute la boutique", "toda la tienda", "tutto il negozio",
		"de hele winkel", "cały sklep", "celý obchod", "весь магазин", "никто", "nikdo", "kukaan", "herkes", "모두", "전원")
	// paidWords and orderMissingWords together say money was taken but the
	// order failed: the outcome is the order's, whatever took the money.
	paidWords = mkPhrases("charged", "paid", "captured", "capture*", "debited", "money was taken", "abgebucht", "bezahlt", "payé",
		// the same in the other languages tickets come in
		"pagamento aprovado", "pagamento foi aprovado", "foi cobrado", "foi debitado", "pago aprobado", "se cobró", "cobrado", "débité",
		"prélevé", "addebitato", "pagato", "betaald", "afgeschreven", "dragits", "obciążon*", "zapłacon*",
		// round fifteen: Danish, Norwegian and the others of the 17 languages
		"trukket for pengene", "blevet trukket", "blitt trukket", "blitt belastet", "belastet", "veloitettiin", "veloitettu",
		"betalat", "har betalt", "strženy", "stržen*", "списали", "списаны", "para çekildi", "çekildi", "引き落とされ", "扣款", "扣了钱", "결제되었*",
		// round thirty: the bank's word that the money is held or gone
		// ("my bank app shows the money is reserved", "the payment taken",
		// the bank's purchase notice)
		"money is reserved", "money was reserved", "amount is reserved", "payment taken", "payment was taken", "money is gone",
		"money has gone", "money was gone", "notificação de compra", "dinero retenido", "montant bloqué", "betrag reserviert",
		// round forty-seven: "I paid" in Portuguese and Spanish, and the
		// card charged in Greek
		"paguei", "pagué", "χρεώθηκ*", "χρέωση πέρασε")
	orderMissingWords = mkPhrases("no order", "order wasnt", "order was not", "order isnt", "order is not",
		"order not", "order is missing", "order missing", "order never", "order didnt", "order did not",
		"never got an order", "without an order", "orders were not", "orders werent", "orders are not",
		"encomenda não", "encomenda nao", "pedido não", "pedido nao", "pedido no", "no hay pedido", "commande napparaît", "pas de commande",
		"aucune commande", "bestellung fehlt", "keine bestellung", "bestellung nicht", "ordine non", "nessun ordine", "bestelling niet",
		"geen bestelling", "zamówienie nie", "ingen order",
		"dont see any order", "dont see the order", "dont see my order", "cant see any order", "cant find my order", "cant find the order",
		"ingen ordre", "nogen ordre", "ordren blev ikke", "ordren ble ikke", "tilausta ei", "objednávka se nevytvořila",
		"objednávka nevznikla", "заказ не", "sipariş oluşturulmadı", "注文が作成されていません", "没有生成订单", "주문이 생성되지",
		// round thirty: a booking is the order (round twenty-seven), and
		// the shop's own words that the order did not complete
		"no booking", "booking not", "booking was not", "booking wasnt", "booking is not", "booking isnt",
		"couldnt complete your order", "could not complete your order", "couldnt complete the order", "could not complete the order",
		"order could not be completed", "nothing in my order history", "keine buchung", "buchung nicht", "pas de réservation")
	// notAppearing say something expected does not show up; after an
	// order noun they say the order is missing ("ordern syns inte").
	notAppearing = mkPhrases("does not appear", "doesnt appear", "not showing", "isnt showing", "not there", "não aparece",
		"nao aparece", "no aparece", "napparaît pas", "napparait pas", "erscheint nicht", "taucht nicht auf", "non appare",
		"verschijnt niet", "syns inte", "nie pojawia", "se nezobrazuje", "nem jelenik meg", "не появляется", "ne pojavljuje",
		"görünmüyor", "tidak muncul", "ei näy", "fehlt", "manque", "falta", "manca", "ontbreekt", "saknas", "brakuje",
		// round fifteen: "is not there" in the Nordic languages
		"finns inte", "findes ikke", "finnes ikke", "er ikke der", "ei löydy",
		// round forty-seven: Greek
		"δεν εμφανίζεται", "δεν εμφανίζονται")
	// orderNouns are an order in the languages tickets come in.
	orderNouns = mkFlowWords("order", "ordern", "ordrar*", "ordre*", "bestellung", "commande", "pedido", "ordine", "bestelling", "zamówienie",
		"encomenda", "objednávka", "narudžba", "заказ", "sipariş", "pesanan", "tilaus", "rendelés", "užsakymas", "pasūtījums")
	// billing defects are failures even though they use billing words.
	billingDefectWords = mkPhrases("charged twice", "double charged", "charged two times", "charged 2x", "overcharged",
		"charged three times", "duplicate charge*", "wrong amount", "charged the wrong", "charged again")
)

// signals is what the words of a ticket say.
type signals struct {
	outage, failure, degraded, many, one, paying, billingDefect []hit
	self, assert                                                []hit
	// selfCause names the writer's own doing as the cause (selfcause.go)
	selfCause                                             []hit
	howto, feature, billing, cosmetic, security, dataLoss []hit
	inquiry                                               []hit
	// moneyAsked are questions asked of money on its way, moneyTold the
	// failure words they account for (moneyawaited.go).
	moneyAsked, moneyTold                                 []hit
	resolution, privacy, share, total, paid, orderMissing []hit
	// retraction takes back the report before it ("false alarm");
	// closing asks the desk to close the ticket; pastQuestion asks what
	// happened.
	retraction, closing, pastQuestion []hit
	question                          bool // ends a sentence with "?"
	// contrast are the words that set what works (others, the usual)
	// against the writer's case: a failure told by contrast (contrast.go).
	contrast []hit
	// weUnable are the failure words that are a "we" inability ("no
	// pudimos", "non possiamo"): the firm's staff blocked (inability.go).
	weUnable []hit
	// attempts are the writer's own tries ("tried 3 times", "reinstalled"):
	// a failure told by what they did about it (attempts.go).
	attempts []hit
	// askShape are how-to questions told by their shape (severityshape.go).
	askShape []hit
	// gone are vanish words that are not data loss: a problem or a picture
	// that went away ("the error is gone").
	gone []hit
	// selfRemoved are vanish words whose subject is the writer: what they
	// ask for next is a request, not a defect.
	selfRemoved []hit
	// cleared are the things of the writer's own troubleshooting (a cache,
	// cookies): a problem they ended is theirs, not a service's.
	cleared []hit
	// over is set when the writer's own words say the problem ended ("it
	// seems ok now"), even while they describe it: the logs of the time
	// it happened are what count, though they are calm now.
	over bool
	// resolvedBy are the words that close the thread, when the writer's own
	// text says the problem went away and describes no failure besides.
	resolvedBy []hit
	// endedBy are the words of a reply that tells the end in words of
	// its own, when resolvedBy is empty (endedreply.go).
	endedBy []hit
	// signGoneBy are the words that tell a sign of the failure went away
	// ("the error banner is gone"), when resolvedBy is empty and no failure
	// is told besides (signgone.go).
	signGoneBy []hit
	// ended are all the ended words of the text ("stopped", "hörten
	// auf"), read once: those whose subject is a passing thing are in gone
	// too, and signWentAway tells them apart from the vanish words.
	ended []hit
	// cueFailure are failures read from a clause's shape, not a list
	// ("could not pay", "nothing loads"): weaker than listed words, they
	// make a claim only when no question or request words are present.
	cueFailure []hit
	// clause numbers each word's clause (see clauses).
	clause []int
	// sentence numbers each word's sentence (see sentences).
	sentence []int
	// account are the account's own billing documents named (invoice,
	// subscription; see accountBilling).
	account []hit
	// codesCounted is set when the ticket counts status codes (in the
	// plural, beside a plural error noun, or as a monitor reports them):
	// many requests, a monitor's view, not one writer's error page.
	codesCounted bool
	// exposure are the security words that tell of data or secrets made
	// visible, not of an account taken over (see exposureOnly).
	exposure []hit
	// selfNow are the writer's attempt in the present and own card or
	// account (see selfNow): they scope a report to the writer where the
	// logs would make it critical (deskOutage), and are kept apart from
	// self, a signal of the scorer's fit.
	selfNow []hit
	// own are the writer's own thing, a possessive and a noun ("my card",
	// "meine Zahlung", "kartımla"; see ownThings), negated or not: in "no
	// puedo usar mi tarjeta" the negation is on the verb.
	own []hit
	// unreadMany say many in a language the lists do not read (see
	// unreadMany): only an unread report's verdict looks at them.
	unreadMany []hit
	// codeRefused are sign-in codes the text says were refused (see
	// signInCodeRefused): each hit is at the word of refusal.
	codeRefused []hit
	// resend asks for a message to be sent again (see messageResent).
	resend []hit
	// theirs are another person's possessives, before a noun ("su método
	// de pago", "their card") or after it ("o cartão dela"); see
	// namesTheirs.
	theirs []hit
	// worried are the places of the charge words the writer only denies,
	// fears or asks to check (worriedCharges), read once: the paid words
	// standing there are negated, and rankServices drops them from the
	// mentions (twoservices.go).
	worried map[int]bool
}

// clauseCount is how many distinct clauses the hits fall in: "got an
// error saying invalid rule" is one mention of a failure, not two.
func (s *signals) clauseCount(hs []hit) int {
	seen := map[int]bool{}
	for _, h := range hs {
		c := -1 - h.pos // a hit without a word position counts alone
		if h.pos >= 0 && h.pos < len(s.clause) {
			c = s.clause[h.pos]
		}
		seen[c] = true
	}
	return len(seen)
}

func active(hs []hit) []hit {
	var out []hit
	for _, h := range hs {
		if !h.neg {
			out = append(out, h)
		}
	}
	return out
}

func negatedHits(hs []hit) []hit {
	var out []hit
	for _, h := range hs {
		if h.neg {
			out = append(out, h)
		}
	}
	return out
}

// quote lists the distinct phrases of hits for a reason line.
func quote(hs []hit) string {
	seen := map[string]bool{}
	var out []string
	for _, h := range hs {
		s := h.phrase.String()
		if !seen[s] {
			seen[s] = true
			out = append(out, `"`+strings.TrimSuffix(s, "*")+`"`)
		}
	}
	sort.Strings(out)
	if len(out) > 4 {
		out = append(out[:4], "…")
	}
	return strings.Join(out, ", ")
}

func readSignals(toks []token, text string) signals {
	worried := worriedCharges(toks)
	s := signals{
		outage:        notByMistake(toks, findAll(toks, outageWords)),
		failure:       notByMistake(toks, withInability(toks, findAll(toks, failureWords))), // inability.go
		degraded:      notSlowSense(toks, findAll(toks, degradedWords)),
		many:          asWritten(toks, manyWords, findAll(toks, manyWords)), // scopewords.go
		one:           findAll(toks, oneWords),
		weUnable:      weUnable(toks), // inability.go
		self:          append(notOthersOrKnowing(toks, findAll(toks, selfWords)), turkishFirstPerson(toks)...),
		selfNow:       findAll(toks, selfNow),
		own:           findAll(toks, ownThings),
		unreadMany:    findAll(toks, unreadMany),
		assert:        findAll(toks, assertWords),
		paying:        findAll(toks, payingWords),
		howto:         findAll(toks, howtoWords),
		feature:       notAsked(toks, findAll(toks, featureWords)),
		billing:       notAMessagesKind(toks, findAll(toks, billingWords)),
		cosmetic:      findAll(toks, cosmeticWords),
		inquiry:       notCalledBy(toks, findAll(toks, inquiryWords)),
		security:      findAll(toks, securityWords),
		dataLoss:      append(notLost(toks, findAll(toks, dataLossWords)), findAll(toks, deletedNothing)...),
		billingDefect: findAll(toks, billingDefectWords),
		retraction:    findAll(toks, retractions),
		closing:       findAll(toks, closeRequests),
		pastQuestion:  findAll(toks, pastQuestions),
		privacy:       findAll(toks, privacyWords),
		share:         findAll(toks, shareWords),
		total:         findAll(toks, totalWords),
		paid:          notWorried(worried, findAll(toks, paidWords)),
		worried:       worried,
		orderMissing:  ordersNotMissing(toks, append(append(findAll(toks, orderMissingWords), orderAbsent(toks)...), boughtAbsent(toks)...)),
		question:      strings.Contains(text, "?"),
		clause:        clauses(toks),
		sentence:      sentences(toks),
		account:       findAll(toks, accountDocuments),
		cleared:       findAll(toks, troubleshootingThings),
		resend:        findAll(toks, resendWords),
		theirs:        findAll(toks, theirWords),
	}
	s.privacy = notFailedAsk(toks, s.privacy, active(s.failure))
	s.resend = askedResends(toks, s.clause, s.resend)
	s.codesCounted = codesCounted(toks)
	s.contrast = toldByContrast(toks, s.sentence)
	s.attempts = writersAttempts(toks, s.sentence)
	s.askShape = askShaped(toks, s.sentence)
	// A sign-in code refused is a failure, in whatever words the lists
	// above do not know ("o código … é sempre recusado").
	s.codeRefused = signInCodeRefused(toks)
	for _, h := range s.codeRefused {
		if !slices.ContainsFunc(s.failure, func(f hit) bool { return f.pos == h.pos }) {
			s.failure = append(s.failure, h)
		}
	}
	for _, h := range findAll(toks, vanishWords) {
		switch vanishedData(toks, h) {
		case vanishLoss:
			if lossNegated(toks, h.pos) {
				continue
			}
			// "Order disappeared": one order gone is that customer's
			// failed order, not the shop's data (as notLost says of "the
			// order is missing")
			if oneOrder(toks, h) {
				s.orderMissing = append(s.orderMissing, h)
				s.failure = append(s.failure, h)
				continue
			}
			s.dataLoss = append(s.dataLoss, h)
		case vanishSelf:
			// Cookies or the cache the writer cleared are a step tried
			// against a failure, not a request about what they removed.
			if !troubleshooting(toks, h.pos) {
				s.selfRemoved = append(s.selfRemoved, h)
			}
			s.gone = append(s.gone, h)
		default:
			s.gone = append(s.gone, h)
		}
	}
	// "the errors stopped": a passing thing that ended went away too.
	s.ended = findAll(toks, endedWords)
	for _, h := range s.ended {
		if from, head := subjectOf(toks, h.pos); head >= 0 && from <= head && matchesAny(toks, head, transientThings) {
			s.gone = append(s.gone, h)
		}
	}
	s.resolution = slices.Concat(notBackupNoun(toks, findAll(toks, resolutionWords)), s.closing, s.retraction)
	s.cueFailure = withCues(nil, [][]hit{s.failure, s.outage, s.billingDefect}, append(negatedEvents(toks), nothingHappens(toks)...))
	// "none of our customers could pay" is as plain as the listed "nobody
	// could": a failure outright, not a soft cue.
	none := noneCan(toks)
	s.failure = withCues(s.failure, [][]hit{s.failure, s.outage}, none)
	s.failure = withCues(s.failure, [][]hit{s.failure, s.outage}, foreignNegations(toks))
	exposed, foreignExposed, secrets := exposures(toks, s.clause), append(foreignExposures(toks, s.clause), cjkExposures(toks, s.clause)...), exposedSecrets(toks)
	s.security = withCues(s.security, [][]hit{s.security}, slices.Concat(exposed, foreignExposed, foreignTakeovers(toks, s.clause)))
	s.security = hackedAccounts(toks, s.clause, s.security)
	s.dataLoss = withCues(s.dataLoss, [][]hit{s.dataLoss}, countToZero(toks))
	s.degraded = withCues(s.degraded, [][]hit{s.degraded}, slowDurations(toks))
	// Round eighty-eight (latemessage.go): a message late or twice.
	s.degraded = withCues(s.degraded, [][]hit{s.degraded}, lateMessages(toks, s.sentence, s.clause))
	s.failure = withCues(s.failure, [][]hit{s.failure, s.outage}, twiceMessages(toks, s.sentence))
	// Round eighty-eight (waitingasked.go): a waiting state asked about.
	s.howto = withCues(s.howto, [][]hit{s.howto}, waitingAsked(toks, text, s.sentence))
	// Round one hundred and one (moneyawaited.go): money on its way asked about.
	s.moneyAsked, s.moneyTold = moneyAwaitedAsked(toks, s.sentence, s.failure, s.billingDefect, s.outage, s.degraded)
	s.many = append(s.many, allOf(toks)...)
	s.many = append(s.many, noneOf(toks)...)
	// "ningún cliente puede pagar": nobody could is a claim about everyone,
	// whether or not the negative subject is a scope word of its own
	s.many = withCues(s.many, [][]hit{s.many}, none)
	s.many = append(s.many, allAfter(toks)...)
	s.many = append(s.many, othersSame(toks)...)
	s.many = append(s.many, reachOfMany(toks, slices.Concat(s.outage, s.failure, s.degraded, s.cueFailure))...)
	s.many = notOwnAttempts(toks, s.many)
	// "Customers charged but no order" over "a handful of our customers
	// (five so far)": the people a plural names are the ones counted
	few := fewOf(toks)
	fewGroup := slices.ContainsFunc(toks, func(t token) bool {
		return hasAnyPrefix(t.raw, groupNouns) && fewCounted(toks, t.pos-5, t.pos)
	})
	for _, h := range pluralFailing(toks, s.failure, s.outage) {
		group := hasAnyPrefix(toks[h.pos].raw, groupNouns)
		if group && fewGroup {
			continue // "staff can't sign in" over "two of our warehouse staff"
		}
		if len(few) == 0 || !matchesAny(toks, h.pos, peopleNouns) && !group {
			s.many = append(s.many, h)
		}
	}
	// round thirty-nine review: a flow's plural noun as the subject of a
	// negated event ("orders do not go through"), not people's ("it keeps
	// failing for our buyers - could not be established")
	for _, h := range pluralFailing(toks, s.cueFailure) {
		if !matchesAny(toks, h.pos, peopleNouns) && !hasAnyPrefix(toks[h.pos].raw, groupNouns) {
			s.many = append(s.many, h)
		}
	}
	s.one = append(s.one, few...)
	if ns := findAll(toks, notSingle); len(ns) > 0 {
		// "no pasa ni un pago": a language that negates twice does not
		// negate "not a single" by the verb's "no"
		for i := range ns {
			ns[i].neg = false
		}
		s.one = outside(s.one, ns)
		s.many = append(s.many, ns...)
	}
	// "not a single order", "we haven't had a single one": none at all, a
	// claim about everyone rather than one.
	for _, h := range s.one {
		if h.neg && h.phrase[len(h.phrase)-1] == "single" {
			s.many = append(s.many, hit{phrase: append(phrase{"not"}, h.phrase...), pos: h.pos})
		}
		// round thirty-nine review: "not just me", "it's not only me": the
		// writer denies being the only one of a failure, a claim about
		// others too; not where a few are counted after it ("not just me,
		// all four of us"), nor of a slowness alone
		if h.neg && len(h.phrase) == 2 && (h.phrase[0] == "just" || h.phrase[0] == "only") && h.phrase[1] == "me" &&
			len(active(s.failure))+len(active(s.outage)) > 0 && !fewCounted(toks, h.pos+2, h.pos+8) {
			s.many = append(s.many, hit{phrase: append(phrase{"not"}, h.phrase...), pos: h.pos})
		}
	}
	s.many = outside(s.many, active(s.one))
	s.many = notElse(toks, withoutFillers(toks, s.many))
	s.many = notMoney(toks, s.many)
	s.many = notWhatWorks(toks, s.clause, s.many, slices.Concat(active(s.outage), active(s.failure)))
	// "none of them can tell us what exactly": what nobody can do is say
	// what failed, not use the shop
	s.outage, s.many, s.failure = notTelling(toks, s.outage), notTelling(toks, s.many), notTelling(toks, s.failure)
	// "erro de digitação", "yazım hatası": a typo's word for error names no failure
	s.outage, s.failure = outside(s.outage, active(s.cosmetic)), outside(s.failure, active(s.cosmetic))
	// "the reminder e-mails look broken in Outlook", "the receipt shows
	// the wrong currency sign": beside a cosmetic word, a failure word an
	// appearance verb governs tells how a thing looks, not that it fails
	s.outage, s.failure = notHowItLooks(toks, s.cosmetic, s.outage), notHowItLooks(toks, s.cosmetic, s.failure)
	s.outage, s.failure = symptoms(toks, s.outage, s.failure)
	s.outage, s.failure = notAskedEitherWay(toks, s.outage), notAskedEitherWay(toks, s.failure)
	s.privacy = append(s.privacy, erasureRequests(toks)...)
	s.resolution = append(s.resolution, fineAgain(toks)...)
	s.selfCause = selfCause(toks)
	s.exposure = slices.Concat(s.exposure, secrets, exposed, findAll(toks, exposureReports), foreignExposed)
	s.security = append(s.security, secrets...)
	s.security = withCues(s.security, [][]hit{s.security}, disowned(toks))
	// round 84: another person's identifiers listed, the party disowned (strangerdata.go)
	// only where no other security word decided (their service reading stays)
	if len(active(s.security)) == 0 {
		strangers := strangersDataSeen(toks, s.clause, active(s.privacy))
		s.exposure = append(s.exposure, strangers...)
		s.security = append(s.security, strangers...)
	}
	// A question about a security review's paperwork ("a section called
	// 'security breach history' … can you send your SOC 2 report?") names
	// breaches as its topic: a request, unless someone got in or another
	// party's data was seen.
	if paper := findAll(toks, complianceWords); len(paper) > 0 && s.question && len(exposed)+len(foreignExposed)+len(secrets) == 0 &&
		len(foreignTakeovers(toks, s.clause))+len(disowned(toks)) == 0 {
		kept := s.security[:0:0]
		for _, h := range s.security {
			if !inClauseOf(&s, h.pos, paper) {
				kept = append(kept, h)
			}
		}
		s.security = kept
		s.inquiry = append(s.inquiry, paper...)
	}
	s.share = withCues(s.share, [][]hit{s.share}, countShares(toks))
	// Money taken but no order is itself a failure: the order's.
	if len(active(s.paid)) > 0 && len(active(s.orderMissing)) > 0 {
		s.failure = withCues(s.failure, [][]hit{s.failure, s.outage}, active(s.orderMissing))
	}
	if p := sharePercent(text); p != "" {
		s.share = append(s.share, hit{phrase: phrase{p}, pos: -1})
	}
	// "nobody/no one" are negators and scope words at once: they are not a
	// negation of the failure that follows.
	return s
}

// scopeNouns are what a shop's traffic is made of: "all <…> payments"
// claims every one of them.
var scopeNouns = mkPhrases("payment*", "order*", "login*", "request*", "transaction*", "attempt*", "checkout*",
	"customer*", "user*", "purchase*", "sale*", "sign*", "shopper*", "client*", "buyer*",
	// the same in the languages tickets come in
	"kunde*", "klant*", "utilisateur*", "usuario*", "utent*", "gebruiker*", "nutzer*", "benutzer*", "pagament*",
	"pago*", "paiement*", "zahlung*", "betaling*", "pedido*", "commande*", "bestellung*", "ordin*", "bestelling*",
	// and in the languages whose tickets the tuning sets hold few of
	"ordre*", "kortbetaling*", "betalning*", "beställning*", "bestilling*", "maksu*", "tilau*", "platb*", "plateb*", "objednáv*",
	"zamówie*", "płatnoś*", "ödeme*", "sipariş*", "платеж*", "платёж*", "оплат*", "заказ*", "покупател*", "клиент*", "asiakka*", "zákazník*", "müşteri*")

// allWords say "all" or "every" in the languages tickets come in.
var allWords = map[string]bool{"all": true, "every": true, "todos": true, "todas": true, "tous": true, "toutes": true,
	"alle": true, "tutti": true, "tutte": true, "allemaal": true, "allesamt": true,
	// round eighteen: the other space-writing languages of the variants
	"wszystkie": true, "wszystkich": true, "kaikki": true, "všechny": true, "všech": true, "tüm": true,
	"bütün": true, "все": true, "всех": true}

// isAll reports whether a token says "all": the plural forms ("toutes",
// "todos", "tous") fold to a stem without their s, so the raw word counts.
func isAll(t token) bool { return allWords[t.w] || allWords[t.raw] }

// allOf finds "all" or "every" followed, in the same clause and within
// three words, by a scope noun ("all card payments", "every single
// checkout"): a claim about every one of them.
func allOf(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		if !isAll(t) {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].brk; k++ {
			if matchesAny(toks, k, scopeNouns) {
				// "niet alle betalingen", "nicht alle Zahlungen": not all
				neg := negated(toks, i) || i > 0 && !toks[i].brk && notBeforeAll[toks[i-1].w]
				out = append(out, hit{phrase: phrase{t.w, toks[k].w}, pos: i, neg: neg})
				break
			}
		}
	}
	return out
}

// moneyWords tell that a count is an amount: what a customer spends or
// pays, per month or in a currency ("spends a few thousand a month").
var (
	spendVerbs = map[string]bool{"spend": true, "spent": true, "spends": true, "pay": true, "pays": true, "worth": true, "earn": true,
		"earns": true, "revenue": true, "turnover": true, "gibt": true, "ausgibt": true, "dépense": true, "gasta": true, "spende": true}
	perPeriod = map[string]bool{"month": true, "year": true, "week": true, "monthly": true, "yearly": true, "euro": true, "eur": true,
		"dollar": true, "usd": true, "gbp": true, "pound": true, "monat": true, "jahr": true, "mois": true, "mes": true, "año": true}
)

// dropHits returns the hits of hs that drop does not reject, in order: the
// shape of the not… filters below, each a reading that takes a hit back.
func dropHits(hs []hit, drop func(hit) bool) []hit {
	var out []hit
	for _, h := range hs {
		if !drop(h) {
			out = append(out, h)
		}
	}
	return out
}

// notMoney drops a count word that is an amount of money ("a few
// thousand a month", "spends hundreds"): no scope of people.
func notMoney(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		if len(h.phrase) != 1 || h.phrase[0] != "thousand" && h.phrase[0] != "hundred" && h.phrase[0] != "thousands" && h.phrase[0] != "hundreds" {
			return false
		}
		for k := h.pos - 3; k <= h.pos+3; k++ {
			if k < 0 || k >= len(toks) || k == h.pos || clauseBetween(toks, min(k, h.pos), max(k, h.pos)) {
				continue
			}
			if k < h.pos && spendVerbs[toks[k].w] || k > h.pos && perPeriod[toks[k].w] {
				return true
			}
		}
		return false
	})
}

// tellVerbs say, explain or show what happened: a negative subject that
// cannot do them reports no failure of the shop.
var tellVerbs = map[string]bool{"tell": true, "say": true, "explain": true, "describe": true, "remember": true, "specify": true,
	"sagen": true, "erklären": true, "beschreiben": true, "dire": true, "expliquer": true, "décrire": true, "decir": true,
	"explicar": true, "describir": true, "dizer": true, "descrever": true, "spiegare": true, "descrivere": true, "zeggen": true,
	"uitleggen": true, "beschrijven": true, "powiedzieć": true, "wyjaśnić": true, "opisać": true, "säga": true, "förklara": true,
	"beskriva": true, "sanoa": true, "kertoa": true, "selittää": true, "říct": true, "říci": true, "vysvětlit": true, "popsat": true,
	"сказать": true, "объяснить": true, "описать": true, "sige": true, "forklare": true, "beskrive": true, "si": true}

// notTelling drops the hits of a negative subject and its modal whose verb
// tells or explains ("nobody can tell us what", "none of them can say").
func notTelling(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		end := h.pos + len(h.phrase)
		last := h.phrase[len(h.phrase)-1]
		return tellVerbs[last] || end < len(toks) && !toks[end].brk && tellVerbs[toks[end].w] && modalVerbs[last]
	})
}

// appearanceVerbs say how a thing looks or is shown, in the languages the
// sets hold ("looks", "shows", "sieht … aus", "ziet er … uit",
// "s'affiche", "sembra", "wygląda", "выглядит"); not Spanish "ve", which
// is Turkish "and".
var appearanceVerbs = map[string]bool{"look": true, "looks": true, "looked": true, "looking": true, "show": true, "shows": true,
	"shown": true, "showing": true, "displayed": true, "display": true, "displays": true, "appear": true, "appears": true, "renders": true, "rendered": true,
	"sieht": true, "aussieht": true, "angezeigt": true, "ziet": true, "weergegeven": true, "muestra": true, "saffiche": true,
	"affiché": true, "affichée": true, "sembra": true, "appare": true, "parece": true, "aparece": true, "mostra": true, "wygląda": true,
	"wyświetla": true, "выглядит": true, "выглядят": true, "отображается": true, "görünüyor": true}

// lookBetween may stand between an appearance verb and its word ("shows
// the wrong sign", "ziet er raar uit"), but not before a noun of failure
// ("shows an error").
var lookBetween = map[string]bool{"the": true, "er": true, "bit": true, "really": true, "very": true, "so": true, "kind": true, "totally": true, "completely": true, "all": true}

// notHowItLooks drops the failure words an appearance verb governs, one
// word back or two over an article or adverb ("look broken", "shows the
// wrong currency sign"), where the ticket also holds a cosmetic word: the
// defect is how the thing looks. Without a cosmetic word ("the checkout
// looks broken for all our customers") they stay a failure.
func notHowItLooks(toks []token, cosmetic, hs []hit) []hit {
	if len(active(cosmetic)) == 0 {
		return hs
	}
	return dropHits(hs, func(h hit) bool {
		// An error shown is a failure however it looks ("the cart shows
		// the error 500").
		for _, w := range h.phrase {
			if errorNoun(w) {
				return false
			}
		}
		for k := h.pos - 1; k >= 0 && k >= h.pos-2; k-- {
			if toks[k+1].brk {
				return false
			}
			if appearanceVerbs[toks[k].raw] || appearanceVerbs[toks[k].w] {
				return true
			}
			if !lookBetween[toks[k].raw] {
				return false
			}
		}
		return false
	})
}

// errorStems start the nouns of an error (errorWords, in attribution.go,
// are whole words before a message noun; these are prefixes).
var errorStems = []string{"error", "fehler", "erreur", "errore", "erro", "fout", "fel", "błąd", "błęd", "hata", "ошибк", "помилк", "エラー", "错误", "오류", "에러"}

// errorNoun reports whether a word names an error or a status code
// ("error", "Fehler", "hata", "ошибка", "500").
func errorNoun(w string) bool {
	if statusCode(w) || w == "5xx" {
		return true
	}
	for _, p := range errorStems {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// transactionNouns are the requests a flow is made of, without the people
// or the orders (one customer's "no order" is that order's failure).
var transactionNouns = mkPhrases("payment*", "transaction*", "charge*", "login*", "pago*", "paiement*", "zahlung*", "kartenzahlung*", "betaling*",
	"kaartbetaling*", "kortbetaling*", "kortbetalning*", "korttimaksu*",
	"pagament*", "transacci*", "transaç*", "transazion*", "transaktion*", "transakc*", "płatnoś*", "platb*", "plateb*", "betalning*",
	"maksu*", "ödeme*", "işlem*", "платеж*", "платёж*", "оплат*", "транзакци*")

// noneBefore are the negative quantifiers of a noun that are no subject
// of their own ("keine Zahlung", "geen betaling", "inga
// kortbetalningar", "yksikään maksu").
var noneBefore = map[string]bool{"kein": true, "keine": true, "geen": true, "inga": true, "yksikään": true, "mikään": true}

// noneOrderNouns are the orders a negative quantifier counts ("nessun
// ordine va a buon fine", "ninguna orden pasa", "aucune commande ne
// passe"): no order at all is every order, where one customer's "no order"
// (no quantifier) is that order's failure (round thirty-nine review).
var noneOrderNouns = mkPhrases("order*", "ordine*", "orden*", "ordin*", "commande*", "pedido*", "bestellung*", "bestelling*",
	"beställning*", "bestilling*", "ordre*", "zamówie*", "objednáv*", "tilau*", "sipariş*", "заказ*", "замовлен*")

// noneOf finds a negative quantifier before a transaction noun in its
// clause ("no pasa ningún pago", "aucun paiement ne passe", "żadna
// płatność nie przechodzi"): none of them went through is a claim about
// every one of them. A language that negates twice ("no pasa ningún")
// does not negate the quantifier.
func noneOf(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		if !noneWord(t) && !noneBefore[t.raw] {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+2 && !toks[k].brk; k++ {
			if matchesAny(toks, k, transactionNouns) || matchesAny(toks, k, noneOrderNouns) {
				out = append(out, hit{phrase: phrase{t.w, toks[k].w}, pos: i})
				break
			}
		}
	}
	return out
}

// allAfter finds "all" floating after the people it counts, in their
// clause: "die Kunden kommen alle bis zum letzten Schritt", "les clients
// ont tous", "customers all get". "alle zwei Wochen" (every two weeks) is
// no scope.
func allAfter(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		if !isAll(t) || t.brk || i+1 < len(toks) && (isNumber(toks[i+1].w) || shareNumbers[toks[i+1].w] > 1) {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-2 && !toks[k+1].brk; k-- {
			if matchesAny(toks, k, peopleNouns) {
				out = append(out, hit{phrase: phrase(rawWords(toks[k : i+1])), pos: k, neg: negated(toks, k)})
				break
			}
		}
	}
	return out
}

// elseBefore are "else" where it comes before the negative subject ("bei
// uns hat sich sonst niemand gemeldet", "başka kimse").
var elseBefore = map[string]bool{"sonst": true, "başka": true}

// notElse drops the scope of "nobody else": the writer's case is the one
// failing, the others are not.
func notElse(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		end := h.pos + len(h.phrase)
		if h.pos > 0 && !toks[h.pos].brk && elseBefore[toks[h.pos-1].w] ||
			end < len(toks) && !toks[end].brk && elseWords[toks[end].raw] && toks[end].raw != "mais" {
			return true
		}
		return false
	})
}

// eitherWayNegators are the Chinese negations of the "V-not-V" question
// ("能不能" can or cannot, "有没有" has or has not): a verb, the negation
// and the same verb again ask; they do not say it cannot.
var eitherWayNegators = map[string]bool{"不": true, "没": true, "沒": true}

// notAskedEitherWay drops the hits that start at the negation of a V-not-V
// question: "能不能也通过WhatsApp发送" asks whether they can, it tells of
// no failure.
func notAskedEitherWay(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		i := h.pos
		if i > 0 && i+1 < len(toks) && eitherWayNegators[toks[i].w] && toks[i-1].w == toks[i+1].w {
			return true
		}
		return false
	})
}

// notBeforeAll are the words for "not" that turn an "all" right after
// them into "not all", in the languages whose negation stands there.
var notBeforeAll = map[string]bool{"nicht": true, "niet": true, "pas": true, "inte": true, "ikke": true, "non": true,
	"não": true, "nie": true, "не": true, "ne": true, "no": true}

// transitiveVanish are vanish words whose object follows them ("someone
// deleted all our orders").
var transitiveVanish = map[string]bool{"deleted": true, "wiped": true, "erased": true,
	// the same verbs in the languages tickets come in, which often put
	// the object after them ("se han borrado todas las reseñas")
	"borrado": true, "borrados": true, "borradas": true, "eliminado": true, "eliminados": true, "eliminadas": true,
	"apagado": true, "apagados": true, "apagadas": true, "gelöscht": true, "supprimé": true, "supprimés": true, "supprimées": true,
	"verwijderd": true, "raderat": true, "raderade": true, "usunięte": true, "usunięto": true, "cancellati": true, "cancellate": true}

// troubleshootingThings are what a writer clears to get a failing page to
// work: cookies, the cache, the browser's history or data.
var troubleshootingThings = mkFlowWords("cookie*", "cache*", "caché", "kasu", "vyrovnávací", "кэш*", "кеш*", "önbellek*",
	"browser data", "browserdaten", "browserverlauf", "verlauf", "historial", "historique", "cronologia", "historik",
	"historia przeglądania", "browsing data", "browsing history", "site data", "app data", "クッキー", "キャッシュ", "缓存", "쿠키", "캐시")

// troubleshooting reports whether a troubleshooting thing stands in the
// clause of the word at pos.
func troubleshooting(toks []token, pos int) bool {
	for k := pos - 1; k >= 0 && k >= pos-6 && !toks[k+1].brk; k-- {
		if troubleshootingThings.matches(toks, k) {
			return true
		}
	}
	for k := pos + 1; k < len(toks) && k <= pos+6 && !toks[k].brk; k++ {
		if troubleshootingThings.matches(toks, k) {
			return true
		}
	}
	return false
}

// objectStarts begin the object of an active verb in English: "deleted
// her e-mail", "wiped the list".
var objectStarts = map[string]bool{"her": true, "his": true, "their": true, "the": true, "a": true, "an": true, "my": true,
	"our": true, "your": true, "its": true, "all": true, "some": true, "this": true, "that": true, "these": true, "those": true}

// What a vanish word is about.
const (
	vanishOther = iota // a problem, a picture, a message: not data loss
	vanishLoss         // stored data, removed by something else
	vanishSelf         // the writer removed it ("I deleted it")
)

// vanishedData says what a vanish word is about: its subject (the noun
// phrase before it, up to a preposition: "the error message on the cart
// page" is a message) is data loss when it is stored data, or something the
// writer owns or counts ("our 34 saved discount codes") that is not a
// passing thing like an error or a banner; so is stored data after a
// transitive verb. The writer removing it themselves is not.
func vanishedData(toks []token, h hit) int {
	i := h.pos
	for k := i - 1; k >= 0 && k >= i-2 && !toks[k+1].brk; k-- {
		if writerWords[toks[k].w] || accidentWords[toks[k].w] || byMistake(toks, k) {
			return vanishSelf
		}
	}
	// "誤って削除", "不小心删除了": a phrase of several characters
	for k := i - 1; k >= 0 && k >= i-6 && !toks[k+1].brk; k-- {
		if accidentPhrases.matches(toks, k) {
			return vanishSelf
		}
	}
	// "deleted her confirmation e-mail by accident": the accident after
	// the verb, in its clause, says the same of the one who tells it
	for k := i + len(h.phrase); k < len(toks) && k <= i+len(h.phrase)+8 && !toks[k].brk; k++ {
		if accidentWords[toks[k].w] || byMistake(toks, k) {
			return vanishSelf
		}
	}
	// "a customer deleted her confirmation e-mail": a transitive verb with
	// its object after it is active, and its subject is who acted, not
	// what vanished; the object decides (below).
	end := i + len(h.phrase)
	acting := transitiveVanish[h.phrase[len(h.phrase)-1]] && len(h.phrase) == 1 && end < len(toks) && !toks[end].brk && objectStarts[toks[end].w]
	if from, head := subjectOf(toks, i); !acting && head >= 0 && !matchesAny(toks, head, transientThings) {
		if matchesAny(toks, head, storedData) {
			return vanishLoss
		}

		for k := from; k < head; k++ {
			if ownerWords[toks[k].w] || isNumber(toks[k].w) {
				return vanishLoss
			}
		}
	}
	// "TOUT a disparu de mon compte": everything, just before the verb or
	// its auxiliary, vanished from where stored data is kept
	for k := i - 1; k >= 0 && k >= i-2 && !toks[k+1].brk; k-- {
		if everything[toks[k].w] && storedAfter(toks, i+len(h.phrase)) {
			return vanishLoss
		}
	}
	// A verb-final clause ("alle productfoto's en productomschrijvingen
	// verdwenen", "… och min orderhistorik borta"): the stored noun right
	// before it, owned or counted, is what vanished.
	// (after a passing thing the subject finder found, "the confirmation
	// e-mail for my order 61177 is gone", the nouns before are not it)
	if _, head := subjectOf(toks, i); !acting && (head < 0 || !matchesAny(toks, head, transientThings)) && storedOwned(toks, i, -1) {
		return vanishLoss
	}
	// The verb first ("han desaparecido todas mis direcciones", "sumiram
	// todos os meus endereços", "zniknęły wszystkie zapisane adresy"):
	// the stored nouns after it, owned or counted, vanished.
	if storedOwned(toks, i+len(h.phrase)-1, +1) {
		return vanishLoss
	}
	if transitiveVanish[h.phrase[len(h.phrase)-1]] {
		// The object's head is its last noun before the clause ends: "her
		// order confirmation email" is an e-mail, a passing thing.
		loss := false
		for k := i + len(h.phrase); k < len(toks) && k <= i+len(h.phrase)+4 && !toks[k].brk; k++ {
			if prepositions[toks[k].w] {
				break
			}
			switch {
			case matchesAny(toks, k, transientThings):
				loss = false
			case matchesAny(toks, k, storedData):
				loss = true
			}
		}
		if loss {
			return vanishLoss
		}
	}
	return vanishOther
}

func matchesAny(toks []token, i int, set *phraseSet) bool { return set.matches(toks, i) }

// outside returns the hits of hs that do not overlap one of within's: "our
// customers" in "one of our customers" or "two of our customers couldn't"
// is one or a few customers, not many.
func outside(hs, within []hit) []hit {
	var out []hit
next:
	for _, h := range hs {
		for _, w := range within {
			if w.pos >= 0 && h.pos < w.pos+len(w.phrase) && w.pos < h.pos+len(h.phrase) {
				continue next
			}
		}
		out = append(out, h)
	}
	return out
}

// notLost drops the data-loss hits that are no loss of stored data: a
// message lost in transit ("whether any mails were lost" — its subject is a
// passing thing, the delivery failed) and one order missing ("the order is
// missing": one customer's failed order, not the shop's data). What is
// left is data loss.
func notLost(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		if lossNegated(toks, h.pos) {
			return true
		}
		if _, head := subjectOf(toks, h.pos); head >= 0 && matchesAny(toks, head, transientThings) {
			return true
		}
		if oneOrder(toks, h) || countedSales(toks, h) {
			return true
		}
		return false
	})
}

// deletedNothing is round twenty-two's: the writer says they deleted
// nothing ("Ich habe nichts gelöscht", "Hiçbir şeyi silmedik", "we did
// not delete anything"), which writers say of data that vanished: a data
// loss, however the vanishing itself is worded ("the list is empty", "the
// records are not in the report"). What the writer did not delete ("I did
// not delete it") is no such denial: only "nothing" and "anything" forms,
// and verbs that carry the negation themselves, are listed.
var deletedNothing = mkPhrases("did not delete anything", "didnt delete anything", "have not deleted anything",
	"havent deleted anything", "deleted nothing", "nobody here deleted", "no one here deleted",
	"habe nichts gelöscht", "haben nichts gelöscht", "hab nichts gelöscht", "habe nichts entfernt", "haben nichts entfernt", "rien supprimé", "rien effacé", "no he borrado nada",
	"no hemos borrado nada", "no borré nada", "no borramos nada", "não apaguei nada", "não apagamos nada",
	"non ho cancellato nulla", "non ho cancellato niente", "non abbiamo cancellato nulla", "non abbiamo cancellato niente",
	"heb niets verwijderd", "hebben niets verwijderd", "heb niks verwijderd", "hebben niks verwijderd", "nic nie usunęłam", "nic nie usunąłem", "nic nie usuwaliśmy", "nic nie usuwałam",
	"inte raderat något", "inte tagit bort något", "ikke slettet noget", "ikke slettet noe", "en ole poistanut mitään",
	"emme ole poistaneet mitään", "nic jsem nesmazala", "nic jsem nesmazal", "nic jsme nesmazali",
	"hiçbir şey silmedik", "hiçbir şeyi silmedik", "hiçbir şeyi silmedim", "hiçbir şeyi biz silmedik", "hiçbir şeyi ben silmedim", "ничего не удалял*", "ничего не удаляли", "ništa nisam obrisao",
	"ništa nisam obrisala", "ništa nismo obrisali", "nu am șters nimic", "semmit nem töröltem", "semmit nem töröltünk",
	// round twenty-three: "nobody (of us) deleted anything", and the
	// Polish imperfective and genitive forms ("niczego nie usuwał")
	"nobody deleted anything", "no one deleted anything", "none of us deleted", "nikt niczego nie usunął", "nikt z nas niczego nie usuwał", "nikt z nas niczego nie usunął", "niczego nie usuwaliśmy", "niczego nie usuwałem", "niczego nie usuwałam", "niczego nie usunęłam",
	"niczego nie usunąłem", "nic nie usunęliśmy", "nikt niczego nie usuwał", "niemand hat etwas gelöscht", "keiner hat etwas gelöscht",
	"nadie borró nada", "nadie ha borrado nada", "nessuno ha cancellato nulla", "nessuno ha cancellato niente", "niemand heeft iets verwijderd", "ninguém apagou nada",
	"ingen har raderat något", "ingen har slettet noget", "ingen har slettet noe", "nikdo nic nesmazal", "никто ничего не удалял", "kimse bir şey silmedi")

// lossNegators are "no" and "nothing" before a noun or a participle in
// the languages tickets come in: "es ist nichts verloren gegangen", "Daten
// sind keine verloren gegangen", "aucune donnée perdue". They turn a loss
// around; they are not negators at large, since before a scope phrase
// ("aucun de nos clients ne peut") they say none, a scope of all.
var lossNegators = map[string]bool{
	"kein": true, "keine": true, "keinen": true, "nichts": true, "aucun": true, "aucune": true, "rien": true,
	"ningún": true, "ninguna": true, "nada": true, "nessun": true, "nessuna": true, "niente": true, "nulla": true,
	"geen": true, "niets": true, "nenhum": true, "nenhuma": true, "inga": true, "inget": true, "intet": true, "ingenting": true,
	"ingen": true, "żadne": true, "żadnych": true, "nic": true, "žádná": true, "žádné": true, "žádný": true, "ничего": true,
	"никаких": true, "hiçbir": true,
	// and "not" before the participle: "nicht verloren", "niet verloren", "inte förlorad"
	"nicht": true, "niet": true, "inte": true, "ikke": true, "pas": true, "non": true, "não": true, "nie": true, "не": true,
}

// lossNegated reports whether a loss word at i is turned around by one of
// lossNegators within three words before it, in its clause.
func lossNegated(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k+1].brk {
			return false
		}
		if lossNegators[toks[k].w] {
			return true
		}
	}
	return false
}

// estimateWords say a count is an estimate: "estimated lost orders".
// ("about" is left out: "a question about lost orders").
var estimateWords = map[string]bool{"estimated": true, "estimate": true, "approximately": true, "approx": true,
	"roughly": true}

// countedSales reports whether "lost orders" is counted or estimated
// ("Estimated lost orders: ~420", "300 lost orders", "lost orders: 420"):
// the sales an outage cost, not stored orders that vanished. A number
// right after it without a colon is more likely an order's number ("we
// lost orders 51234 and 51240").
func countedSales(toks []token, h hit) bool {
	if len(h.phrase) < 2 || h.pos < 0 || h.pos >= len(toks) || toks[h.pos].w != "lost" || !strings.HasPrefix(toks[h.pos+1].w, "order") {
		return false
	}
	number := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].w != "" && strings.Trim(toks[k].w, "0123456789") == ""
	}
	before, after := h.pos-1, h.pos+len(h.phrase)
	return before >= 0 && !toks[h.pos].brk && (estimateWords[toks[before].w] || number(before)) || number(after) && toks[after].brk
}

// oneOrder reports whether a data-loss hit is about a single order, as
// written ("order missing", not "orders missing") or in its subject.
func oneOrder(toks []token, h hit) bool {
	for k := h.pos; k < h.pos+len(h.phrase) && k < len(toks); k++ {
		if toks[k].w == "order" {
			return toks[k].raw == "order"
		}
	}
	if _, head := subjectOf(toks, h.pos); head >= 0 && toks[head].w == "order" {
		return toks[head].raw == "order"
	}
	// "Meine Bestellung von heute ist verschwunden": a singular order noun
	// opens the clause's subject
	if from, head := subjectOf(toks, h.pos); head >= 0 {
		for k := from; k <= head; k++ {
			if singularOrders[toks[k].raw] {
				return true
			}
		}
	}
	// a verb-final or verb-first clause: the order noun right beside it
	for _, k := range []int{h.pos - 1, h.pos + len(h.phrase)} {
		if k >= 0 && k < len(toks) && singularOrders[toks[k].raw] {
			return true
		}
	}
	return false
}

// singularOrders are "order" in the singular, as the 17 languages of the
// variants write it as a subject: one order gone is one customer's.
var singularOrders = map[string]bool{"bestellung": true, "commande": true, "pedido": true, "ordine": true, "bestelling": true,
	"zamówienie": true, "beställning": true, "beställningen": true, "tilaus": true, "tilaukseni": true, "objednávka": true,
	"siparişim": true, "заказ": true, "ordre": true, "ordren": true, "bestilling": true, "bestillingen": true,
	"encomenda": true, "注文": true, "订单": true, "주문이": true}

// accidentWords say a person removed something by mistake: a request to
// restore it, not the shop's data lost.
var accidentWords = map[string]bool{"accidentally": true, "accident": true, "mistake": true, "mistakenly": true,
	"versehentlich": true, "per ongeluk": true, "accidentellement": true, "erreur": false, "accidentalmente": true, "sin querer": true, "per sbaglio": true,
	"yanlışlıkla": true, "omylem": true, "vahingossa": true, "случайно": true, "ненароком": true, "przypadkiem": true, "misstag": true,
	"uhell": true, "uheld": true, "ved": false, "abversehen": true, "versehen": true, "ongeluk": true, "sehentlich": false, "engano": true, "うっかり": true, "실수로": true}

// mistakeNouns are the nouns of "by mistake" that also name an error
// ("par erreur", "per errore", "por error", "по ошибке", "ved en fejl",
// "przez pomyłkę"): after a preposition of manner they say how something
// was done, not that something failed.
var mistakeNouns = mkPhrases("erreur", "errore", "error", "erro", "ошибке", "fejl", "feil", "pomyłkę")

// mistakePrepositions come right before a mistake noun in "by mistake";
// with an article between ("por un error", "per un errore") the noun says
// what caused it, a failure.
var mistakePrepositions = map[string]bool{"par": true, "per": true, "por": true, "по": true, "przez": true}

// byMistake reports whether toks[k] is the noun of "by mistake": "j'ai
// supprimé par erreur le mail" removed it, nothing failed ("ved en fejl"
// has its article between).
func byMistake(toks []token, k int) bool {
	if !mistakeNouns.matches(toks, k) || k == 0 || toks[k].brk {
		return false
	}
	if prev := toks[k-1].w; prev == "en" {
		return k >= 2 && !toks[k-1].brk && toks[k-2].w == "ved"
	} else {
		return mistakePrepositions[prev]
	}
}

// notByMistake drops failure hits that are the noun of "by mistake".
func notByMistake(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		if len(h.phrase) == 1 && byMistake(toks, h.pos) {
			return true
		}
		return false
	})
}

// possessives and quantifiers beyond ownerWords that make a stored noun
// the writer's or counted: "mis direcciones", "todos os meus", "tüm".
var ownedWords = map[string]bool{"mis": true, "mi": true, "meus": true, "minhas": true, "meu": true, "miei": true, "mie": true,
	"todas": true, "todos": true, "tutti": true, "tutte": true, "wszystkie": true, "wszystkich": true, "moje": true, "mine": true,
	"min": true, "mitt": true, "mina": true, "kaikki": true, "všechny": true, "moje.": true, "tüm": true, "bütün": true, "все": true,
	"мои": true, "mes": true, "ma": true, "mon": true, "meine": true, "mijn": true, "al": true}

// storedOwned reports whether stored data, owned or counted, stands next
// to the vanish word at i in the direction dir (-1 before, +1 after),
// within its clause (a list of stored nouns goes on past its commas) and a
// few words, auxiliaries passed: "alle mine gemte adresser, kort og min
// ordrehistorik er forsvundet".
func storedOwned(toks []token, i, dir int) bool {
	owned, stored := false, false
	for n, k := 0, i+dir; n < 7 && k >= 0 && k < len(toks); n, k = n+1, k+dir {
		if dir < 0 && toks[k+1].brk && !coordinators[toks[k+1].w] && !matchesAny(toks, k+1, storedData) ||
			dir > 0 && (toks[k].brk || prepositions[toks[k].w] || n >= 4) {
			break // after the verb, its subject comes right away: "is gone from my account" is not the account
		}
		switch {
		case matchesAny(toks, k, transientThings) && !matchesAny(toks, k, storedData):
			if n <= 1 {
				return false // the passing thing next to the verb is what went
			}
		case matchesAny(toks, k, storedData):
			stored = true
		case ownerWords[toks[k].w] || ownedWords[toks[k].w] || isNumber(toks[k].w):
			owned = true
		}
	}
	return owned && stored
}

// everything are "everything" as a subject: what vanished is all there
// was, if the clause names where stored data is kept.
var everything = map[string]bool{"everything": true, "tout": true, "allt": true, "alles": true, "todo": true, "tudo": true,
	"tutto": true, "wszystko": true, "kaikki": true, "všechno": true, "vše": true, "всё": true, "все": true, "alt": true}

// storedAfter reports whether stored data or an account is named in the
// clause after the vanish word at from ("de mon compte").
func storedAfter(toks []token, from int) bool {
	for k := from; k < len(toks) && k <= from+5 && !toks[k].brk; k++ {
		if matchesAny(toks, k, storedData) {
			return true
		}
	}
	return false
}

// accidentPhrases are "by mistake" where Han and kana are read a
// character a token.
var accidentPhrases = mkPhrases("誤って", "間違えて", "うっかり", "不小心", "误删", "誤刪")

// writerWords are "I" and "we" (and the auxiliary that carries them in
// languages that drop the pronoun: "hemos borrado"): the writer removed it.
var writerWords = map[string]bool{"i": true, "we": true, "ich": true, "wir": true, "je": true, "nous": true, "yo": true,
	"nosotros": true, "hemos": true, "ik": true, "wij": true, "eu": true, "nós": true, "jag": true,
	"vi": true, "io": true, "noi": true, "abbiamo": true}

// endedWords say something stopped; said of a passing thing ("the 3DS
// errors stopped about 25 min ago") the problem went away.
var endedWords = mkPhrases("stopped", "have stopped", "has stopped", "ceased", "went away", "subsided", "died down",
	"hörten auf", "hat aufgehört", "haben aufgehört", "ont cessé", "a cessé", "pararon", "dejaron", "pararam", "smesso", "gestopt", "slutade", "ustały")

// transientThings pass or show rather than being kept: one of them going
// away is not data loss, however it is owned ("my banner is gone").
var transientThings = mkPhrases("error*", "message*", "problem*", "issue*", "bug*", "warning*", "banner*", "popup*",
	"pop", "notice*", "logo*", "icon*", "button*", "email*", "mail*", "notification*", "spinner*", "delay*", "lag*",
	"glitch*", "alert*", "tooltip*", "hint*", "symptom*", "outage*", "crash*", "slowness", "it", "that", "this",
	// the same passing things in the languages tickets come in
	"fehler*", "meldung*", "erreur*", "problème*", "probleme*", "error", "errores", "errore", "errori", "erro", "erros",
	"fout*", "melding*", "fel", "felet", "feil", "feilen", "fejl", "fejlen", "besked*", "meddelande*", "błąd", "błędy", "komunikat*",
	"chyba", "chyby", "hlášk*", "virhe*", "ilmoitu*", "hata*", "mesaj*", "ошибк*", "сообщени*", "e-post*", "eposta*", "e-mail*", "mejl*",
	"bannière*", "banderoll*", "fejlbanner*", "problem", "problemet", "problemer", "problemen")

// ownerWords before a noun say it is the writer's, or counted: a thing
// kept, not a passing one.
var ownerWords = map[string]bool{"our": true, "my": true, "all": true, "every": true, "saved": true,
	"stored": true, "unsere": true, "meine": true, "nos": true, "mes": true, "nuestro": true, "nuestra": true,
	"onze": true, "mijn": true, "våre": true, "vores": true, "våra": true, "alle": true, "alla": true, "tüm": true, "bütün": true}

// quantifiers take a partitive "of": "all of", "most of", "none of".
var quantifiers = map[string]bool{"all": true, "most": true, "some": true, "none": true, "many": true, "each": true,
	"any": true, "half": true, "several": true, "both": true, "one": true, "few": true}

// subjectAux are the words between a subject and its verb.
var subjectAux = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "been": true, "now": true, "just": true, "completely": true, "suddenly": true, "simply": true,
	"also": true, "somehow": true, "all": true, "got": true, "seem": true, "seems": true, "to": true, "be": true}

// prepositions end a subject's head noun phrase: what follows modifies it.
var prepositions = map[string]bool{"on": true, "in": true, "at": true, "from": true, "of": true, "for": true,
	"with": true, "under": true, "inside": true, "within": true, "near": true, "above": true, "below": true}

// subjectOf finds the noun phrase before a verb at i, in its clause: from
// is its first word and head its last before any preposition, head -1 when
// there is none.
func subjectOf(toks []token, i int) (from, head int) {
	from = i
	for from > 0 && from > i-8 && !toks[from].brk {
		from--
	}
	end := i // one past the subject's last word
	for end > from && subjectAux[toks[end-1].w] {
		end--
	}
	for k := from; k < end; k++ {
		// "all of our saved cards": the partitive's "of" follows a
		// quantifier and the head is the noun after it.
		if toks[k].w == "of" && k > from && quantifiers[toks[k-1].w] {
			continue
		}
		if prepositions[toks[k].w] && k > from {
			end = k
			break
		}
	}
	if end <= from {
		return from, -1
	}
	return from, end - 1
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// rePercent finds a stated failure share below 100 % ("about 10%", "5 %").
var rePercent = regexp.MustCompile(`(?:^|[^\d.,])(\d{1,2}(?:[.,]\d+)?)\s?%`)

// reSuccessRate is a measure of what went right just before a percentage
// ("success rate below 40%", "Erfolgsquote 40 %", "tasa de éxito del
// 40%"): the share that fails is the rest.
// Round eighteen: an approval, acceptance or conversion rate is one too
// ("approval rate on the PSP dashboard went from 94% to under 40%").
var reSuccessRate = regexp.MustCompile(`(?i)(?:success|succeed|erfolg|éxito|exito|réussite|reussite|sucesso|successo|succes|lyckade|powodzeni|uspješnost|úspěšnost|başarı|approval|acceptance|conversion|d'acceptation|dacceptation|d'autorisation|dautorisation|akzeptanz|autorisierung|aprobación|aprobacion|aceptación|aceptacion|aprovação|aprovacao|approvazione|accettazione|goedkeuring|acceptatie|akceptacj|godkännande|hyväksyn|schválen|onay oranı|одобрени|конверси)[^\d%\n]{0,48}$`)

// reRateTo is the rate a measure fell or rose to, after the one it had
// ("from 94% to under 40%", "von 95 % auf 30 %"): the rate now.
var reRateTo = regexp.MustCompile(`(?i)^\s*(?:to|auf|à|a|naar|till|til|do|na|a menos de|à moins de)\s+(?:under|below|less than|about|around|unter|knapp|moins de|menos de|sotto il|meno del|onder|minder dan|poniżej|ниже|~)?\s*(\d{1,2}(?:[.,]\d+)?)\s?%`)

// reAtLeast is a lower bound before a percentage ("5xx rate > 50%", "more
// than 60 % of payments"): at least that share fails, and at least half is
// most of them, no partial failure.
var reAtLeast = regexp.MustCompile(`(?i)(?:>|≥|>=|over|above|more than|über|mehr als|plus de|más del|más de|oltre il|più del|meer dan|ponad|över|yli|více než|fazla|более|больше)\s*$`)

// sharePercent returns the first failure share below 100 % in text, "" for
// none. A success rate states the share that worked: the rest failed, and
// when that is most requests it is no partial failure.
func sharePercent(text string) string {
	ix := rePercent.FindStringSubmatchIndex(text)
	if ix == nil || text[ix[2]:ix[3]] == "0" {
		return ""
	}
	p := text[ix[2]:ix[3]]
	success := reSuccessRate.MatchString(text[max(0, ix[2]-64):ix[2]])
	// "at least 60 %" of failures is most, no share; of successes
	// ("success rate above 60 %") the success-rate reading below decides.
	if v, err := strconv.ParseFloat(strings.Replace(p, ",", ".", 1), 64); err == nil && v >= 50 && !success && reAtLeast.MatchString(text[max(0, ix[2]-16):ix[2]]) {
		return ""
	}
	if success {
		if m := reRateTo.FindStringSubmatch(text[ix[1]:]); m != nil {
			p = m[1]
		}
		ok, err := strconv.ParseFloat(strings.Replace(p, ",", ".", 1), 64)
		if err != nil || ok <= 50 {
			return ""
		}
		return strconv.FormatFloat(100-ok, 'f', -1, 64) + "%"
	}
	return p + "%"
}

// resolvedBy returns the resolution words of a ticket whose writer says the
// problem went away ("works again", "the error is gone now, thanks"), or
// nil. Only the writer's own words count (toks before ownEnd; a quoted
// earlier message describes the outage that is over), and they must
// describe no failure besides the one that is gone: "thanks, but it fails
// again" is not a resolution. A reply's subject ("Re: checkout 502") names
// the thread, not a new failure, so words before subjectEnd do not block.
func resolvedBy(s *signals, toks []token, subjectEnd, ownEnd int) []hit {
	var by []hit
	for _, h := range active(s.resolution) {
		// "funktioniert wieder nicht": negated after the verb
		if end := h.pos + len(h.phrase); end < len(toks) && !toks[end].brk && afterNegators[toks[end].w] {
			continue
		}
		if h.pos < ownEnd {
			by = append(by, h)
		}
	}
	if len(by) == 0 {
		return nil
	}
	cl := clauses(toks)
	goneClause := map[int]bool{}
	for _, h := range active(s.gone) {
		goneClause[cl[h.pos]] = true
	}
	// A retraction takes back the failure told before it, subject too
	// ("orders vanished!! … forget it, a filter hid them"): only what
	// follows it still counts.
	// So does a request to close the ticket: what comes before it ("it was
	// only delayed … you can close this") is what ended.
	from := subjectEnd
	for _, hs := range [][]hit{s.retraction, s.closing} {
		for _, h := range active(hs) {
			if h.pos < ownEnd {
				from = max(from, h.pos)
			}
		}
	}
	// A failure the writer places before now ("was the 503 thing from
	// earlier", "my earlier ticket about the provider being down", "the
	// banner that was on the cart earlier is gone now") is the one that
	// ended, not another.
	earlierClause := earlierClauses(toks, cl, ownEnd, false)
	for c := range earlierClause {
		goneClause[c] = true
	}
	stillClause := map[int]bool{}
	for k, t := range toks[:ownEnd] {
		if stillWords[t.w] {
			stillClause[cl[k]] = true
		}
	}
	for _, hs := range s.toldFailures() {
		for _, h := range active(hs) {
			if h.pos >= from && h.pos < ownEnd && (!goneClause[cl[h.pos]] || stillClause[cl[h.pos]] && earlierClause[cl[h.pos]]) {
				return nil
			}
		}
	}
	return by
}

// toldFailures are the lists of failure words a resolution or a sign
// that went away must not leave outside what ended: an outage, a failure,
// slowness, a billing defect, data loss and a security claim.
func (s *signals) toldFailures() [][]hit {
	return [][]hit{s.outage, s.failure, s.degraded, s.billingDefect, s.dataLoss, s.security}
}

// earlierClauses are the clauses (by cl) of toks before to that hold an
// earlier word ("earlier", "vorhin"). With sinceStillOn, an earlier word
// right after a since word ("since yesterday", "seit vorhin") tells of a
// thing still on and marks no clause.
func earlierClauses(toks []token, cl []int, to int, sinceStillOn bool) map[int]bool {
	out := map[int]bool{}
	for k, t := range toks[:to] {
		if earlierWords[t.w] && !(sinceStillOn && k > 0 && sinceWords[toks[k-1].w]) {
			out[cl[k]] = true
		}
	}
	return out
}

// stillWords say a failure goes on: beside an earlier word ("still the
// same error as earlier") the clause is no failure that ended. They are
// looked up stemmed, so French "toujours" is "toujour".
var stillWords = map[string]bool{"still": true, "noch": true, "ancora": true, "toujour": true, "sigue": true, "todavía": true, "nog": true,
	"fortfarande": true, "wciąż": true, "nadal": true, "ещё": true, "еще": true}

// earlierWords place what their clause tells before the time of writing:
// in a resolution, the failure they stand beside is the one that ended.
var earlierWords = map[string]bool{"earlier": true, "previous": true, "previously": true, "vorhin": true, "vorher": true,
	"früher": true, "vorigen": true, "précédent": true, "précédente": true, "anterior": true, "anteriormente": true,
	"precedente": true, "prima": true, "eerder": true, "eerdere": true, "vorige": true, "wcześniej": true, "poprzedni": true,
	"tidigare": true, "tidligere": true, "aiemmin": true, "раньше": true, "ранее": true, "раніше": true, "önceki": true}

// pluralScopeNouns are customers, users and the flows in the plural in
// languages whose plural the English stem does not strip: "Kunden können
// … nicht", "klienci nie mogą", "müşteriler … tamamlayamıyor".
var pluralScopeNouns = mkPhrases("kunden", "nutzer", "benutzer", "käufer", "bestellungen", "zahlungen", "anmeldungen", "klanten", "gebruikers",
	"bestellingen", "betalingen", "clienti", "utenti", "ordini", "pagamenti", "klienci", "użytkownicy", "zamówienia", "płatności", "kupujący",
	"kunder", "kunderna", "användarna", "ordrar", "ordrarna", "betalningar", "betalningarna", "beställningar", "kunderne", "brugere", "brugerne",
	"ordrer", "ordrerne", "betalinger", "betalingerne", "kundene", "brukere", "brukerne", "ordrene", "betalingene", "asiakkaat", "asiakkaamme",
	"käyttäjät", "käyttäjämme", "tilaukset", "maksut", "zákazníci", "uživatelé", "objednávky", "platby", "müşteriler", "müşterilerimiz",
	"kullanıcılar", "siparişler", "ödemeler", "клиенты", "пользователи", "покупатели", "заказы", "платежи", "고객들*", "사용자들*", "회원들*",
	// round twenty-two: the concept in Croatian (and Serbian, Bosnian in Latin script) and Romanian, as natives write it
	"kupci", "korisnici", "narudžbe", "plaćanja", "clienții", "clientii", "utilizatorii", "comenzile", "plățile",
	// round thirty-nine review: a group noun that is plural as it stands
	"staff")

// groupNouns are the people a customer's organization is made of, in the
// plural the subject of a failure as customers are ("our members are
// locked out", "employees cannot sign in"; round thirty-nine review).
// Kept out of the vocabulary (a plain list, not mkPhrases): a word like
// "member" read in another language's text is no reading of it.
var groupNouns = []string{"member", "employee", "colleague", "staff"}

// fewCounted reports whether a few are counted in the words from i up to
// j ("all four of us", "two of our warehouse staff").
func fewCounted(toks []token, i, j int) bool {
	for k := max(0, i); k < len(toks) && k < j; k++ {
		n, ok := shareNumbers[toks[k].w]
		if !ok {
			n, ok = fewCounts[toks[k].w]
		}
		if !ok && isNumber(toks[k].w) && len(toks[k].w) == 1 {
			n, ok = int(toks[k].w[0]-'0'), true
		}
		if ok && n >= 2 && n <= 5 {
			return true
		}
	}
	return false
}

// fewWords before a noun make it one or a few of them, not the flow.
var fewWords = map[string]bool{"my": true, "his": true, "her": true, "one": true, "a": true, "an": true, "two": true,
	"both": true, "few": true, "couple": true, "this": true, "that": true, "these": true, "those": true, "some": true,
	"single": true, "only": true, "just": true}

// pluralFailing finds a flow named in the plural as the subject of a
// failure ("card payments failed", "orders are not going through",
// "logins keep failing"): a claim about the flow, not one attempt. The
// noun comes at most three words before the failure word, in its clause,
// not after a word that makes it a few ("my payments", "two orders").
func pluralFailing(toks []token, lists ...[]hit) []hit {
	var out []hit
	for _, hs := range lists {
		for _, h := range hs {
			if h.neg {
				continue
			}
			for k := h.pos - 1; k >= 0 && k >= h.pos-3 && !toks[k+1].brk; k-- {
				t := toks[k]
				if (t.w == t.raw || t.poss || !matchesAny(toks, k, scopeNouns) && !hasAnyPrefix(t.raw, groupNouns)) && !matchesAny(toks, k, pluralScopeNouns) {
					continue // singular ("customer's" too), or not a flow
				}
				if j := k - 1; j >= 0 && !toks[k].brk && (fewWords[toks[j].w] || isNumber(toks[j].w)) {
					break
				}
				if k+1 < h.pos && hasAnyPrefix(toks[k+1].raw, groupNouns) {
					break // "the staff member": a noun's modifier, one person
				}
				out = append(out, hit{phrase: phrase{t.raw, toks[h.pos].raw}, pos: k})
				break
			}
		}
	}
	return out
}

// symptomCues before an outage word make it the text of an error shown to
// the writer ("it says service unavailable"), not a claim that the service
// is down.
var symptomCues = map[string]bool{"say": true, "says": true, "said": true, "show": true, "shows": true,
	"showed": true, "showing": true, "display": true, "displays": true, "displayed": true, "reads": true}

// symptoms moves outage words quoted from an error message to the failure
// words: one attempt's symptom, whose scope other words must give.
func symptoms(toks []token, outage, failure []hit) ([]hit, []hit) {
	var kept []hit
	for _, h := range outage {
		cue := false
		for k := h.pos - 1; k >= 0 && k >= h.pos-3 && !toks[k+1].brk; k-- {
			if symptomCues[toks[k].w] {
				cue = true
				break
			}
		}
		if cue {
			failure = append(failure, h)
		} else {
			kept = append(kept, h)
		}
	}
	return kept, failure
}

// Erasure requests: a verb that removes, asked for, and a person's data.
var (
	eraseVerbs  = mkPhrases("remove", "delete", "erase", "wipe", "purge", "anonymise", "anonymize")
	erasedVerbs = mkPhrases("removed", "deleted", "erased", "wiped", "purged", "anonymised", "anonymized")
	askWords    = mkPhrases("want*", "would like", "like to", "ask*", "request*", "need*", "please", "wish*", "how")
	personData  = mkPhrases("data", "information", "info", "detail*", "account", "history", "record*", "profile")
	personOwner = map[string]bool{"my": true, "her": true, "his": true, "their": true}
)

// erasureRequests finds a request to remove a person's data in one
// clause: "remove her data", "delete all my information", "she wants all
// her data removed" — a base verb, or a participle after a wish; and a
// person's possessive at most two words before a data noun. "All my data
// was deleted" reports a loss, not a request.
func erasureRequests(toks []token) []hit {
	cl := clauses(toks)
	var out []hit
	for i := range toks {
		base := matchesAny(toks, i, eraseVerbs)
		if !base && !matchesAny(toks, i, erasedVerbs) {
			continue
		}
		asked := base
		for k := i - 1; !asked && k >= 0 && cl[k] == cl[i]; k-- {
			asked = matchesAny(toks, k, askWords)
		}
		if !asked || negated(toks, i) {
			continue
		}
		for k := max(0, i-6); k < min(len(toks), i+7); k++ {
			if cl[k] != cl[i] || !personOwner[toks[k].w] {
				continue
			}
			for j := k + 1; j <= k+3 && j < len(toks) && cl[j] == cl[i]; j++ {
				if matchesAny(toks, j, personData) {
					out = append(out, hit{phrase: phrase{toks[i].raw, toks[k].raw, toks[j].raw}, pos: i})
					break
				}
			}
		}
	}
	return out
}

// exposureReports are the security words of data or secrets made visible.
// otherPersonsDetails are another person's details shown to the writer
// (round twenty-four): a security word, and an exposure, so that the page
// they were shown on ("op de afrekenpagina") names its service.
var otherPersonsDetails = []string{"gegevens van iemand anders", "iemand anders zijn gegevens", "daten von jemand anderem",
	"données de quelquun dautre", "datos de otra persona", "dati di qualcun altro", "dados de outra pessoa", "dane kogoś innego",
	"någon annans uppgifter"}

var exposureReports = mkPhrases(slices.Concat(leakWords, []string{"someone elses data", "other customers data",
	"another customers data", "other users data"}, otherPersonsDetails)...)

// leakWords are exposureReports' bare words of leaking, which name no
// party whose data it was ("is this a leak?", "a vulnerability").
var leakWords = []string{"leak*", "exposed", "exposing", "data exposure", "vulnerability", "xss", "sql injection", "csrf", "disclosure",
	// round fifteen: a data leak in the languages the security list knows it in
	"veri sızıntısı", "adatszivárgás", "витік даних", "утечка данных", "únik dát", "únik údajů", "curenje podataka",
	"tietovuoto", "datalekkasje", "datalæk", "wyciek*", "datenleck*", "fuite de données", "fuga de datos", "vazamento de dados",
	"fuga di dati", "datalek*", "dataläck*", "データ漏洩", "情報漏洩", "数据泄露", "데이터 유출", "정보 유출"}

var bareLeaks = mkPhrases(leakWords...)

// exposureOnly reports whether every security word of the ticket tells of
// an exposure: such a report is about what was exposed, and a credential
// word in it ("an SMTP password") does not make it the sign-in service's.
func exposureOnly(s *signals) bool {
	sec := active(s.security)
	if len(sec) == 0 {
		return false
	}
	for _, h := range sec {
		if len(outside([]hit{h}, s.exposure)) > 0 {
			return false
		}
	}
	return true
}

// Exposed secrets: a credential and a word that makes it public.
var (
	credentialWords = mkPhrases("api key*", "api token*", "access token*", "access key*", "secret key*", "private key*",
		"client secret*", "apikey*", "token*", "password*", "credential*", "secret*",
		// round eighteen: a key or password in the 17 languages of the variants
		"api-schlüssel*", "api schlüssel*", "passwort*", "zugangsdaten", "clé api", "clés api", "mot de passe", "clave api", "claves api",
		"clave de api", "contraseña*", "chave de api", "chave api", "senha*", "chiave api", "chiavi api", "api-sleutel*", "wachtwoord*",
		"klucz api", "klucze api", "hasło", "hasła", "api-nyckel*", "api-nyckl*", "lösenord*", "api-avain*", "api-avaim*", "salasana*", "api klíč*",
		"heslo", "hesla", "api anahtar*", "şifre*", "api-ключ*", "ключ api", "пароль*", "api-nøgle*", "adgangskode*", "api-nøkkel*",
		"passord*", "apiキー", "シークレットキー", "パスワード", "密钥", "秘钥", "密码", "api 키*", "api키*", "비밀번호*", "시크릿 키")
	exposureWords = mkPhrases("public*", "pushed", "committed", "posted", "published", "pasted", "leak*", "expos*",
		// round eighteen: made public, leaked, in the 17 languages of the variants
		"öffentlich*", "veröffentlicht", "geleakt", "publique", "publié*", "fuité", "público", "pública", "publicad*", "filtrad*",
		"vazad*", "publicou", "pubblic*", "trapelat*", "openbare", "openbaar", "gelekt", "publiczn*", "opublikowa*", "wyciekł*",
		"offentlig*", "läckt*", "julkise*", "julkais*", "vuoti*", "veřejn*", "unikl*", "herkese açık", "sızdı*", "публичн*",
		"опубликова*", "утек*", "lækket", "lekket", "公開", "流出", "漏洩", "漏えい", "公开", "泄露", "泄漏", "유출*", "공개*")
)

// exposedSecrets finds a credential made public, in one clause: "our API
// key was pushed to a public repo", "the admin password was posted in a
// forum". A public key is no secret.
func exposedSecrets(toks []token) []hit {
	cl := clauses(toks)
	var out []hit
	for i := range toks {
		if !matchesAny(toks, i, credentialWords) || i > 0 && toks[i-1].w == "public" {
			continue
		}
		// "… pushed the .env file to a public repo. It contains your live
		// API key": a clause saying what something holds points back to
		// the clause before it.
		holds := false
		for k := i - 1; k >= 0 && cl[k] == cl[i]; k-- {
			holds = holds || containWords[toks[k].w]
		}
		for k := max(0, i-24); k < min(len(toks), i+10); k++ {
			same := cl[k] == cl[i] && k >= i-8
			before := holds && cl[k] == cl[i]-1
			if k != i-1 && (same || before) && matchesAny(toks, k, exposureWords) && !negated(toks, k) {
				out = append(out, hit{phrase: phrase{toks[i].raw, toks[k].raw}, pos: i})
				break
			}
		}
	}
	return out
}

// containWords say what a file or message holds.
var containWords = map[string]bool{"contain": true, "contains": true, "contained": true, "include": true, "includes": true,
	"included": true, "has": true, "had": true, "enthält": true, "enthielt": true, "contient": true, "contenait": true,
	"contiene": true, "contenía": true, "conteneva": true, "contém": true, "bevat": true, "bevatte": true, "innehåller": true,
	"innehöll": true, "zawiera": true, "zawierał": true, "obsahuje": true, "sadrži": true, "tartalmaz": true, "содержит": true,
	"içeriyor": true, "berisi": true, "sisältää": true}

// fineWords are states a service returns to, and the verb "works", in the
// languages the lists read.
var fineWords = map[string]bool{"ok": true, "okay": true, "fine": true, "good": true, "normal": true, "working": true,
	"works": true, "stable": true, "normally": true, "normalno": true, "normalnie": true, "normale": true, "normalmente": true,
	"normaal": true, "normalt": true, "normaalisti": true, "normálisan": true, "normálně": true, "normálne": true, "нормально": true,
	"κανονικά": true, "radi": true, "rade": true, "działa": true, "działają": true, "funguje": true,
	"fungujú": true, "működik": true, "működnek": true, "funciona": true, "funcionan": true, "funziona": true, "funzionano": true,
	"fonctionne": true, "fonctionnent": true, "marche": true, "funktioniert": true, "funktionieren": true, "läuft": true, "laufen": true,
	"werkt": true, "werken": true, "fungerar": true, "funkar": true, "virker": true, "fungerer": true, "toimii": true, "toimivat": true,
	"çalışıyor": true, "работает": true, "работают": true, "працює": true, "працюють": true, "работи": true, "funcționează": true,
	"berfungsi": true, "gumagana": true, "עובד": true, "עובדת": true, "עובדים": true, "עובדות": true, "λειτουργεί": true,
	"töötab": true, "veikia": true, "strādā": true, "hoạt": true}

// againWords say a state holds once more, or now: "again", "wieder",
// "opet", "שוב", "ξανά", "jetzt".
var againWords = map[string]bool{"again": true, "now": true, "wieder": true, "weer": true, "igen": true, "igjen": true, "taas": true,
	"jälleen": true, "jälle": true, "opet": true, "ponovo": true, "ponovno": true, "znovu": true, "znowu": true, "opäť": true,
	"opět": true, "ismét": true, "újra": true, "lagi": true, "semula": true, "kembali": true, "ulit": true, "שוב": true, "ξανά": true,
	"vėl": true, "atkal": true, "nouveau": true, "nuevo": true, "nuovo": true, "novo": true, "już": true, "снова": true,
	"знову": true, "опять": true, "отново": true, "tekrar": true, "yeniden": true, "lại": true, "jetzt": true, "nu": true,
	"ahora": true, "agora": true, "maintenant": true, "teraz": true, "sada": true, "nyní": true, "сейчас": true, "зараз": true,
	// round twenty-two: "now" (and "already") where a state word beside it
	// was not read as the problem over: Italian, Romanian, Turkish, Czech,
	// Hungarian, Greek, Hebrew, Indonesian
	"adesso": true, "ora": true, "acum": true, "şimdi": true, "simdi": true, "teď": true, "már": true, "τώρα": true,
	"עכשיו": true, "sekarang": true, "sudah": true,
	// round ninety-two's review: Spanish and Portuguese "already", "now"
	// ("ya funcionan otra vez", "já funcionam"), so that any person of the
	// verb beside it reads, not the phrases' singular alone
	"ya": true, "já": true}

// fineAgain finds a state word beside a word for "again" or "now", in
// either order, next to each other or with a pronoun between, within a
// clause and not followed by a negation ("seems ok now",
// "it's fine again", "funktioniert jetzt wieder", "opet normalno stižu",
// "עובדת שוב"), not negated: the writer says the problem is over.
func fineAgain(toks []token) []hit {
	var out []hit
	for i := range toks {
		if !fineWords[toks[i].w] || negated(toks, i) {
			continue
		}
		for _, k := range []int{i + 1, i + 2, i - 1, i - 2} {
			lo, hi := min(i, k), max(i, k)
			if lo < 0 || hi >= len(toks) || !againWords[toks[k].w] && !otraVez(toks, i, k) || clauseBetween(toks, lo, hi) ||
				hi-lo == 2 && !pronouns[toks[lo+1].w] && !otraVez(toks, i, k) || negatedAfter(toks, hi) {
				continue
			}
			out = append(out, hit{phrase: phrase{toks[lo].w, toks[hi].w}, pos: lo})
			break
		}
	}
	return out
}

// otraVez reports whether toks[k] ends "otra vez" or "outra vez" ("again"
// in two words) right after the state word at i: "funcionan otra vez".
func otraVez(toks []token, i, k int) bool {
	return k == i+2 && toks[k].w == "vez" && (toks[i+1].w == "otra" || toks[i+1].w == "outra")
}

// negatedAfter reports whether a negator follows toks[i] in its clause,
// next to it or after a pronoun: "funktioniert nicht mehr", "funktioniert
// es nicht mehr".
func negatedAfter(toks []token, i int) bool {
	for a := i + 1; a < len(toks) && a <= i+2 && !toks[a].brk; a++ {
		if afterNegators[toks[a].w] {
			return true
		}
		if !pronouns[toks[a].w] {
			return false
		}
	}
	return false
}

// pronouns may stand between a state word and "again": "läuft es
// wieder", "werkt het weer", "it's working again".
var pronouns = map[string]bool{"it": true, "its": true, "es": true, "het": true, "det": true, "ça": true, "ca": true, "to": true,
	"se": true, "sie": true, "they": true, "das": true, "alles": true, "all": true, "everything": true, "wszystko": true, "sve": true,
	"זה": true} // Hebrew "it" (round twenty-two)

// clauseBetween reports whether a clause ends between toks[lo] and toks[hi].
func clauseBetween(toks []token, lo, hi int) bool {
	for k := lo + 1; k <= hi; k++ {
		if toks[k].brk {
			return true
		}
	}
	return false
}

// countToZero finds stored data counted down to nothing in one clause:
// "the order list went from 412 orders to 0", "von 300 Bewertungen auf
// null". A count that drops to zero is data that is no longer there.
func countToZero(toks []token) []hit {
	var out []hit
	for i := 0; i+3 < len(toks); i++ {
		if !fromWords[toks[i].w] || !isNumber(toks[i+1].w) {
			continue
		}
		stored := false
		for k := i - 1; k >= 0 && k >= i-6 && !toks[k+1].brk; k-- {
			stored = stored || matchesAny(toks, k, storedData)
		}
		for k := i + 2; k < len(toks) && k <= i+4 && !toks[k].brk; k++ {
			stored = stored || matchesAny(toks, k, storedData)
			if toWords[toks[k].w] && k+1 < len(toks) && zeroWords[toks[k+1].w] {
				if stored {
					out = append(out, hit{phrase: phrase(rawWords(toks[i : k+2])), pos: i})
				}
				break
			}
		}
	}
	return out
}

var (
	fromWords = map[string]bool{"from": true, "von": true, "de": true, "van": true, "da": true, "från": true, "od": true}
	toWords   = map[string]bool{"to": true, "auf": true, "à": true, "a": true, "naar": true, "till": true, "do": true, "op": true}
	zeroWords = map[string]bool{"0": true, "zero": true, "null": true, "nothing": true, "none": true, "nul": true, "noll": true, "cero": true}
)

// coordinators join a last item to a list: "… and everything", "… und
// so", "… et tout".
var coordinators = map[string]bool{"and": true, "or": true, "und": true, "oder": true, "et": true, "ou": true, "y": true,
	"o": true, "e": true, "i": true, "och": true, "eller": true, "og": true, "en": true, "of": true, "lub": true, "albo": true}

// withoutFillers drops a one-word scope closing a clause right after a
// coordinator: "I have items in my cart and everything", "… or everyone",
// "… und alle" trail off a list; they count no one.
func withoutFillers(toks []token, hs []hit) []hit {
	var out []hit
	for _, h := range hs {
		p := h.pos
		if len(h.phrase) == 1 && p > 0 && coordinators[toks[p-1].w] && !toks[p].brk && (p+1 == len(toks) || toks[p+1].brk) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// askedAbout are determiners that put a noun in a question or its
// absence: "any idea?", "no idea why", "irgendeine Idee", "aucune idée".
var askedAbout = map[string]bool{"any": true, "no": true, "irgendeine": true, "keine": true, "aucune": true,
	"alguna": true, "ninguna": true, "qualche": true, "nessuna": true, "enig": true, "geen": true, "någon": true, "ingen": true,
	"jakiś": true, "żadnego": true, "alguma": true, "nenhuma": true}

// notAsked drops a one-word feature noun after such a determiner (a
// question about a problem, not a suggestion), and a feature phrase right
// after a "not" ("non è possibile aggiungere", "não é possível adicionar":
// it cannot be done, a failure).
// callBackNotAsked are words that, shortly before a call-back word in its
// clause, make it no ask to be called: a negator ("لا تتصلوا بي", "אל
// תחזרו אליי", "don't call me") or a subject that did the calling or
// calls ("מישהו ניסה להתקשר אליי", "my customers call me every day").
var callBackNotAsked = map[string]bool{"dont": true, "not": true, "never": true, "someone": true, "somebody": true,
	"customer": true, "people": true, "لا": true, "شخص": true, "أحد": true, "احد": true, "אל": true, "לא": true,
	"מישהו": true}

// askedCallers are the subjects of callBackNotAsked a call-back is asked
// of when they stand right before the ask, or before an askedBetween
// ("please", "could", Hebrew "can") and the ask ("Could someone please
// call me back?", "have somebody call me", "if someone could call me
// back", "מישהו יכול להתקשר אליי?"): a report puts its own verb between
// ("someone tried to call me"). "Anyone" is no word of callBackNotAsked:
// its ask counts as it is. Mended after the read-through of round
// ninety-seven.
var (
	askedCallers = map[string]bool{"someone": true, "somebody": true, "מישהו": true}
	askedBetween = map[string]bool{"please": true, "could": true, "יכול": true}
)

// notCalledBy drops the call-back words that callBackNotAsked turn from
// an ask into a report or a refusal (within three words of the same
// clause before them), unless the word is a caller asked (askedCallers);
// a question noun is kept.
func notCalledBy(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		if !callBacks[&h.phrase[0]] {
			return false
		}
		p := h.pos - 1
		if p >= 0 && !toks[p+1].brk && askedBetween[toks[p].w] {
			p--
		}
		if p >= 0 && !toks[p+1].brk && askedCallers[toks[p].w] {
			return false // a negator before it is read as the hit's own (active)
		}
		return shortlyBefore(toks, h.pos, callBackNotAsked)
	})
}

// notFailedAsk drops the privacy words with a failure word in their
// sentence: a deletion or an export that fails is a failure to report
// ("Usunięcie konta nie działa", "I cannot delete my data, the page shows
// error 500"), not the request itself, in whatever language.
func notFailedAsk(toks []token, hs, failures []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		from, to := sentenceOf(toks, h.pos)
		return slices.ContainsFunc(failures, func(f hit) bool { return f.pos >= from && f.pos < to })
	})
}

func notAsked(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		if len(h.phrase) == 1 && h.pos > 0 && !toks[h.pos].brk && askedAbout[toks[h.pos-1].w] {
			return true
		}
		// only the present "is it possible" ("non è possibile aggiungere");
		// a conditional after a "not" is still a polite ask ("non sarebbe
		// possibile aggiungere …?", "ne serait-il pas possible d'ajouter")
		return h.pos > 0 && !toks[h.pos].brk && notBeforeAll[toks[h.pos-1].w] && presentIs[toks[h.pos].w]
	})
}

// presentIs are "is" in the languages whose "is it possible to add" a
// "not" before it turns into "it cannot be added".
var presentIs = map[string]bool{"è": true, "e": true, "é": true, "ist": true, "es": true}

// orderAbsent finds an order noun followed in its clause, within four
// words, by a word of not appearing: "ordern syns inte", "der Auftrag
// taucht nicht auf", "l'ordine non appare".
func orderAbsent(toks []token) []hit {
	var out []hit
	for i := range toks {
		if !orderNouns.matches(toks, i) {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].brk; k++ {
			if notAppearing.matches(toks, k) {
				out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
				break
			}
		}
	}
	return out
}

// boughtAbsent are the things the writer paid for that do not show up
// ("I paid for the course but the enrolment does not appear", "the card
// was charged but the number does not appear in our account"): after a
// word that money was taken, in the same sentence or the next, a thing
// bought (boughtThings) not appearing, named in the not-appearing
// phrase's clause within four words either side, is the order's failure.
// Not when that clause also names a message, a confirmation or the money
// itself ("the refund does not appear", "the confirmation e-mail does not
// appear", "no aparece el reembolso"): those are the messaging service's
// or the payment's; nor when the phrase is negated ("no falta nada",
// "fehlt nichts"). Anything else not showing (a button, a link, a search
// box) after a paid plan is no order's.
func boughtAbsent(toks []token) []hit {
	paid := active(findAll(toks, paidWords))
	if len(paid) == 0 {
		return nil
	}
	var out []hit
	for _, h := range active(findAll(toks, notAppearing)) {
		k := h.pos
		if len(out) > 0 && out[len(out)-1].pos == k || !paidBefore(toks, paid, k) || nothingAfter(toks, h) {
			continue
		}
		bought, other := false, false
		look := func(j int) {
			if boughtThings.matches(toks, j) {
				bought = true
			}
			if messageNouns.matches(toks, j) || orderConfirmations.matches(toks, j) || moneyThings.matches(toks, j) {
				other = true
			}
		}
		for j := k - 1; j >= 0 && j >= k-4 && !toks[j+1].brk; j-- {
			look(j)
		}
		end := k + len(h.phrase)
		for j := end; j < len(toks) && j < end+4 && !toks[j].brk; j++ {
			look(j)
		}
		if bought && !other {
			out = append(out, hit{phrase: phrase(rawWords(toks[k:end])), pos: k})
		}
	}
	return out
}

// boughtThings are the kinds of thing a writer pays for and then looks for
// in an account: an enrolment, a booking or an appointment, a ticket, a
// plan or a subscription, a licence, a number, a tax declaration, a
// course, in the languages tickets come in.
var boughtThings = mkFlowWords("enrolment*", "enrollment*", "registration*", "booking*", "reservation*", "appointment*", "ticket*",
	"plan", "plans", "subscription*", "licence*", "license*", "number", "numbers", "declaration*", "course", "courses", "membership*",
	"inscrição", "inscrições", "matrícula*", "reserva", "reservas", "marcação", "marcações", "consulta", "consultas", "bilhete*",
	"assinatura*", "plano", "planos", "licença*", "número", "números", "declaração", "declarações", "curso", "cursos",
	"inscripción", "inscripciones", "cita", "citas", "billete*", "suscripción", "suscripciones", "licencia*", "declaración", "declaraciones",
	"anmeldung*", "buchung*", "reservierung*", "termin", "termine", "abo", "abonnement*", "lizenz*", "nummer", "mitgliedschaft*",
	"inscription*", "réservation*", "rendez-vous", "billet*", "numéro*", "déclaration*",
	"iscrizione", "iscrizioni", "prenotazione", "prenotazioni", "appuntamento", "biglietto", "biglietti", "abbonamento", "licenza",
	"numero", "dichiarazione", "corso", "corsi",
	"κράτηση", "κρατήσεις", "εγγραφή", "εισιτήριο*", "συνδρομή", "αριθμός", "αριθμό", "αριθμοί", "δήλωση", "ραντεβού")

// nothingWords are "nothing" right after a word of something missing: "no
// falta nada", "im Konto fehlt nichts", nothing is missing.
var nothingWords = map[string]bool{"nothing": true, "nada": true, "nichts": true, "niente": true, "nulla": true, "rien": true,
	"niets": true, "inget": true, "ingenting": true, "intet": true, "nic": true, "τίποτα": true}

// nothingAfter reports whether "nothing" follows the phrase in its clause.
func nothingAfter(toks []token, h hit) bool {
	end := h.pos + len(h.phrase)
	return end < len(toks) && !toks[end].brk && (nothingWords[toks[end].w] || nothingWords[toks[end].raw])
}

// paidBefore reports whether one of the paid hits comes before k in k's
// sentence or the one before it.
func paidBefore(toks []token, paid []hit, k int) bool {
	from, _ := sentenceOf(toks, k)
	if from > 0 {
		from, _ = sentenceOf(toks, from-1)
	}
	return slices.ContainsFunc(paid, func(p hit) bool { return p.pos >= from && p.pos < k })
}

// moneyThings are the money itself, which may not show up where the
// writer looks without the thing bought missing.
var moneyThings = mkFlowWords("refund*", "payment*", "money", "amount", "charge*", "reembols*", "rimbors*", "erstattung*",
	"rückerstattung*", "remboursement*", "pagamento*", "zahlung*", "paiement*", "dinheiro", "dinero", "geld", "argent")

// orderConfirmations are what an order sends, a message about it: "no order
// confirmations" is no missing order.
var orderConfirmations = mkFlowWords("confirmation*", "confirm*", "receipt*", "bestätigung*", "bekräftelse*", "bevestiging*")

// orderCharges are what an order costs: "no booking fee" is no missing
// booking.
var orderCharges = mkFlowWords("fee*", "cost*", "charge*", "surcharge*", "gebühr*", "frais")

// ordersNotMissing drops the "missing orders" that are not: those whose
// order word modifies a message noun or a charge that follows it ("no
// order confirmations overnight", "no order e-mails", "no booking fee on
// my invoice"), where the message or the charge is what is missing; and
// those that go on to say what is no problem ("the booking isn't a
// problem").
func ordersNotMissing(toks []token, hs []hit) []hit {
	var out []hit
	for _, h := range hs {
		end := h.pos + len(h.phrase)
		if end < len(toks) && !toks[end].brk && (messageNouns.matches(toks, end) || orderConfirmations.matches(toks, end) || orderCharges.matches(toks, end)) {
			continue
		}
		if end+1 < len(toks) && !toks[end].brk && !toks[end+1].brk && (toks[end].w == "a" || toks[end].w == "an") &&
			(toks[end+1].w == "problem" || toks[end+1].w == "issue") {
			continue
		}
		out = append(out, h)
	}
	return out
}

// slowVerbs are the words next to which the South Slavic "sporo" is
// "slowly" ("se sporo učitava", "radi sporo"); alone, "sporo" is as likely
// Polish for "quite a lot" ("Sporo klientów nie może zapłacić").
var slowVerbs = mkPhrases("se", "radi", "rade", "ide", "idu", "učitava*", "ucitava*", "otvara*", "odvija*", "reagira*",
	"reaguje", "funkcionira*", "funkcioniše", "vrlo", "veoma", "jako", "užasno", "strašno", "izuzetno")

// articles before "back up" make it the noun ("Hebben jullie een
// back-up?", "do you keep a back up?"): a copy, not a service back up.
var articles = map[string]bool{"a": true, "an": true, "the": true, "een": true, "de": true, "het": true, "ein": true, "eine": true,
	"einen": true, "das": true, "un": true, "une": true, "una": true, "uma": true, "um": true, "en": true, "et": true, "ett": true,
	"le": true, "la": true, "el": true, "our": true, "your": true, "jullie": true, "uw": true, "ihr": true, "euer": true}

// notBackupNoun drops "back up" read as a resolution where it is the noun.
func notBackupNoun(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		if h.phrase.String() == "back up" && h.pos > 0 && !toks[h.pos].brk && articles[toks[h.pos-1].w] {
			return true
		}
		return false
	})
}

// turkishCannotMine are the endings of a Turkish verb that say "I cannot"
// or "I could not" ("giriş yapamıyorum", "ödeyemedim"): the writer's own
// attempt, as "I can't" is in English.
var turkishCannotMine = []string{"amıyorum", "emiyorum", "amiyorum", "amadım", "emedim", "amadim"}

// turkishFirstPerson finds the verbs that end in turkishCannotMine.
func turkishFirstPerson(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		for _, e := range turkishCannotMine {
			if strings.HasSuffix(t.raw, e) && len(t.raw) > len(e)+1 {
				out = append(out, hit{phrase: phrase{t.raw}, pos: i, neg: negated(toks, i)})
				break
			}
		}
	}
	return out
}

// notSlowSense drops slowness hits that say something else where they
// stand: "sporo" with no verb next to it, and the Dutch "heel lang" or
// "erg lang" of "heel lang geleden" (a long time ago).
func notSlowSense(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		end := h.pos + len(h.phrase)
		switch h.phrase.String() {
		case "sporo":
			if !(h.pos > 0 && !toks[h.pos].brk && slowVerbs.matches(toks, h.pos-1) ||
				end < len(toks) && !toks[end].brk && slowVerbs.matches(toks, end)) {
				return true
			}
		case "heel lang", "erg lang":
			if end < len(toks) && toks[end].w == "geleden" {
				return true
			}
		}
		return false
	})
}

// mailTokens are the words of an e-mail as tokens: "e-mail" and "e-mails"
// tokenize to "email"; the CJK scripts' first character of 邮件, 郵件, メール.
var mailTokens = map[string]bool{"email": true, "mail": true, "mailen": true, "邮": true, "郵": true, "メ": true}

// notAMessagesKind drops the billing words that only say which message
// failed to arrive or is asked for again: "the invoice e-mail", "发票邮件",
// "Rechnungsmail", "l'e-mail de facture", "la email della fattura". The
// message is the notification's, not a billing question.
func notAMessagesKind(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		end := h.pos + len(h.phrase)
		w := toks[h.pos].w
		switch {
		case end < len(toks) && !toks[end].brk && mailTokens[toks[end].w]:
			return true
		case len(h.phrase) == 1 && len(w) > 6 && strings.HasSuffix(w, "mail"):
			return true
		case h.pos >= 2 && !toks[h.pos].brk && !toks[h.pos-1].brk && mailTokens[toks[h.pos-2].w] && messageOf[toks[h.pos-1].w]:
			return true
		}
		return false
	})
}

// messageOf are the prepositions between a message and what it carries:
// "e-mail de facture", "email della fattura", "e-mail met factuur".
var messageOf = map[string]bool{"de": true, "da": true, "di": true, "del": true, "della": true, "met": true, "med": true, "z": true, "s": true}

// messageKindOnly reports whether toks name billing words, all of them
// only as the kind of a message (see notAMessagesKind).
func messageKindOnly(toks []token) bool {
	all := findAll(toks, billingWords)
	return len(all) > 0 && len(notAMessagesKind(toks, all)) == 0
}

// codeNouns name a code a user types; codeKinds say it is the sign-in's
// (an SMS or one-time code, a two-factor or verification code, a login
// code); otherCodes that it is another thing's (a discount's, a parcel's,
// a locker's, a card's or a bank's) and errorCodeWords, right beside it,
// that it is an error's or a status's ("error code 42"); codeRefusals that
// it was not accepted and codeWrong that it was the wrong one, in the
// languages tickets come in. None of them is learned (mkFlowWords):
// "không" or "nie" alone says nothing of a language read.
var (
	codeNouns = mkFlowWords("code", "código*", "codice", "codici", "kod", "kodu", "kodem", "kody", "kód*", "koodi*",
		"код", "кода", "коды", "кодът", "κωδικ*", "コード", "验证码", "驗證碼", "코드", "mã", "รหัส", "otp", "pin",
		// round twenty-two: the code in Scandinavian, Indonesian, Hungarian
		// (typed without accents), Romanian and Hebrew
		"koden", "koder", "koderne", "kodene", "kode", "kodenya", "kodot", "kodja", "cod", "codul", "codului", "קוד", "הקוד")
	codeKinds = mkFlowWords("sms", "otp", "2fa", "mfa", "login", "log-in", "sign-in", "signin", "one-time", "verification", "security",
		"authenticator", "two-factor", "2-step", "two-step", "dois fatores", "dos factores", "deux facteurs", "due fattori",
		"verificação", "verificación", "vérification", "verifica", "verificatie", "bestätigung*", "verifizierung*", "anmelde*",
		"sicherheit*", "autenticador", "autenticazione", "authentification", "connexion", "acceso", "inloggning*", "weryfikac*",
		"ověřovací", "overovací", "ellenőrző", "varmennus*", "подтвержден*", "проверочн*", "doğrulama", "xác minh", "認証", "验证", "인증",
		"смс", "sms-код*", "sms-kód*", "sms-kod*")
	otherCodes = mkFlowWords("promo*", "coupon*", "voucher*", "discount*", "rabatt*", "gutschein*", "descuento*", "desconto*", "sconto",
		"gift", "cupón", "cupom", "kupon*", "korting*", "réduction", "remise", "postal", "zip", "post", "tracking",
		"locker*", "pickup", "pick-up", "abhol*", "retrait", "qr", "card*", "karte*", "tarjeta*", "carte*", "cartão", "carta",
		"bank*", "banco", "banque", "3-d", "3d", "3ds", "secure", "cvv", "cvc",
		// round sixty-three's review: a referral's or an invitation's code
		"referral*", "invit*")
	errorCodeWords = mkFlowWords("error", "status", "fehler*", "erreur", "http")
	codeRefusals   = mkFlowWords("invalid", "not valid", "no válido", "inválido", "invalide", "non valido", "non valide", "ungültig",
		"ongeldig", "ogiltig", "ugyldig", "nieprawidłow*", "neplatn*", "неверн*", "недействител*", "érvénytelen", "virheellinen",
		"geçersiz", "không hợp lệ", "無効", "无效", "rejected", "refused", "not accepted", "isnt accepted", "never accepted",
		"recusad*", "rechazad*", "refusé*", "rifiutat*", "abgelehnt", "afgewezen", "avvisad*", "odrzucon*", "expired", "abgelaufen",
		"expiré", "caducad*", "expirad*", "scadut*", "verlopen", "não é aceit*", "no es aceptad*", "non è accettat*",
		"nest pas accepté", "wird nicht akzeptiert", "wordt niet geaccepteerd", "not working", "isnt working", "arent working",
		"doesnt work", "dont work", "ne marchait pas", "ne marche pas", "ne fonctionne pas", "no funciona*", "não funciona*",
		"non funziona*", "funktioniert nicht", "funktionieren nicht", "werkt niet", "werken niet", "fungerar inte", "virker ikke",
		"nie działa*", "nefunguj*", "не работает", "не работают", "çalışmıyor",
		// round twenty-two: refused, in the languages whose refusal verb was
		// not read (Czech, Dutch past, Croatian, Romanian, Indonesian,
		// Vietnamese, Greek, Hebrew, Hungarian, Finnish, Turkish, Russian,
		// Scandinavian)
		"odmítnut*", "odmítá", "odmítl*", "zamítnut*", "geweigerd", "weigert", "odbijen*", "odbija", "nevažeć*", "nevaljal*", "respins*",
		"respinge", "nu este valid", "ditolak", "tidak valid", "bị từ chối", "απορρίπτ*", "απορρίφθ*",
		"άκυρ*", "נדחה", "נדחית", "נדחים", "לא תקין", "elutasít*", "hylät*", "hylkää", "reddedil*", "reddedi*",
		"отклон*", "avvist", "afvist", "avvisas", "avvises", "afvises", "avslag*",
		// round forty-seven: the check of the code failed, as the screen
		// says it ("Verifizierung fehlgeschlagen", "no se pudo verificar
		// el código"): the code arrived and was typed
		"verification failed", "verify failed", "could not verify", "couldnt verify", "could not be verified",
		"couldnt be verified", "unable to verify", "verifizierung fehlgeschlagen", "überprüfung fehlgeschlagen",
		"doğrulama başarısız", "doğrulanamadı", "không thể xác minh", "xác minh thất bại", "no se pudo verificar",
		"verificación fallida", "não foi possível verificar", "verificação falhou", "impossible de vérifier",
		"échec de la vérification", "verifica non riuscita", "impossibile verificare", "verificatie mislukt",
		"nie udało się zweryfikować", "weryfikacja nieudana", "не удалось проверить", "проверка не пройдена")
	// codeWrong's words count only next to the code, from the word before
	// it to two after ("wrong code", "code is wrong"): further on, "the
	// SMS code goes to the wrong number" is no refusal. Vietnamese "sai"
	// is not among them: it is Portuguese "comes out" and Italian "you
	// know" ("o código SMS sai com atraso").
	codeWrong = mkFlowWords("wrong", "falsch*", "incorrect*", "errado", "sbagliato", "onjuist",
		"greșit", "salah", "λάθος", "שגוי", "hibás", "yanlış")
)

// signInCode reports whether toks[i] is a sign-in code: a code word with
// a sign-in kind beside it ("the SMS code", "código de dois fatores",
// "login codes"), or in a sentence about signing in; not a discount's, a
// parcel's, a card's or an error's code.
func signInCode(toks []token, i int) bool {
	if !codeNouns.matches(toks, i) {
		return false
	}
	from, to := sentenceAround(toks, i, 12, 12)
	// Croatian "kod" is also "at" ("Kod nekih kupaca SMS poruke su
	// odbijene"): as a code it needs its kind right beside it.
	near := 3
	if toks[i].w == "kod" {
		near = 1
	}
	kind, other := false, false
	for k := max(from, i-near); k <= min(to, i+near); k++ {
		kind = kind || k != i && codeKinds.matches(toks, k)
		other = other || otherCodes.matches(toks, k)
	}
	for _, k := range []int{i - 1, i + 1} {
		other = other || k >= from && k <= to && errorCodeWords.matches(toks, k)
	}
	if other {
		return false
	}
	// a "kod" that opens its sentence without its kind beside it is
	// the Croatian "at" ("Kod nekih kupaca prijava ne uspijeva")
	if near == 1 && !kind && (i == 0 || toks[i].stop) {
		return false
	}
	signIn := flowKindNamed("signing in").does
	for k := from; !kind && k <= to; k++ {
		kind = signIn.matches(toks, k)
	}
	return kind
}

// signInCodeRefused returns the first refusal of a sign-in code (a code
// word signInCode reads as one), refused up
// to ten words on or three before it in the same sentence ("is always
// rejected", "'code not valid'", "Der SMS-Code, den ich bekomme, wird
// abgelehnt"), or called wrong right beside it ("wrong code", "code is
// wrong"). A code that did not arrive is not refused: that is the
// message's (undeliveredMessage), or the sign-in's where the project's
// aliases give it the codes (codeclaim.go). A negated refusal ("no longer
// rejected") is kept as one, negated.
func signInCodeRefused(toks []token) []hit {
	var negatedFirst *hit
	for i := range toks {
		if !signInCode(toks, i) {
			continue
		}
		from, to := sentenceAround(toks, i, 3, 10)
		for k := from; k <= to; k++ {
			if k == i {
				continue
			}
			var found *hit
			codeRefusals.at(toks, k, func(p phrase) {
				if found == nil {
					found = &hit{phrase: p, pos: k, neg: negated(toks, k)}
				}
			})
			if found == nil && k >= i-1 && k <= i+2 {
				codeWrong.at(toks, k, func(p phrase) {
					if found == nil {
						found = &hit{phrase: p, pos: k, neg: negated(toks, k)}
					}
				})
			}
			if found != nil && !found.neg {
				return []hit{*found}
			}
			if found != nil && negatedFirst == nil {
				negatedFirst = found // an active refusal later still wins
			}
		}
	}
	if negatedFirst != nil {
		return []hit{*negatedFirst}
	}
	return nil
}

// romanianOur are the Romanian "our" ("noi", we, is also "new"): "nu am putut" is "I could
// not" and "we could not" alike, and beside them it is the second ("De
// aseară nu am putut primi comenzi în niciun restaurant al nostru").
var romanianOur = map[string]bool{"nostru": true, "noastră": true, "noastra": true, "noștri": true,
	"nostri": true, "noastre": true}

// notOthersOrKnowing drops the writer's-own-attempt hits that are not one:
// Romanian "nu am putut" in a sentence that says we or our, and Hungarian
// "nem tudtam" before "hogy" ("I did not know that", not "I could not").
func notOthersOrKnowing(toks []token, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		switch strings.Join(h.phrase, " ") {
		case "nu am putut":
			from, to := sentenceAround(toks, h.pos, 12, 16)
			for k := from; k <= to; k++ {
				if romanianOur[toks[k].w] || romanianOur[toks[k].f] {
					return true
				}
			}
		case "nem tudtam":
			return h.pos+2 < len(toks) && toks[h.pos+2].w == "hogy"
		}
		return false
	})
}

// codesCounted reports whether the ticket counts status codes rather than
// tells of one it saw: a code in the plural ("502s", "5xx"), a code beside
// a plural error noun ("a bunch of 502 errors", "erreurs 502 en masse"), or
// a code a monitor reports ("our monitoring shows 503").
func codesCounted(toks []token) bool {
	code, monitor := false, false
	for i, t := range toks {
		if countedCode(t.raw) {
			return true
		}
		if !statusCode(t.raw) {
			monitor = monitor || monitorWords[t.raw]
			continue
		}
		code = true
		if i+1 < len(toks) && pluralErrors[toks[i+1].raw] || i > 0 && pluralErrors[toks[i-1].raw] {
			return true
		}
	}
	return code && monitor
}

// pluralErrors are the plural nouns that count errors or responses, and
// monitorWords those of a monitor watching the service.
var (
	pluralErrors = map[string]bool{"errors": true, "responses": true, "erreurs": true, "errores": true, "erros": true,
		"errori": true, "fouten": true, "błędy": true, "hatalar": true, "hataları": true, "ошибки": true, "ошибок": true}
	monitorWords = map[string]bool{"monitoring": true, "monitor": true, "monitors": true, "uptime": true, "synthetic": true,
		"grafana": true, "datadog": true, "pagerduty": true, "pingdom": true, "alerting": true}
)

// statusCode reports whether a word is an HTTP status code of a failure
// (4xx or 5xx).
func statusCode(w string) bool {
	if len(w) != 3 || w[0] != '4' && w[0] != '5' {
		return false
	}
	return w[1] >= '0' && w[1] <= '9' && w[2] >= '0' && w[2] <= '9'
}

// countedCode reports whether a word is a status code counted in the
// plural or named as its class ("502s", "5xx").
func countedCode(w string) bool {
	if len(w) == 3 && w[0] >= '1' && w[0] <= '5' && w[1:] == "xx" {
		return true
	}
	if len(w) != 4 || w[3] != 's' {
		return false
	}
	for _, c := range w[:3] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// notWhatWorks drops "everything" read as a scope where its clause says it
// works ("the cart and everything works until I enter my card", "I added
// everything to my cart no problem", "everything seems fine now"): the
// things that work are not the people blocked. A failure word in the
// clause cancels that reading ("everything worked until 11:45 and now
// everything is broken"), and Finnish "kaikki" is never dropped: it is
// also everyone.
func notWhatWorks(toks []token, cl []int, many, failing []hit) []hit {
	works := map[int]bool{}
	for _, h := range active(findAll(toks, worksWords)) {
		works[cl[h.pos]] = true
	}
	for _, h := range failing {
		works[cl[h.pos]] = false
	}
	return slices.DeleteFunc(many, func(h hit) bool {
		return len(h.phrase) == 1 && everything[h.phrase[0]] && h.phrase[0] != "kaikki" && works[cl[h.pos]]
	})
}
