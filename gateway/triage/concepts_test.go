package triage

import (
	"context"
	"strings"
	"testing"
	"time"
)

// conceptTable is round fourteen's audit of the concepts the word lists
// know, by concept and not by ticket: for each of the 17 languages of the
// variants (and English), one sentence per concept as a native would write
// it — down for everyone, cannot pay, not receiving, slow, data lost,
// someone else in the account, a how-to question, a feature wish, an
// invoice request, works again, customers who cannot check out, some
// customers failing, one in five failing — and some casual ones (no diacritics, chat forms, English tech words mixed in).
// Columns: language, concept, the claim, the service ("" for any), the
// subject, the description. Japanese "お客様" does not say how many
// customers: its not-receiving and checkout rows are left out.
const conceptTable = `
en	down	outage	auth	Login down	The login has been down since this morning, nobody can sign in.
en	cantpay	one	payments	Card payment	I can't pay with my card, I get an error every time.
en	notarrive	outage	notifications	SMS codes	Our customers are not receiving the SMS codes since 10:00.
en	slow	degraded	search	Search	The search is extremely slow today, every query takes forever.
en	dataloss	dataloss		Orders gone	All our orders have disappeared from the admin!
en	security	security		Account	Someone logged into my account and changed my password.
en	howto	low		Question	How can I change the e-mail address of my account?
en	feature	low		Idea	It would be great if you could add an export to Excel.
en	billing	low		Invoice	Please send me the invoice for March again, I need it for our accounting.
en	resolved	resolved		Re: checkout	It works again, thanks! You can close the ticket.
en	checkout	outage	checkout-api	Checkout	Customers cannot complete checkout, the cart shows an error.
de	down	outage	auth	Login down	Der Login ist seit heute Morgen down, niemand kann sich anmelden.
de	cantpay	one	payments	Kartenzahlung	Ich kann nicht mit meiner Karte bezahlen, es kommt jedes Mal eine Fehlermeldung.
de	notarrive	outage	notifications	SMS-Codes	Unsere Kunden bekommen seit 10 Uhr keine SMS-Codes mehr.
de	slow	degraded	search	Suche	Die Suche ist heute extrem langsam, jede Anfrage dauert ewig.
de	dataloss	dataloss		Bestellungen weg	Alle unsere Bestellungen sind aus dem Backend verschwunden!
de	security	security		Konto	Jemand hat sich in mein Konto eingeloggt und mein Passwort geändert.
de	howto	low		Frage	Wie kann ich die E-Mail-Adresse meines Kontos ändern?
de	feature	low		Idee	Es wäre super, wenn ihr einen Export nach Excel einbauen könntet.
de	billing	low		Rechnung	Bitte schicken Sie mir die Rechnung für März noch einmal, ich brauche sie für die Buchhaltung.
de	resolved	resolved		AW: Checkout	Es funktioniert wieder, danke! Ihr könnt das Ticket schließen.
de	checkout	outage	checkout-api	Checkout	Kunden können den Checkout nicht abschließen, der Warenkorb zeigt einen Fehler.
fr	down	outage	auth	Connexion en panne	La connexion est en panne depuis ce matin, personne ne peut se connecter.
fr	cantpay	one	payments	Paiement par carte	Je n'arrive pas à payer avec ma carte, j'ai une erreur à chaque fois.
fr	notarrive	outage	notifications	Codes SMS	Nos clients ne reçoivent plus les codes SMS depuis 10h.
fr	slow	degraded	search	Recherche	La recherche est extrêmement lente aujourd'hui, chaque requête prend une éternité.
fr	dataloss	dataloss		Commandes disparues	Toutes nos commandes ont disparu de l'admin !
fr	security	security		Compte	Quelqu'un s'est connecté à mon compte et a changé mon mot de passe.
fr	howto	low		Question	Comment puis-je changer l'adresse e-mail de mon compte ?
fr	feature	low		Idée	Ce serait génial si vous pouviez ajouter un export vers Excel.
fr	billing	low		Facture	Pouvez-vous me renvoyer la facture de mars ? J'en ai besoin pour la comptabilité.
fr	resolved	resolved		RE: panier	Ça remarche, merci ! Vous pouvez fermer le ticket.
fr	checkout	outage	checkout-api	Panier	Les clients ne peuvent pas finaliser leur commande, le panier affiche une erreur.
es	down	outage	auth	Login caído	El login está caído desde esta mañana, nadie puede iniciar sesión.
es	cantpay	one	payments	Pago con tarjeta	No puedo pagar con mi tarjeta, me sale un error cada vez.
es	notarrive	outage	notifications	Códigos SMS	Nuestros clientes no reciben los códigos SMS desde las 10:00.
es	slow	degraded	search	Búsqueda	La búsqueda va lentísima hoy, cada consulta tarda muchísimo.
es	dataloss	dataloss		Pedidos desaparecidos	¡Todos nuestros pedidos han desaparecido del panel!
es	security	security		Cuenta	Alguien entró en mi cuenta y cambió mi contraseña.
es	howto	low		Pregunta	¿Cómo puedo cambiar la dirección de correo de mi cuenta?
es	feature	low		Idea	Estaría genial si pudierais añadir una exportación a Excel.
es	billing	low		Factura	¿Me podéis volver a enviar la factura de marzo? La necesito para contabilidad.
es	resolved	resolved		RE: carrito	¡Ya funciona otra vez, gracias! Podéis cerrar el ticket.
es	checkout	outage	checkout-api	Carrito	Los clientes no pueden finalizar la compra, el carrito muestra un error.
pt	down	outage	auth	Login fora do ar	O login está fora do ar desde hoje de manhã, ninguém consegue entrar.
pt	cantpay	one	payments	Pagamento com cartão	Não consigo pagar com o meu cartão, aparece um erro toda vez.
pt	notarrive	outage	notifications	Códigos SMS	Nossos clientes não estão recebendo os códigos SMS desde as 10h.
pt	slow	degraded	search	Busca	A busca está muito lenta hoje, cada pesquisa demora uma eternidade.
pt	dataloss	dataloss		Pedidos sumiram	Todos os nossos pedidos sumiram do painel!
pt	security	security		Conta	Alguém entrou na minha conta e trocou a minha senha.
pt	howto	low		Dúvida	Como posso alterar o endereço de e-mail da minha conta?
pt	feature	low		Sugestão	Seria ótimo se vocês pudessem adicionar uma exportação para Excel.
pt	billing	low		Fatura	Podem me reenviar a fatura de março? Preciso dela para a contabilidade.
pt	resolved	resolved		RE: carrinho	Voltou a funcionar, obrigado! Podem fechar o chamado.
pt	checkout	outage	checkout-api	Carrinho	Os clientes não conseguem finalizar a compra, o carrinho mostra um erro.
it	down	outage	auth	Login down	Il login è down da stamattina, nessuno riesce ad accedere.
it	cantpay	one	payments	Pagamento con carta	Non riesco a pagare con la mia carta, mi esce sempre un errore.
it	notarrive	outage	notifications	Codici SMS	I nostri clienti non ricevono i codici SMS dalle 10.
it	slow	degraded	search	Ricerca	La ricerca oggi è lentissima, ogni ricerca ci mette un'eternità.
it	dataloss	dataloss		Ordini spariti	Tutti i nostri ordini sono spariti dal pannello!
it	security	security		Account	Qualcuno è entrato nel mio account e ha cambiato la mia password.
it	howto	low		Domanda	Come posso cambiare l'indirizzo e-mail del mio account?
it	feature	low		Idea	Sarebbe fantastico se poteste aggiungere un'esportazione in Excel.
it	billing	low		Fattura	Potete rimandarmi la fattura di marzo? Mi serve per la contabilità.
it	resolved	resolved		R: carrello	Adesso funziona di nuovo, grazie! Potete chiudere il ticket.
it	checkout	outage	checkout-api	Carrello	I clienti non riescono a completare l'acquisto, il carrello dà un errore.
nl	down	outage	auth	Inloggen down	Het inloggen ligt sinds vanochtend plat, niemand kan inloggen.
nl	cantpay	one	payments	Betalen met kaart	Ik kan niet betalen met mijn kaart, ik krijg elke keer een foutmelding.
nl	notarrive	outage	notifications	Sms-codes	Onze klanten ontvangen sinds 10:00 geen sms-codes meer.
nl	slow	degraded	search	Zoeken	De zoekfunctie is vandaag extreem traag, elke zoekopdracht duurt eeuwen.
nl	dataloss	dataloss		Bestellingen weg	Al onze bestellingen zijn uit de beheeromgeving verdwenen!
nl	security	security		Account	Iemand is in mijn account ingelogd en heeft mijn wachtwoord gewijzigd.
nl	howto	low		Vraag	Hoe kan ik het e-mailadres van mijn account wijzigen?
nl	feature	low		Idee	Het zou mooi zijn als jullie een export naar Excel konden toevoegen.
nl	billing	low		Factuur	Kunnen jullie de factuur van maart nog een keer sturen? Ik heb hem nodig voor de boekhouding.
nl	resolved	resolved		RE: winkelwagen	Het werkt weer, bedankt! Jullie mogen het ticket sluiten.
nl	checkout	outage	checkout-api	Winkelwagen	Klanten kunnen hun bestelling niet afronden, de winkelwagen geeft een foutmelding.
pl	down	outage	auth	Logowanie nie działa	Logowanie leży od rana, nikt nie może się zalogować.
pl	cantpay	one	payments	Płatność kartą	Nie mogę zapłacić kartą, za każdym razem wyskakuje błąd.
pl	notarrive	outage	notifications	Kody SMS	Nasi klienci od 10:00 nie dostają kodów SMS.
pl	slow	degraded	search	Wyszukiwarka	Wyszukiwarka działa dziś strasznie wolno, każde wyszukiwanie trwa wieki.
pl	dataloss	dataloss		Zamówienia zniknęły	Wszystkie nasze zamówienia zniknęły z panelu!
pl	security	security		Konto	Ktoś zalogował się na moje konto i zmienił moje hasło.
pl	howto	low		Pytanie	Jak mogę zmienić adres e-mail mojego konta?
pl	feature	low		Pomysł	Byłoby super, gdybyście dodali eksport do Excela.
pl	billing	low		Faktura	Czy możecie wysłać mi jeszcze raz fakturę za marzec? Potrzebuję jej do księgowości.
pl	resolved	resolved		Odp: koszyk	Już działa, dzięki! Możecie zamknąć zgłoszenie.
pl	checkout	outage	checkout-api	Koszyk	Klienci nie mogą sfinalizować zamówienia, koszyk pokazuje błąd.
sv	down	outage	auth	Inloggningen nere	Inloggningen har legat nere sedan i morse, ingen kan logga in.
sv	cantpay	one	payments	Kortbetalning	Jag kan inte betala med mitt kort, jag får ett felmeddelande varje gång.
sv	notarrive	outage	notifications	SMS-koder	Våra kunder får inga SMS-koder sedan kl. 10.
sv	slow	degraded	search	Sökning	Sökfunktionen är extremt långsam idag, varje sökning tar en evighet.
sv	dataloss	dataloss		Ordrar borta	Alla våra ordrar har försvunnit från adminpanelen!
sv	security	security		Konto	Någon har loggat in på mitt konto och bytt mitt lösenord.
sv	howto	low		Fråga	Hur kan jag ändra e-postadressen för mitt konto?
sv	feature	low		Idé	Det vore toppen om ni kunde lägga till en export till Excel.
sv	billing	low		Faktura	Kan ni skicka fakturan för mars igen? Jag behöver den till bokföringen.
sv	resolved	resolved		SV: kassan	Nu funkar det igen, tack! Ni kan stänga ärendet.
sv	checkout	outage	checkout-api	Kassan	Kunderna kan inte slutföra köpet, varukorgen visar ett fel.
fi	down	outage	auth	Kirjautuminen alhaalla	Kirjautuminen on ollut alhaalla aamusta asti, kukaan ei pääse kirjautumaan.
fi	cantpay	one	payments	Korttimaksu	En pysty maksamaan kortillani, saan joka kerta virheilmoituksen.
fi	notarrive	outage	notifications	SMS-koodit	Asiakkaamme eivät saa SMS-koodeja klo 10 jälkeen.
fi	slow	degraded	search	Haku	Haku on tänään todella hidas, jokainen haku kestää ikuisuuden.
fi	dataloss	dataloss		Tilaukset kadonneet	Kaikki tilauksemme ovat kadonneet hallintapaneelista!
fi	security	security		Tili	Joku kirjautui tililleni ja vaihtoi salasanani.
fi	howto	low		Kysymys	Miten voin vaihtaa tilini sähköpostiosoitteen?
fi	feature	low		Idea	Olisi hienoa, jos voisitte lisätä Excel-viennin.
fi	billing	low		Lasku	Voisitteko lähettää maaliskuun laskun uudelleen? Tarvitsen sen kirjanpitoon.
fi	resolved	resolved		VS: ostoskori	Nyt toimii taas, kiitos! Voitte sulkea tiketin.
fi	checkout	outage	checkout-api	Ostoskori	Asiakkaat eivät pysty viemään tilausta loppuun, ostoskori näyttää virheen.
cs	down	outage	auth	Přihlášení nefunguje	Přihlášení je od rána mimo provoz, nikdo se nemůže přihlásit.
cs	cantpay	one	payments	Platba kartou	Nemůžu zaplatit kartou, pokaždé mi vyskočí chyba.
cs	notarrive	outage	notifications	SMS kódy	Našim zákazníkům od 10:00 nechodí SMS kódy.
cs	slow	degraded	search	Vyhledávání	Vyhledávání je dnes extrémně pomalé, každé hledání trvá věčnost.
cs	dataloss	dataloss		Objednávky zmizely	Všechny naše objednávky zmizely z administrace!
cs	security	security		Účet	Někdo se přihlásil do mého účtu a změnil mi heslo.
cs	howto	low		Dotaz	Jak můžu změnit e-mailovou adresu svého účtu?
cs	feature	low		Nápad	Bylo by super, kdybyste přidali export do Excelu.
cs	billing	low		Faktura	Můžete mi prosím znovu poslat fakturu za březen? Potřebuji ji pro účetnictví.
cs	resolved	resolved		Re: košík	Už to zase funguje, díky! Tiket můžete zavřít.
cs	checkout	outage	checkout-api	Košík	Zákazníci nemůžou dokončit objednávku, košík hlásí chybu.
tr	down	outage	auth	Giriş çöktü	Giriş sabahtan beri çökmüş durumda, kimse giriş yapamıyor.
tr	cantpay	one	payments	Kartla ödeme	Kartımla ödeme yapamıyorum, her seferinde hata alıyorum.
tr	notarrive	outage	notifications	SMS kodları	Müşterilerimize saat 10'dan beri SMS kodları gelmiyor.
tr	slow	degraded	search	Arama	Arama bugün aşırı yavaş, her arama çok uzun sürüyor.
tr	dataloss	dataloss		Siparişler kayboldu	Tüm siparişlerimiz panelden kayboldu!
tr	security	security		Hesap	Biri hesabıma giriş yapıp şifremi değiştirmiş.
tr	howto	low		Soru	Hesabımın e-posta adresini nasıl değiştirebilirim?
tr	feature	low		Öneri	Excel'e dışa aktarma ekleyebilirseniz çok iyi olur.
tr	billing	low		Fatura	Mart ayı faturasını tekrar gönderebilir misiniz? Muhasebe için lazım.
tr	resolved	resolved		YNT: sepet	Tekrar çalışıyor, teşekkürler! Talebi kapatabilirsiniz.
tr	checkout	outage	checkout-api	Sepet	Müşteriler alışverişi tamamlayamıyor, sepet hata veriyor.
ja	down	outage	auth	ログイン障害	今朝からログインがダウンしていて、誰もログインできません。
ja	cantpay	one	payments	カード決済	カードで支払いができません。毎回エラーが出ます。
ja	slow	degraded	search	検索	今日は検索がとても遅く、毎回すごく時間がかかります。
ja	dataloss	dataloss		注文が消えた	管理画面から注文がすべて消えました！
ja	security	security		アカウント	誰かが私のアカウントにログインしてパスワードを変更しました。
ja	howto	low		質問	アカウントのメールアドレスはどうすれば変更できますか？
ja	feature	low		要望	Excelへのエクスポート機能を追加していただけると嬉しいです。
ja	billing	low		請求書	3月分の請求書を再送していただけますか？経理で必要です。
ja	resolved	resolved		Re: カート	また使えるようになりました、ありがとうございます！チケットを閉じてください。
zh	down	outage	auth	登录挂了	登录从今天早上开始就挂了，谁都登录不了。
zh	cantpay	one	payments	刷卡支付	我用卡付不了款，每次都报错。
zh	notarrive	outage	notifications	短信验证码	从10点开始我们的客户都收不到短信验证码。
zh	slow	degraded	search	搜索	今天搜索特别慢，每次搜索都要等很久。
zh	dataloss	dataloss		订单不见了	后台里我们所有的订单都不见了！
zh	security	security		账号	有人登录了我的账号，还改了我的密码。
zh	howto	low		问题	怎么修改我账号的邮箱地址？
zh	feature	low		建议	如果能加一个导出到Excel的功能就太好了。
zh	billing	low		发票	可以再发一次三月份的发票吗？财务需要。
zh	resolved	resolved		回复：购物车	现在又好了，谢谢！可以关闭工单了。
zh	checkout	outage	checkout-api	购物车	客户都没法完成下单，购物车一直报错。
ko	down	outage	auth	로그인 장애	오늘 아침부터 로그인이 다운돼서 아무도 로그인할 수 없습니다.
ko	cantpay	one	payments	카드 결제	카드로 결제가 안 됩니다. 매번 오류가 나요.
ko	notarrive	outage	notifications	SMS 인증번호	10시부터 고객들이 SMS 인증번호를 받지 못하고 있습니다.
ko	slow	degraded	search	검색	오늘 검색이 너무 느려요, 검색할 때마다 한참 걸립니다.
ko	dataloss	dataloss		주문 사라짐	관리자 페이지에서 저희 주문이 전부 사라졌어요!
ko	security	security		계정	누군가 제 계정에 로그인해서 비밀번호를 바꿨습니다.
ko	howto	low		문의	계정의 이메일 주소는 어떻게 변경하나요?
ko	feature	low		제안	엑셀로 내보내기 기능을 추가해 주시면 좋겠습니다.
ko	billing	low		청구서	3월 청구서를 다시 보내주실 수 있나요? 회계 처리에 필요합니다.
ko	resolved	resolved		RE: 장바구니	이제 다시 잘 됩니다, 감사합니다! 티켓 닫으셔도 됩니다.
ko	checkout	outage	checkout-api	장바구니	고객들이 결제를 완료하지 못하고 있고 장바구니에서 오류가 납니다.
ru	down	outage	auth	Вход не работает	С утра вход лежит, никто не может войти.
ru	cantpay	one	payments	Оплата картой	Не могу оплатить картой, каждый раз выдаёт ошибку.
ru	notarrive	outage	notifications	SMS-коды	Нашим клиентам с 10:00 не приходят SMS-коды.
ru	slow	degraded	search	Поиск	Поиск сегодня жутко тормозит, каждый запрос идёт целую вечность.
ru	dataloss	dataloss		Заказы пропали	Все наши заказы пропали из админки!
ru	security	security		Аккаунт	Кто-то зашёл в мой аккаунт и сменил мне пароль.
ru	howto	low		Вопрос	Как мне поменять адрес электронной почты в аккаунте?
ru	feature	low		Предложение	Было бы здорово, если бы вы добавили экспорт в Excel.
ru	billing	low		Счёт	Можете ещё раз прислать счёт за март? Он нужен для бухгалтерии.
ru	resolved	resolved		RE: корзина	Всё снова работает, спасибо! Можете закрыть заявку.
ru	checkout	outage	checkout-api	Корзина	Клиенты не могут оформить заказ, корзина выдаёт ошибку.
da	down	outage	auth	Login nede	Login har været nede siden i morges, ingen kan logge ind.
da	cantpay	one	payments	Kortbetaling	Jeg kan ikke betale med mit kort, jeg får en fejlmeddelelse hver gang.
da	notarrive	outage	notifications	SMS-koder	Vores kunder modtager ikke SMS-koderne siden kl. 10.
da	slow	degraded	search	Søgning	Søgningen er ekstremt langsom i dag, hver søgning tager en evighed.
da	dataloss	dataloss		Ordrer væk	Alle vores ordrer er forsvundet fra adminpanelet!
da	security	security		Konto	Nogen har logget ind på min konto og ændret min adgangskode.
da	howto	low		Spørgsmål	Hvordan kan jeg ændre e-mailadressen på min konto?
da	feature	low		Idé	Det ville være fedt, hvis I kunne tilføje eksport til Excel.
da	billing	low		Faktura	Kan I sende fakturaen for marts igen? Jeg skal bruge den til bogføringen.
da	resolved	resolved		SV: kurv	Nu virker det igen, tak! I må gerne lukke sagen.
da	checkout	outage	checkout-api	Kurv	Kunderne kan ikke gennemføre købet, kurven viser en fejl.
no	down	outage	auth	Innlogging nede	Innloggingen har vært nede siden i morges, ingen får logget inn.
no	cantpay	one	payments	Kortbetaling	Jeg får ikke betalt med kortet mitt, jeg får en feilmelding hver gang.
no	notarrive	outage	notifications	SMS-koder	Kundene våre mottar ikke SMS-kodene siden kl. 10.
no	slow	degraded	search	Søk	Søket er ekstremt tregt i dag, hvert søk tar en evighet.
no	dataloss	dataloss		Ordrer borte	Alle ordrene våre har forsvunnet fra adminpanelet!
no	security	security		Konto	Noen har logget inn på kontoen min og endret passordet mitt.
no	howto	low		Spørsmål	Hvordan kan jeg endre e-postadressen på kontoen min?
no	feature	low		Idé	Det hadde vært kjempefint om dere kunne legge til eksport til Excel.
no	billing	low		Faktura	Kan dere sende fakturaen for mars på nytt? Jeg trenger den til regnskapet.
no	resolved	resolved		SV: handlekurv	Nå virker det igjen, takk! Dere kan lukke saken.
no	checkout	outage	checkout-api	Handlekurv	Kundene får ikke fullført kjøpet, handlekurven viser en feil.
pt	casual-down	outage	auth	login fora do ar	login ta fora do ar desde cedo, ngm consegue entrar
pt	casual-cantpay	one	payments	cartao	nao consigo pagar com meu cartao, da erro td vez
fr	casual-cantpay	one	payments	paiement	jarrive pas a payer avec ma carte, ça marche pas
fr	casual-down	outage	auth	connexion	la connexion marche pas depuis ce matin, personne peut se connecter, tout le monde a une erreur
de	casual-cantpay	one	payments	zahlung	kann nicht mit karte zahlen, geht net, immer fehler
de	casual-notarrive	outage	notifications	sms	unsere kunden bekommen seit heute fruh keine sms mehr
es	casual-cantpay	one	payments	pago	no puedo pagar con la tarjeta, no va, sale error
it	casual-cantpay	one	payments	pagamento	nn riesco a pagare con la carta, nn funziona
nl	casual-slow	degraded	search	zoeken	zoeken is super traag vandaag, duurt eeuwen
pl	casual-cantpay	one	payments	platnosc	nie moge zaplacic karta, wyskakuje blad
pl	casual-dataloss	dataloss		zamowienia	wszystkie zamowienia zniknely z panelu!!
sv	casual-cantpay	one	payments	betalning	kan inte betala med kortet, funkar inte alls
fi	casual-cantpay	one	payments	maksu	en pysty maksaa kortilla, ei toimi
cs	casual-cantpay	one	payments	platba	nemuzu zaplatit kartou, nejde to
cs	casual-notarrive	outage	notifications	sms	nasim zakaznikum nechodi sms kody
tr	casual-cantpay	one	payments	odeme	kartla odeme yapamiyorum, calismiyo
tr	casual-notarrive	outage	notifications	sms	musterilerimize sms kodlari gelmiyo
da	casual-cantpay	one	payments	betaling	kan ikke betale med mit kort, virker ikke
no	casual-cantpay	one	payments	betaling	får ikke betalt med kortet, funker ikke
ru	casual-cantpay	one	payments	оплата	не могу оплатить картой, не пашет
de	techmix-down	outage	checkout-api	checkout	der checkout ist down, alle kunden kriegen einen 500 error
es	techmix-slow	degraded	search	search	el search va super lento hoy, tarda muchisimo
en	partial	partial	payments	Payments	Some customers get an error when paying by card.
en	share	partial	payments	Payments	About one in five card payments fails.
de	partial	partial	payments	Zahlungen	Einige Kunden bekommen beim Bezahlen mit Karte einen Fehler.
de	share	partial	payments	Zahlungen	Ungefähr jede fünfte Kartenzahlung schlägt fehl.
fr	partial	partial	payments	Paiements	Certains clients ont une erreur en payant par carte.
fr	share	partial	payments	Paiements	Environ un paiement par carte sur cinq échoue.
es	partial	partial	payments	Pagos	Algunos clientes reciben un error al pagar con tarjeta.
es	share	partial	payments	Pagos	Más o menos uno de cada cinco pagos con tarjeta falla.
pt	partial	partial	payments	Pagamentos	Alguns clientes recebem um erro ao pagar com cartão.
pt	share	partial	payments	Pagamentos	Mais ou menos um em cada cinco pagamentos com cartão falha.
it	partial	partial	payments	Pagamenti	Alcuni clienti ricevono un errore quando pagano con la carta.
it	share	partial	payments	Pagamenti	Circa un pagamento con carta su cinque fallisce.
nl	partial	partial	payments	Betalingen	Sommige klanten krijgen een foutmelding bij het betalen met een kaart.
nl	share	partial	payments	Betalingen	Ongeveer één op de vijf kaartbetalingen mislukt.
pl	partial	partial	payments	Płatności	Niektórzy klienci dostają błąd przy płatności kartą.
pl	share	partial	payments	Płatności	Mniej więcej co piąta płatność kartą kończy się błędem.
sv	partial	partial	payments	Betalningar	Vissa kunder får ett fel när de betalar med kort.
sv	share	partial	payments	Betalningar	Ungefär var femte kortbetalning misslyckas.
fi	partial	partial	payments	Maksut	Osa asiakkaista saa virheen, kun he maksavat kortilla.
fi	share	partial	payments	Maksut	Noin joka viides korttimaksu epäonnistuu.
cs	partial	partial	payments	Platby	Někteří zákazníci dostanou při platbě kartou chybu.
cs	share	partial	payments	Platby	Zhruba každá pátá platba kartou selže.
tr	partial	partial	payments	Ödemeler	Bazı müşteriler kartla öderken hata alıyor.
tr	share	partial	payments	Ödemeler	Kartla ödemelerin yaklaşık beşte biri başarısız oluyor.
ja	partial	partial	payments	カード決済	一部のお客様がカードで支払うときにエラーになります。
ja	allstores	outage	payments	カード決済	6店舗すべてでカード決済ができません。
ja	allstores	outage	payments	カード決済	全店舗でカード決済ができません。
ja	share	partial	payments	カード決済	カード決済の約5件に1件が失敗しています。
zh	partial	partial	payments	刷卡支付	部分客户用卡支付时报错。
zh	share	partial	payments	刷卡支付	大约每五笔刷卡支付就有一笔失败。
ko	partial	partial	payments	카드 결제	일부 고객이 카드로 결제할 때 오류가 납니다.
ko	share	partial	payments	카드 결제	카드 결제 5건 중 1건 정도가 실패합니다.
ru	partial	partial	payments	Оплата	У некоторых клиентов при оплате картой выдаёт ошибку.
ru	share	partial	payments	Оплата	Примерно каждый пятый платёж картой не проходит.
da	partial	partial	payments	Betalinger	Nogle kunder får en fejl, når de betaler med kort.
da	share	partial	payments	Betalinger	Cirka hver femte kortbetaling mislykkes.
no	partial	partial	payments	Betalinger	Noen kunder får en feilmelding når de betaler med kort.
no	share	partial	payments	Betalinger	Omtrent hver femte kortbetaling feiler.
pt	casual-howto	low		duvida	como faço pra mudar a senha?? vlw
es	casual-howto	low		duda	como cambio la contraseña? gracias
de	casual-howto	low		frage	wie kann ich das passwort ändern? danke
fr	casual-howto	low		question	comment on change le mot de passe svp ?
it	casual-howto	low		domanda	come si cambia la password? grazie
pl	casual-howto	low		pytanie	jak zmienic haslo? dzieki
tr	casual-howto	low		soru	sifremi nasil degistirebilirim?
cs	casual-howto	low		dotaz	jak si zmenim heslo? diky
sv	casual-howto	low		fråga	hur byter jag lösenord? tack
fi	casual-howto	low		kysymys	miten vaihdan salasanan? kiitos
ru	casual-howto	low		вопрос	как поменять пароль? спс
nl	casual-howto	low		vraag	hoe verander ik mijn wachtwoord? thx
da	casual-howto	low		spørgsmål	hvordan skifter jeg adgangskode? tak
no	casual-howto	low		spørsmål	hvordan bytter jeg passord? takk
sv	plans	low		Swish	Finns det planer på att erbjuda Swish som betalsätt?
pt	plans	low		WhatsApp	Vocês têm planos de oferecer notificações por WhatsApp?
de	plans	low		Apple Pay	Gibt es Pläne, Apple Pay anzubieten?
pl	plans	low		BLIK	Czy planujecie dodać płatności BLIK?
de	otherdata	security		Bestellseite	Ein Kunde sah im Checkout die Lieferadresse einer anderen Person.
es	otherdata	security		Datos	Un cliente ve los datos de otro cliente en su perfil.
de	failed	one	payments	Zahlung	Meine Zahlung mit PayPal ist fehlgeschlagen.
en	otherdata	security		Payment page	A customer saw another customer's address on the payment page.
fr	otherdata	security		Page de paiement	Sur la page de paiement, je vois les données d'un autre client.
pt	otherdata	security		Página de pagamento	Na página de pagamento aparecem os dados de outra pessoa.
it	otherdata	security		Pagina di pagamento	Nella pagina di pagamento vedo i dati di un'altra persona.
it	otherdata-pronoun	security		Dati	Ho ricaricato la pagina e adesso vedo i dati di un altro.
nl	otherdata	security		Betaalpagina	Op de betaalpagina zie ik de gegevens van een andere klant.
pl	otherdata	security		Strona płatności	Na stronie płatności widzę dane innego klienta.
sv	otherdata	security		Betalsidan	På betalsidan ser jag en annan kunds uppgifter.
fi	otherdata	security		Maksusivu	Maksusivulla näkyy toisen asiakkaan tiedot.
cs	otherdata	security		Platební stránka	Na platební stránce vidím údaje jiného zákazníka.
tr	otherdata	security		Ödeme sayfası	Ödeme sayfasında başka bir müşterinin bilgileri görünüyor.
ru	otherdata	security		Страница оплаты	На странице оплаты я вижу данные другого клиента.
da	otherdata	security		Betalingssiden	På betalingssiden kan jeg se en anden kundes oplysninger.
no	otherdata	security		Betalingssiden	På betalingssiden ser jeg en annen kundes opplysninger.
ja	otherdata	security		決済ページ	決済ページに知らない人の住所が表示されています。
zh	otherdata	security		结账页面	结账页面显示了别人的地址和电话。
ko	otherdata	security		결제 페이지	결제 페이지에 다른 사람의 주소가 보입니다.
ja	leak	security		個人情報	お客様の個人情報の漏えいにあたるため、至急調査をお願いします。
zh	leak	security		个人信息	这是客户个人信息泄露，请尽快调查。
ko	leak	security		개인정보	고객 개인정보 유출로 보입니다. 빨리 조사해 주세요.
en	bymistake	low		Confirmation e-mail	I deleted the order confirmation e-mail by mistake, can you send it again?
de	bymistake	low		Bestätigungsmail	Ich habe die Bestellbestätigung aus Versehen gelöscht, können Sie sie nochmal schicken?
fr	bymistake	low		Mail de confirmation	J'ai supprimé par erreur le mail de confirmation, pouvez-vous me le renvoyer ?
es	bymistake	low		Correo de confirmación	Borré por error el correo de confirmación, ¿me lo podéis reenviar?
pt	bymistake	low		E-mail de confirmação	Apaguei por engano o e-mail de confirmação, podem reenviar?
it	bymistake	low		Mail di conferma	Ho cancellato per errore la mail di conferma, potete rimandarla?
nl	bymistake	low		Bevestigingsmail	Ik heb de bevestigingsmail per ongeluk verwijderd, kunnen jullie hem opnieuw sturen?
pl	bymistake	low		Mail z potwierdzeniem	Przez pomyłkę usunęłam maila z potwierdzeniem, czy możecie wysłać go ponownie?
sv	bymistake	low		Bekräftelsemejl	Jag raderade bekräftelsemejlet av misstag, kan ni skicka det igen?
fi	bymistake	low		Vahvistusviesti	Poistin vahingossa tilausvahvistuksen, voitteko lähettää sen uudelleen?
cs	bymistake	low		Potvrzovací e-mail	Omylem jsem smazala potvrzovací e-mail, můžete ho poslat znovu?
tr	bymistake	low		Onay e-postası	Onay e-postasını yanlışlıkla sildim, tekrar gönderebilir misiniz?
ru	bymistake	low		Письмо с подтверждением	Я по ошибке удалила письмо с подтверждением, можете отправить ещё раз?
da	bymistake	low		Bekræftelsesmail	Jeg slettede ved en fejl bekræftelsesmailen, kan I sende den igen?
no	bymistake	low		Bekreftelsesmail	Jeg slettet bekreftelsesmailen ved en feil, kan dere sende den på nytt?
ja	bymistake	low		確認メール	確認メールを誤って削除してしまいました。再送していただけますか？
zh	bymistake	low		确认邮件	我不小心删除了确认邮件，可以再发一次吗？
ko	bymistake	low		확인 메일	확인 메일을 실수로 삭제했습니다. 다시 보내주실 수 있나요?
en	cosmetic	low		Small thing	Not a big deal, but the button on the last page says 'Place oder', a typo.
en	looks	low		Newsletter in Outlook	FYI the newsletter looks broken in Outlook: the text overlaps the logo. Fine on my phone.
en	looks	low		Invoice e-mail shows wrong currency	Small thing: the invoice e-mail shows the wrong currency sign, the amount is right.
de	looks	low		Newsletter in Outlook	Nur eine Kleinigkeit: der Newsletter sieht kaputt aus, der Text überlappt das Logo.
en	looks	one		Logo and cart	The logo is misaligned, and the cart shows an error when I pay.
de	cosmetic	low		Tippfehler	Nur eine Kleinigkeit: im Footer steht ein Tippfehler, und der Button-Text ist abgeschnitten.
fr	cosmetic	low		Faute de frappe	Petit détail : il y a une faute de frappe sur le bouton de la dernière page.
es	cosmetic	low		Diseño	El botón de la última página aparece descolocado, es solo estético.
pt	cosmetic	low		Erro de digitação	Só um detalhe pequeno: tem um erro de digitação no botão da última página.
it	cosmetic	low		Refuso	Solo una piccolezza: c'è un refuso sul pulsante dell'ultima pagina.
nl	cosmetic	low		Typfout	Een kleinigheid: er staat een typfout op de knop van de laatste pagina.
pl	cosmetic	low		Literówka	Drobiazg: na przycisku na ostatniej stronie jest literówka.
sv	cosmetic	low		Stavfel	En småsak: det är ett stavfel på knappen på sista sidan.
fi	cosmetic	low		Kirjoitusvirhe	Pikkujuttu: viimeisen sivun painikkeessa on kirjoitusvirhe.
cs	cosmetic	low		Překlep	Jen maličkost: na tlačítku na poslední stránce je překlep.
tr	cosmetic	low		Yazım hatası	Küçük bir şey: son sayfadaki butonda yazım hatası var.
ru	cosmetic	low		Опечатка	Мелочь: на кнопке на последней странице опечатка.
da	cosmetic	low		Stavefejl	En lille ting: der er en stavefejl på knappen på sidste side.
no	cosmetic	low		Skrivefeil	En småting: det er en skrivefeil på knappen på siste side.
ja	cosmetic	low		誤字	最後のページのボタンに誤字があります。
zh	cosmetic	low		错别字	最后一页的按钮上有错别字。
ko	cosmetic	low		오타	마지막 페이지 버튼에 오타가 있습니다.
en	callback	low		Urgent	Please call me back today, I am available after 3 pm.
de	callback	low		Dringend	Bitte um Rückruf heute, ich bin ab 15 Uhr erreichbar.
fr	callback	low		Urgent	Rappelez-moi aujourd'hui s'il vous plaît, je suis disponible après 15h.
es	callback	low		Urgente	Llámenme hoy por favor, estoy disponible después de las 15h.
pt	callback	low		Urgente	Por favor me liguem hoje, estou disponível depois das 15h.
it	callback	low		Urgente	Richiamatemi oggi per favore, sono disponibile dopo le 15.
nl	callback	low		Dringend	Kunnen jullie me vandaag terugbellen? Ik ben na 15 uur bereikbaar.
pl	callback	low		Pilne	Proszę oddzwonić dzisiaj, jestem dostępna po 15.
sv	callback	low		Brådskande	Ring mig idag, jag är tillgänglig efter kl. 15.
fi	callback	low		Kiireellinen	Soittakaa minulle tänään, olen tavoitettavissa klo 15 jälkeen.
cs	callback	low		Naléhavé	Zavolejte mi prosím dnes, jsem k zastižení po 15. hodině.
tr	callback	low		Acil	Lütfen beni bugün arayın, saat 15'ten sonra müsaitim.
ru	callback	low		Срочно	Перезвоните мне сегодня, пожалуйста, я доступна после 15:00.
da	callback	low		Haster	Ring til mig i dag, jeg kan træffes efter kl. 15.
no	callback	low		Haster	Ring meg i dag, jeg er tilgjengelig etter kl. 15.
ja	callback	low		至急	本日お電話ください。15時以降なら対応できます。
zh	callback	low		紧急	请给我打电话，我下午3点以后有空。
ko	callback	low		긴급	담당자분 전화 부탁드립니다. 오후 3시 이후 가능합니다.
en	notasingle	outage	checkout-api	Orders	Not a single customer can complete an order since 7 pm, they get an error page.
de	notasingle	outage	checkout-api	Bestellungen	Seit 19 Uhr kann kein einziger Kunde mehr eine Bestellung abschließen, es kommt eine Fehlerseite.
fr	notasingle	outage	checkout-api	Commandes	Depuis 19h, pas un seul client n'arrive à passer commande, ils ont une page d'erreur.
es	notasingle	outage	checkout-api	Pedidos	Desde las 19h ni un solo cliente puede completar un pedido, sale una página de error.
pt	notasingle	outage	checkout-api	Pedidos	Desde as 19h nem um único cliente consegue finalizar um pedido, aparece uma página de erro.
it	notasingle	outage	checkout-api	Ordini	Dalle 19 nemmeno un cliente riesce a completare un ordine, compare una pagina di errore.
nl	notasingle	outage	checkout-api	Bestellingen	Sinds 19 uur kan geen enkele klant een bestelling afronden, ze krijgen een foutpagina.
pl	notasingle	outage	checkout-api	Zamówienia	Od 19 ani jeden klient nie może złożyć zamówienia, pojawia się strona błędu.
sv	notasingle	outage	checkout-api	Beställningar	Sedan kl. 19 kan inte en enda kund slutföra en beställning, de får en felsida.
fi	notasingle	outage	checkout-api	Tilaukset	Klo 19 lähtien ei yksikään asiakas ole pystynyt tekemään tilausta, tulee virhesivu.
cs	notasingle	outage	checkout-api	Objednávky	Od 19 hodin ani jediný zákazník nemůže dokončit objednávku, zobrazí se chybová stránka.
tr	notasingle	outage	checkout-api	Siparişler	Saat 19'dan beri hiçbir müşteri sipariş veremiyor, hata sayfası çıkıyor.
ru	notasingle	outage	checkout-api	Заказы	С 19 часов ни один клиент не может оформить заказ, появляется страница с ошибкой.
da	notasingle	outage	checkout-api	Ordrer	Siden kl. 19 har ikke en eneste kunde kunnet gennemføre en ordre, de får en fejlside.
no	notasingle	outage	checkout-api	Ordrer	Siden kl. 19 har ikke en eneste kunde fått fullført en ordre, de får en feilside.
ja	notasingle	outage	checkout-api	注文	19時から一人も注文を完了できません。エラーページが表示されます。
zh	notasingle	outage	checkout-api	订单	从晚上7点开始，一个客户也无法下单，都显示错误页面。
ko	notasingle	outage	checkout-api	주문	오후 7시부터 단 한 명도 주문을 완료하지 못하고 있습니다. 오류 페이지가 나옵니다.
es	nonecan	outage	payments	Pagos	Desde las once ningún cliente puede pagar con tarjeta, sale "no se ha podido autorizar el pago".
en	floatingall	outage	checkout-api	Orders	The customers all get an error page when they place the order.
de	floatingall	outage	checkout-api	Bestellungen	Die Kunden kommen alle bis zum letzten Schritt und bekommen dann eine Fehlermeldung.
fr	floatingall	outage	checkout-api	Commandes	Les clients ont tous une erreur au moment de valider la commande.
nl	floatingall	outage	checkout-api	Bestellingen	De klanten krijgen allemaal een foutmelding bij het afrekenen.
en	partof	partial	checkout-api	Discount codes	A part of our customers get an error when they enter a discount code in the cart.
de	partof	partial	checkout-api	Rabattcodes	Ein Teil unserer Kunden bekommt eine Fehlermeldung, wenn sie einen Rabattcode im Warenkorb eingeben.
fr	partof	partial	checkout-api	Codes promo	Une partie de nos clients a une erreur en saisissant un code promo dans le panier.
es	partof	partial	checkout-api	Códigos de descuento	Una parte de nuestros clientes recibe un error al introducir un código de descuento en el carrito.
pt	partof	partial	checkout-api	Cupons	Uma parte dos nossos clientes recebe um erro ao usar um cupom no carrinho.
it	partof	partial	checkout-api	Codici sconto	Una parte dei nostri clienti riceve un errore quando inserisce un codice sconto nel carrello.
nl	partof	partial	checkout-api	Kortingscodes	Een deel van onze klanten krijgt een foutmelding als ze een kortingscode invullen in de winkelwagen.
pl	partof	partial	checkout-api	Kody rabatowe	Część naszych klientów dostaje błąd przy wpisywaniu kodu rabatowego w koszyku.
sv	partof	partial	checkout-api	Rabattkoder	En del av våra kunder får ett fel när de anger en rabattkod i varukorgen.
fi	partof	partial	checkout-api	Alennuskoodit	Osa asiakkaistamme saa virheen, kun he syöttävät alennuskoodin ostoskoriin.
cs	partof	partial	checkout-api	Slevové kódy	Část našich zákazníků dostane chybu, když zadá slevový kód v košíku.
tr	partof	partial	checkout-api	İndirim kodları	Müşterilerimizin bir kısmı sepette indirim kodu girince hata alıyor.
ru	partof	partial	checkout-api	Промокоды	Часть наших клиентов получает ошибку при вводе промокода в корзине.
da	partof	partial	checkout-api	Rabatkoder	En del af vores kunder får en fejl, når de indtaster en rabatkode i kurven.
no	partof	partial	checkout-api	Rabattkoder	En del av kundene våre får en feil når de legger inn en rabattkode i handlekurven.
ja	partof	partial	checkout-api	クーポン	一部のお客様がカートでクーポンコードを入力するとエラーになります。
zh	partof	partial	checkout-api	优惠码	部分客户在购物车输入优惠码时报错。
ko	partof	partial	checkout-api	할인 코드	일부 고객이 장바구니에서 할인 코드를 입력하면 오류가 납니다.
en	handful	one	checkout-api	Orders	A handful of our customers got an error page instead of the order confirmation.
en	nobodyelse	one	checkout-api	Order	A regular customer got an error when placing her order; nobody else has reported it.
de	nobodyelse	one	checkout-api	Bestellung	Eine Stammkundin bekam beim Bestellen eine Fehlermeldung, bei uns hat sich sonst niemand gemeldet.
es	nobodyelse	one	checkout-api	Pedido	Una clienta recibió un error al hacer el pedido; nadie más se ha quejado.
nl	until	one	checkout-api	Kortingscode	Eén klant laat weten dat haar kortingscode bij het afrekenen een fout geeft. De code is geldig tot eind december.
en	accountloss	dataloss		My account	Everything has disappeared from my account: my saved addresses, cards and order history. I did not delete anything.
de	accountloss	dataloss		Mein Konto	Alles ist aus meinem Konto verschwunden: meine gespeicherten Adressen, Karten und meine Bestellhistorie.
fr	accountloss	dataloss		Mon compte	Tout a disparu de mon compte : mes adresses enregistrées, mes cartes et mon historique de commandes.
es	accountloss	dataloss		Mi cuenta	Han desaparecido todas mis direcciones guardadas, mis tarjetas y mi historial de pedidos.
pt	accountloss	dataloss		Minha conta	Sumiram todos os meus endereços salvos, meus cartões e meu histórico de pedidos.
it	accountloss	dataloss		Il mio account	Sono spariti tutti i miei indirizzi salvati, le carte e lo storico ordini.
nl	accountloss	dataloss		Mijn account	Vanochtend zijn al mijn opgeslagen adressen en kaarten verdwenen.
pl	accountloss	dataloss		Moje konto	Z mojego konta zniknęły wszystkie zapisane adresy, karty i historia zamówień.
sv	accountloss	dataloss		Mitt konto	Efter uppdateringen är alla mina sparade kort, adresser och min orderhistorik borta.
fi	accountloss	dataloss		Tilini	Kaikki tallennetut osoitteeni, korttini ja tilaushistoriani ovat kadonneet.
cs	accountloss	dataloss		Můj účet	Z mého účtu zmizely všechny uložené adresy, karty i historie objednávek.
tr	accountloss	dataloss		Hesabım	Hesabımdaki tüm kayıtlı adreslerim, kartlarım ve sipariş geçmişim kayboldu.
ru	accountloss	dataloss		Мой аккаунт	Из моего аккаунта исчезли все сохранённые адреса, карты и история заказов.
da	accountloss	dataloss		Min konto	Alle mine gemte adresser, kort og min ordrehistorik er forsvundet.
no	accountloss	dataloss		Kontoen min	Alle mine lagrede adresser, kort og ordrehistorikken min har forsvunnet.
ja	accountloss	dataloss		アカウント	保存していた住所、カード、注文履歴がすべて消えました。
zh	accountloss	dataloss		我的账户	我保存的地址、银行卡和订单记录全部消失了。
ko	accountloss	dataloss		내 계정	저장된 주소, 카드, 주문 내역이 모두 사라졌습니다.
nl	backupnoun	dataloss		Productfoto's weg	Alle productfoto's in onze winkel zijn verdwenen. Hebben jullie een back-up?
en	retraction	resolved		Re: No confirmation	Forget my last e-mail! The confirmation was in my spam folder. All good, thanks!
de	retraction	resolved		AW: Keine Bestätigung	Vergessen Sie meine letzte Mail! Die Bestätigung war im Spam. Alles ist gut, danke!
fr	retraction	resolved		RE: Pas de confirmation	Oubliez mon dernier mail ! La confirmation était dans les spams. Tout est bon, merci !
es	retraction	resolved		RE: Sin confirmación	¡Olviden mi último correo! La confirmación estaba en spam. Todo está bien, gracias.
pt	retraction	resolved		RE: Sem confirmação	Esqueçam meu último e-mail! A confirmação estava no spam. Está tudo certo, obrigada!
it	retraction	resolved		R: Nessuna conferma	Dimenticate la mia ultima mail! La conferma era nello spam. È tutto a posto, grazie!
nl	retraction	resolved		Re: Geen bevestiging	Vergeet mijn vorige mail! De bevestiging zat in de spam. Alles is goed, bedankt!
pl	retraction	resolved		Odp: Brak potwierdzenia	Proszę zignorować moją poprzednią wiadomość, potwierdzenie było w spamie. Wszystko jest w porządku, dzięki!
sv	retraction	resolved		Sv: Ingen bekräftelse	Glöm mitt förra mejl! Bekräftelsen fanns i skräpposten. Allt är bra. Tack!
fi	retraction	resolved		VS: Ei vahvistusta	Unohtakaa edellinen viestini! Vahvistus oli roskapostissa. Kaikki on kunnossa, kiitos!
cs	retraction	resolved		Re: Žádné potvrzení	Zapomeňte na můj předchozí e-mail! Potvrzení bylo ve spamu. Vše je v pořádku, díky!
tr	retraction	resolved		YNT: Onay yok	Önceki mailimi dikkate almayın! Onay spam klasöründeymiş. Her şey yolunda, teşekkürler!
ru	retraction	resolved		RE: Нет подтверждения	Забудьте моё прошлое письмо! Подтверждение было в спаме. Всё в порядке, спасибо!
da	retraction	resolved		SV: Ingen bekræftelse	Glem min sidste mail! Bekræftelsen lå i spam. Alt er fint, tak!
no	retraction	resolved		SV: Ingen bekreftelse	Glem mailen min! Bekreftelsen lå i søppelposten. Alt er i orden, takk!
ja	retraction	resolved		Re: 確認メール	前のメールは無視してください。迷惑メールフォルダにありました。ありがとうございました。
zh	retraction	resolved		回复：确认邮件	请忽略我上一封邮件，确认邮件在垃圾箱里。谢谢！
ko	retraction	resolved		RE: 확인 메일	이전 메일은 무시해 주세요. 스팸함에 있었습니다. 감사합니다.
ja	couldagain	resolved		Re: ログインできません	ログインできました。ありがとうございました。
zh	couldagain	resolved		回复：无法登录	现在可以登录了，谢谢！
en	oneorder	one	checkout-api	Order disappeared	I placed an order half an hour ago and got the confirmation page, but now it isn't in My Orders. My order disappeared, my other orders are still there.
de	oneorder	one	checkout-api	Bestellung verschwunden	Meine Bestellung von heute ist verschwunden, die anderen Bestellungen sind noch da.
fr	oneorder	one	checkout-api	Commande disparue	Ma commande de ce matin a disparu, les autres commandes sont toujours là.
es	oneorder	one	checkout-api	Pedido desaparecido	Mi pedido de esta mañana ha desaparecido, los otros pedidos siguen ahí.
en	stillno	one	notifications	Still waiting	I ordered at 10 this morning and still no confirmation e-mail. Checked spam.
de	stillno	one	notifications	Warte noch	Ich habe heute um 10 bestellt und immer noch keine Bestätigungsmail. Spam geprüft.
fr	stillno	one	notifications	J'attends	J'ai commandé ce matin à 10h et toujours pas de mail de confirmation. J'ai vérifié les spams.
es	stillno	one	notifications	Sigo esperando	Hice el pedido esta mañana a las 10 y todavía no me ha llegado el correo de confirmación. Ya miré en spam.
pt	stillno	one	notifications	Ainda esperando	Fiz o pedido hoje às 10h e ainda não chegou o e-mail de confirmação. Já olhei no spam.
it	stillno	one	notifications	Sto aspettando	Ho ordinato stamattina alle 10 e ancora nessuna mail di conferma. Ho controllato lo spam.
nl	stillno	one	notifications	Wacht nog	Ik heb vanochtend om 10 uur besteld en nog steeds geen bevestigingsmail. Spam gecheckt.
pl	stillno	one	notifications	Nadal czekam	Zamówiłam dziś o 10 i nadal brak maila z potwierdzeniem. Sprawdziłam spam.
sv	stillno	one	notifications	Väntar fortfarande	Jag beställde i morse kl. 10 och fortfarande inget bekräftelsemejl. Har kollat skräpposten.
fi	stillno	one	notifications	Odotan yhä	Tilasin tänä aamuna klo 10, eikä vahvistusviestiä ole vieläkään tullut. Tarkistin roskapostin.
cs	stillno	one	notifications	Pořád čekám	Objednala jsem ráno v 10 a pořád žádný potvrzovací e-mail. Spam jsem kontrolovala.
tr	stillno	one	notifications	Hâlâ bekliyorum	Bu sabah 10'da sipariş verdim, onay e-postası hâlâ gelmedi. Spam klasörüne baktım.
ru	stillno	one	notifications	Всё ещё жду	Я заказала сегодня в 10 утра, и до сих пор нет письма с подтверждением. Спам проверила.
da	stillno	one	notifications	Venter stadig	Jeg bestilte i morges kl. 10, og der er stadig ingen bekræftelsesmail. Har tjekket spam.
no	stillno	one	notifications	Venter fortsatt	Jeg bestilte i morges kl. 10, og det er fortsatt ingen bekreftelsesmail. Har sjekket søppelpost.
ja	stillno	one	notifications	確認メール	今朝10時に注文しましたが、確認メールがまだ届いていません。迷惑メールも確認しました。
zh	stillno	one	notifications	确认邮件	我今天早上10点下单，到现在还没收到确认邮件，垃圾箱也看了。
ko	stillno	one	notifications	확인 메일	오늘 아침 10시에 주문했는데 확인 메일이 아직도 안 왔어요. 스팸함도 확인했습니다.
en	securityreview	low		Security questionnaire	Our auditor's vendor questionnaire has a section "security breach history". Can you send your latest SOC 2 report and the date of your last penetration test? There is no incident on our side.
de	securityreview	low		Sicherheitsfragebogen	Unser Prüfer hat einen Fragebogen mit dem Abschnitt "Sicherheitsvorfälle und Datenleck". Können Sie uns Ihren SOC 2 Bericht und das Datum des letzten Penetrationstests schicken?
fr	securityreview	low		Questionnaire sécurité	Notre auditeur nous envoie un questionnaire avec une rubrique « historique des fuites de données ». Pouvez-vous nous envoyer votre rapport SOC 2 ?
es	securityreview	low		Cuestionario	Nuestro auditor nos pide rellenar un cuestionario sobre "brechas de seguridad". ¿Nos pueden enviar su informe SOC 2 y la fecha del último pentest?
en	breachnotreview	security		Breach	Someone logged into our admin account last night and downloaded the customer list. We need your SOC 2 contact?
en	breachbesidereview	security		Audit, and a hack	Our shop was hacked on Monday and defaced. Separately: can you send your SOC 2 report for our auditor?
en	nonepasses	outage	payments	Card payments	Since 9 pm not a single card payment has gone through, customers get an error.
de	nonepasses	outage	payments	Kartenzahlungen	Seit 21 Uhr geht keine Kartenzahlung mehr durch, die Kunden bekommen einen Fehler.
fr	nonepasses	outage	payments	Paiements	Depuis 21h aucun paiement par carte ne passe, les clients ont une erreur.
es	nonepasses	outage	payments	Pagos	Desde las 21h no pasa ni un pago con tarjeta, a los clientes les sale un error.
pt	nonepasses	outage	payments	Pagamentos	Desde as 21h nenhum pagamento com cartão passa, os clientes recebem um erro.
it	nonepasses	outage	payments	Pagamenti	Dalle 21 nessun pagamento con carta va a buon fine, i clienti ricevono un errore.
nl	nonepasses	outage	payments	Betalingen	Sinds 21 uur komt geen enkele kaartbetaling door, klanten krijgen een foutmelding.
pl	nonepasses	outage	payments	Płatności	Od 21 żadna płatność kartą nie przechodzi, klienci dostają błąd.
sv	nonepasses	outage	payments	Kortbetalningar	Sedan kl. 21 går inga kortbetalningar igenom, kunderna får ett felmeddelande.
fi	nonepasses	outage	payments	Korttimaksut	Klo 21 lähtien yksikään korttimaksu ei mene läpi, asiakkaat saavat virheen.
cs	nonepasses	outage	payments	Platby	Od 21 hodin neprojde ani jedna platba kartou, zákazníci dostávají chybu.
tr	nonepasses	outage	payments	Ödemeler	Saat 21'den beri hiçbir kart ödemesi geçmiyor, müşteriler hata alıyor.
ru	nonepasses	outage	payments	Платежи	С 21 часа не проходит ни один платёж картой, клиенты получают ошибку.
da	nonepasses	outage	payments	Kortbetalinger	Siden kl. 21 går ingen kortbetalinger igennem, kunderne får en fejl.
no	nonepasses	outage	payments	Kortbetalinger	Siden kl. 21 går ingen kortbetalinger gjennom, kundene får en feilmelding.
ja	nonepasses	outage	payments	カード決済	21時からカード決済が一件も通りません。お客様にエラーが表示されます。
zh	nonepasses	outage	payments	刷卡支付	从晚上9点开始，没有一笔刷卡支付成功，客户看到报错。
ko	nonepasses	outage	payments	카드 결제	오후 9시부터 카드 결제가 한 건도 안 됩니다. 고객에게 오류가 납니다.
fr	alltx	outage	payments	Paiements	Depuis 21h toutes les transactions par carte passent en échec.
es	alltx	outage	payments	Pagos	Desde las 21h todos los pagos con tarjeta dan error.
pt	alltx	outage	payments	Pagamentos	Desde as 21h todos os pagamentos com cartão dão erro.
pl	alltx	outage	payments	Płatności	Od 21 wszystkie płatności kartą kończą się błędem.
fi	alltx	outage	payments	Maksut	Klo 21 lähtien kaikki maksut epäonnistuvat.
cs	alltx	outage	payments	Platby	Od 21 hodin všechny platby kartou končí chybou.
tr	alltx	outage	payments	Ödemeler	Saat 21'den beri tüm ödemeler hata veriyor.
ru	alltx	outage	payments	Платежи	С 21 часа все платежи по карте заканчиваются ошибкой.
en	unknowndevice	security		Seller account	There is a login to my seller account from a device I don't recognize, and the payout account was changed.
de	unknowndevice	security		Verkäuferkonto	In meinem Verkäuferkonto gibt es eine Anmeldung von einem unbekannten Gerät, und das Auszahlungskonto wurde geändert.
fr	unknowndevice	security		Compte vendeur	Il y a une connexion à mon compte vendeur depuis un appareil inconnu, et le compte de versement a été modifié.
es	unknowndevice	security		Cuenta de vendedor	Hay un inicio de sesión en mi cuenta de vendedor desde un dispositivo desconocido y cambiaron la cuenta de cobro.
pt	unknowndevice	security		Conta de vendedor	Houve um login na minha conta de vendedor a partir de um dispositivo desconhecido e a conta de repasse foi alterada.
it	unknowndevice	security		Account venditore	C'è un accesso al mio account venditore da un dispositivo sconosciuto e il conto di accredito è stato cambiato.
nl	unknowndevice	security		Verkopersaccount	Er is ingelogd op mijn verkopersaccount vanaf een onbekend apparaat en de uitbetalingsrekening is gewijzigd.
pl	unknowndevice	security		Konto sprzedawcy	Na moim koncie sprzedawcy jest logowanie z nieznanego urządzenia i zmieniono konto do wypłat.
sv	unknowndevice	security		Säljarkonto	Det finns en inloggning på mitt säljarkonto från en okänd enhet och utbetalningskontot har ändrats.
fi	unknowndevice	security		Myyjätili	Myyjätililleni on kirjauduttu tuntemattomalta laitteelta ja tilitystili on vaihdettu.
cs	unknowndevice	security		Účet prodejce	V mém účtu prodejce je přihlášení z neznámého zařízení a účet pro výplaty byl změněn.
tr	unknowndevice	security		Satıcı hesabı	Satıcı hesabıma tanımadığım bir cihazdan giriş yapılmış ve ödeme hesabı değiştirilmiş.
ru	unknowndevice	security		Аккаунт продавца	В мой аккаунт продавца был вход с неизвестного устройства, и счёт для выплат изменён.
da	unknowndevice	security		Sælgerkonto	Der er et login på min sælgerkonto fra en ukendt enhed, og udbetalingskontoen er ændret.
no	unknowndevice	security		Selgerkonto	Det er en innlogging på selgerkontoen min fra en ukjent enhet, og utbetalingskontoen er endret.
ja	unknowndevice	security		出品者アカウント	出品者アカウントに知らない端末からログインした履歴があり、振込先口座が変更されていました。
zh	unknowndevice	security		卖家账户	我的卖家账户有陌生设备的登录记录，收款账户也被改了。
ko	unknowndevice	security		판매자 계정	판매자 센터에 제가 모르는 기기에서 로그인한 기록이 있고, 정산 계좌가 바뀌어 있습니다.
en	secretpublic	security		API key	Our developer pushed the config with our live API key to a public GitHub repository yesterday.
de	secretpublic	security		API-Schlüssel	Unser Entwickler hat gestern die Konfiguration mit unserem API-Schlüssel in ein öffentliches GitHub-Repository hochgeladen.
fr	secretpublic	security		Clé API	Notre développeur a mis hier notre clé API dans un dépôt GitHub public.
es	secretpublic	security		Clave API	Nuestro desarrollador subió ayer nuestra clave API a un repositorio público de GitHub.
pt	secretpublic	security		Chave de API	Nosso desenvolvedor subiu ontem a nossa chave de API num repositório público do GitHub.
it	secretpublic	security		Chiave API	Il nostro sviluppatore ieri ha caricato la nostra chiave API in un repository GitHub pubblico.
nl	secretpublic	security		API-sleutel	Onze ontwikkelaar heeft gisteren onze API-sleutel in een openbare GitHub-repository gezet.
pl	secretpublic	security		Klucz API	Nasz programista wrzucił wczoraj nasz klucz API do publicznego repozytorium na GitHubie.
sv	secretpublic	security		API-nyckel	Vår utvecklare lade igår upp vår API-nyckel i ett offentligt GitHub-repo.
fi	secretpublic	security		API-avain	Kehittäjämme vei eilen API-avaimemme julkiseen GitHub-repositorioon.
cs	secretpublic	security		API klíč	Náš vývojář včera nahrál náš API klíč do veřejného repozitáře na GitHubu.
tr	secretpublic	security		API anahtarı	Geliştiricimiz dün API anahtarımızı herkese açık bir GitHub deposuna yükledi.
ru	secretpublic	security		API-ключ	Наш разработчик вчера выложил наш API-ключ в публичный репозиторий на GitHub.
da	secretpublic	security		API-nøgle	Vores udvikler lagde i går vores API-nøgle i et offentligt GitHub-repository.
no	secretpublic	security		API-nøkkel	Utvikleren vår la i går API-nøkkelen vår i et offentlig GitHub-repo.
ja	secretpublic	security		APIキー	開発者が昨日、本番のAPIキーを公開リポジトリにプッシュしてしまいました。
zh	secretpublic	security		API密钥	我们的开发人员昨天把API密钥推送到了公开的GitHub仓库。
ko	secretpublic	security		API 키	개발자가 어제 API 키를 공개 GitHub 저장소에 올렸습니다.
en	otherseller	security		Orders	In my seller dashboard I see another seller's orders, with the buyers' names and addresses.
fr	otherseller	security		Commandes	Dans mon tableau de bord je vois les commandes d'un autre vendeur, avec les noms et adresses des acheteurs.
es	otherseller	security		Pedidos	En mi panel veo los pedidos de otro vendedor, con nombres y direcciones de los compradores.
pt	otherseller	security		Pedidos	No meu painel aparecem os pedidos de outra loja, com nomes e endereços dos compradores.
it	otherseller	security		Ordini	Nella mia dashboard vedo gli ordini di un altro venditore, con nomi e indirizzi degli acquirenti.
de	otherseller	security		Bestellungen	In meinem Dashboard sehe ich die Bestellungen eines anderen Verkäufers mit Namen und Adressen der Käufer.
en	werelost	dataloss		Orders lost	Orders from last night are not in the admin. It looks like these orders were lost.
de	werelost	dataloss		Bestellungen verloren	Die Bestellungen von gestern Abend fehlen im Admin. Es sieht so aus, als wären sie verloren gegangen.
fr	werelost	dataloss		Commandes perdues	Les commandes d'hier soir ne sont pas dans l'admin. On dirait qu'elles ont été perdues.
es	werelost	dataloss		Pedidos perdidos	Los pedidos de anoche no están en el panel. Parece que se perdieron.
pt	werelost	dataloss		Pedidos perdidos	Os pedidos de ontem à noite não estão no painel. Parece que foram perdidos.
it	werelost	dataloss		Ordini persi	Gli ordini di ieri sera non sono nel pannello. Sembra che siano andati persi.
nl	werelost	dataloss		Bestellingen kwijt	De bestellingen van gisteravond staan niet in de admin. Het lijkt erop dat ze verloren zijn gegaan.
pl	werelost	dataloss		Zamówienia utracone	Zamówień z wczoraj nie ma w panelu. Wygląda na to, że te zamówienia zostały utracone.
sv	werelost	dataloss		Ordrar förlorade	Gårdagens ordrar finns inte i admin. Det verkar som att de har gått förlorade.
fi	werelost	dataloss		Tilaukset kadonneet	Eilisillan tilaukset puuttuvat hallinnasta. Näyttää siltä, että ne menetettiin.
cs	werelost	dataloss		Objednávky ztraceny	Včerejší objednávky nejsou v administraci. Vypadá to, že se ztratily.
tr	werelost	dataloss		Siparişler kayboldu	Dün akşamki siparişler panelde yok. Görünüşe göre kaybedildi.
ru	werelost	dataloss		Заказы потеряны	Вчерашних заказов нет в админке. Похоже, они были потеряны.
da	werelost	dataloss		Ordrer tabt	Ordrerne fra i går aftes er ikke i admin. Det ser ud til, at de er gået tabt.
no	werelost	dataloss		Ordrer tapt	Ordrene fra i går kveld er ikke i admin. Det ser ut til at de har gått tapt.
ja	werelost	dataloss		注文消失	昨夜の注文が管理画面にありません。注文データが失われたようです。
zh	werelost	dataloss		订单丢失	昨晚的订单在后台找不到了，看起来订单数据丢失了。
ko	werelost	dataloss		주문 유실	어젯밤 주문이 관리자 화면에 없습니다. 주문 데이터가 유실되었습니다.
en	unavailable	outage	checkout-api	Checkout	The checkout has been unavailable since 9 pm.
de	unavailable	outage	checkout-api	Checkout	Der Checkout ist seit 21 Uhr nicht verfügbar.
fr	unavailable	outage	checkout-api	Panier	Le panier est indisponible depuis 21h.
es	unavailable	outage	checkout-api	Carrito	El carrito no está disponible desde las 21h.
pt	unavailable	outage	checkout-api	Carrinho	O carrinho está indisponível desde as 21h.
it	unavailable	outage	checkout-api	Carrello	Il carrello non è disponibile dalle 21.
nl	unavailable	outage	checkout-api	Winkelwagen	De winkelwagen is sinds 21 uur niet beschikbaar.
pl	unavailable	outage	checkout-api	Koszyk	Koszyk jest niedostępny od 21.
sv	unavailable	outage	checkout-api	Varukorg	Varukorgen har varit otillgänglig sedan kl. 21.
fi	unavailable	outage	checkout-api	Ostoskori	Ostoskori on ollut poissa käytöstä klo 21 lähtien.
cs	unavailable	outage	checkout-api	Košík	Košík je od 21 hodin nedostupný.
tr	unavailable	outage	checkout-api	Sepet	Sepet saat 21'den beri kullanılamıyor.
ru	unavailable	outage	checkout-api	Корзина	Корзина недоступна с 21 часа.
da	unavailable	outage	checkout-api	Kurv	Kurven har været utilgængelig siden kl. 21.
no	unavailable	outage	checkout-api	Handlekurv	Handlekurven har vært utilgjengelig siden kl. 21.
hr	down	outage	auth	Prijava ne radi	Prijava ne radi od jutros, nitko se ne može prijaviti.
hr	cantpay	one	payments	Plaćanje karticom	Ne mogu platiti karticom, svaki put dobijem grešku.
hr	notarrive	outage	notifications	SMS kodovi	Naši kupci od 10:00 ne primaju SMS kodove.
hr	slow	degraded	search	Pretraga	Pretraga je danas jako spora, svako traženje traje vječno.
hr	dataloss	dataloss		Narudžbe nestale	Sve naše narudžbe su nestale iz administracije!
hr	security	security		Račun	Netko se prijavio u moj račun i promijenio mi lozinku.
hr	howto	low		Pitanje	Kako mogu promijeniti e-mail adresu svog računa?
hr	feature	low		Prijedlog	Bilo bi super kad biste dodali izvoz u Excel.
hr	billing	low		Račun za ožujak	Možete li mi ponovno poslati račun za ožujak? Treba mi za knjigovodstvo.
hr	resolved	resolved		Re: košarica	Sada opet radi, hvala! Možete zatvoriti tiket.
hr	checkout	outage	checkout-api	Košarica	Kupci ne mogu dovršiti narudžbu, košarica javlja grešku.
hr	otherdata	security		Stranica za plaćanje	Na stranici za plaćanje vidim podatke drugog kupca.
ro	down	outage	auth	Autentificarea nu merge	Autentificarea nu merge de azi dimineață, nimeni nu se poate conecta.
ro	cantpay	one	payments	Plata cu cardul	Nu pot plăti cu cardul, primesc o eroare de fiecare dată.
ro	notarrive	outage	notifications	Coduri SMS	Clienții noștri nu mai primesc codurile SMS de la ora 10:00.
ro	slow	degraded	search	Căutare	Căutarea este extrem de lentă azi, fiecare căutare durează o veșnicie.
ro	dataloss	dataloss		Comenzi dispărute	Toate comenzile noastre au dispărut din panoul de administrare!
ro	security	security		Cont	Cineva a intrat în contul meu și mi-a schimbat parola.
ro	howto	low		Întrebare	Cum pot schimba adresa de e-mail a contului meu?
ro	feature	low		Idee	Ar fi grozav dacă ați adăuga un export în Excel.
ro	billing	low		Factură	Îmi puteți trimite din nou factura pentru martie? Am nevoie de ea pentru contabilitate.
ro	resolved	resolved		Re: coș	Acum funcționează din nou, mulțumesc! Puteți închide tichetul.
ro	checkout	outage	checkout-api	Coș	Clienții nu pot finaliza comanda, coșul afișează o eroare.
ro	otherdata	security		Pagina de plată	Pe pagina de plată văd datele altui client.
en	deletednothing	dataloss		Seat plan empty	This morning the seat plan of our show is empty and the sales are not in the reports. We did not delete anything.
de	deletednothing	dataloss		Liste leer	Heute ist die ganze Medikamentenliste leer. Ich habe nichts gelöscht.
fr	deletednothing	dataloss		Liste vide	Ce matin toute la liste de nos produits est vide. Nous n'avons rien supprimé.
es	deletednothing	dataloss		Lista vacía	Esta mañana el catálogo está vacío. No hemos borrado nada.
nl	deletednothing	dataloss		Lijst leeg	Vanochtend is onze hele productlijst leeg. Wij hebben niets verwijderd.
tr	deletednothing	dataloss		Liste boş	Bu sabah ürün listemiz tamamen boş. Biz hiçbir şeyi silmedik.
cs	deletednothing	dataloss		Prázdný seznam	Dnes ráno je celý seznam produktů prázdný. Nic jsme nesmazali.
pl	nobodydeleted	dataloss		Pusta lista	Od rana lista naszych stałych klientów jest pusta. Nikt z nas niczego nie usuwał.
en	nobodydeleted	dataloss		Loyalty list empty	Since this morning our list of regulars is empty. Nobody deleted anything.
de	nobodydeleted	dataloss		Liste leer	Seit heute früh ist unsere Stammkundenliste leer. Niemand hat etwas gelöscht.
es	nobodydeleted	dataloss		Lista vacía	Desde esta mañana la lista de clientes fijos está vacía. Nadie borró nada.
nl	nobodydeleted	dataloss		Lijst leeg	Sinds vanochtend is onze lijst met vaste klanten leeg. Niemand heeft iets verwijderd.
sv	nobodydeleted	dataloss		Listan tom	Sedan i morse är vår lista med stamkunder tom. Ingen har raderat något.
da	howtouse	low		Point	Hej, jeg har 12.000 point på min konto. Hvordan bruger jeg dem til at betale en del af en ordre? Jeg kan ikke finde det.
no	howtouse	low		Poeng	Hei, jeg har mange poeng. Hvordan bruker jeg dem når jeg betaler? Jeg finner det ikke.
sv	howtouse	low		Poäng	Hej, jag har många poäng. Hur använder jag dem för att betala en del av en beställning? Jag kan inte hitta det.
nl	howtouse	low		Punten	Hoi, ik heb veel punten gespaard. Hoe gebruik ik ze om een deel van een bestelling te betalen? Ik kan het niet vinden.
de	howtouse	low		Punkte	Hallo, ich habe viele Punkte. Wie nutze ich sie, um einen Teil der Bestellung zu bezahlen? Ich kann es nicht finden.
en	layout	low		Order page	On my tablet the header of the order page looks odd, the logo sits over the menu. Ordering itself works.
ja	layout	low		注文履歴の表示	注文履歴の画面で、ボタンが少し下にずれて文字に重なっています。急ぎではありません。
zh	layout	low		商品页面	商品页面上的图片和价格重叠了，不着急。
ko	layout	low		상품 페이지	상품 페이지에서 이미지가 가격 글자와 겹쳐 보입니다. 급하지 않습니다.
it	askadd	low		Proposta	Buongiorno, è possibile aggiungere il pagamento con bonifico a 60 giorni? Grazie.
es	askadd	low		Propuesta	Hola, ¿es posible añadir el pago por transferencia a 60 días? Gracias.
en	someoneinaccount	security		Account	Hi, I got an e-mail that my password was changed, I did not change it. Someone is in my account, please lock it.
en	tookaccount	security	auth	Account	Somebody took my account, I cannot get in any more and there are orders I did not make.
en	changedpassword	security	auth	Password	I got a reset e-mail I never asked for, then somebody changed my password and my email, now I cannot log in.
es	changedpassword	security	auth	Contraseña	Alguien cambió mi contraseña y ahora no puedo entrar.
de	changedpassword	security	auth	Passwort	Jemand hat mein Passwort geändert, ich komme nicht mehr rein.
en	changepasswordhowto	low		Question	Can someone tell me how to change my password?
en	shownerror	outage		Logo	I uploaded our new logo and now checkout shows errors for everyone.
tr	shownerror	one		Logo	Logo kaymış ve hata veriyor, ödeme yapılamıyor.
it	someonehelpaccount	low		Domanda	Volevo sapere se qualcuno può aiutarmi con il mio account, grazie.
en	accountpassword	security	auth	Password	Someone changed my account password and now I cannot log in.
de	accountpassword	security	auth	Passwort	Jemand hat das Passwort von meinem Konto geändert, ich komme nicht mehr rein.
nl	otherdata	security		Gegevens van iemand anders	Na het afrekenen zag ik op de bevestigingspagina de gegevens van iemand anders: naam, adres en telefoonnummer.
it	progressgone	dataloss		Progressi spariti	Oggi mio figlio ha aperto l'app e tutti i suoi progressi sono spariti: lezioni completate e punteggi dei quiz.
ro	couldfinish	resolved		Re: eroare la coș	Bună ziua, acum am putut finaliza comanda. Mulțumesc!
es	couldfinish	resolved		Re: error en el carrito	Hola, ya pude finalizar el pedido. ¡Gracias!
it	couldfinish	resolved		Re: errore nel carrello	Buongiorno, sono riuscito a completare l'ordine. Grazie!
en	notdeletedit	one		Confirmation	The confirmation e-mail for my order is gone from my inbox, I did not delete it.
pl	slowlong	degraded	payments	Płatności	Od kwadransa płatności trwają bardzo długo, kręci się kółko prawie minutę.
cs	slowlong	degraded	payments	Platby	Platby dnes trvají hrozně dlouho, kolečko se točí skoro minutu.
nl	slowlong	degraded	payments	Betalingen	De betalingen duren sinds een kwartier heel erg lang, het wieltje draait bijna een minuut.
fr	slowlong	degraded	payments	Paiements	Depuis un quart d'heure les paiements prennent très longtemps, la roue tourne presque une minute.
it	slowlong	degraded	payments	Pagamenti	Da un quarto d'ora i pagamenti ci mettono tantissimo tempo, la rotellina gira quasi un minuto.
sv	slowlong	degraded	payments	Betalningar	Sedan en kvart tar betalningarna jättelänge, hjulet snurrar nästan en minut.
id	slow	degraded	search	Pencarian	Pencarian hari ini sangat lambat, setiap pencarian lama sekali.
id	dataloss	dataloss		Pesanan hilang	Semua pesanan kami hilang dari panel admin!
el	slow	degraded	search	Αναζήτηση	Η αναζήτηση είναι πολύ αργή σήμερα, κάθε αναζήτηση κρατάει αιώνες.
el	dataloss	dataloss		Παραγγελίες χάθηκαν	Όλες οι παραγγελίες μας εξαφανίστηκαν από το διαχειριστικό!
el	howto	low		Ερώτηση	Πώς μπορώ να αλλάξω τη διεύθυνση email του λογαριασμού μου;
el	feature	low		Πρόταση	Θα ήταν υπέροχο αν προσθέτατε εξαγωγή σε Excel.
el	billing	low		Τιμολόγιο	Μπορείτε να μου ξαναστείλετε το τιμολόγιο Μαρτίου; Το χρειάζομαι για το λογιστήριο.
vi	slow	degraded	search	Tìm kiếm	Hôm nay tìm kiếm rất chậm, mỗi lần tìm mất rất lâu.
vi	howto	low		Câu hỏi	Làm sao để đổi địa chỉ email của tài khoản?
vi	feature	low		Đề xuất	Sẽ rất tuyệt nếu có thể xuất ra Excel.
vi	billing	low		Hóa đơn	Vui lòng gửi lại hóa đơn tháng Ba, tôi cần cho kế toán.
he	slow	degraded	search	חיפוש	החיפוש היום איטי מאוד, כל חיפוש לוקח נצח.
he	dataloss	dataloss		הזמנות נעלמו	כל ההזמנות שלנו נעלמו מממשק הניהול!
he	feature	low		הצעה	יהיה נהדר אם תוסיפו ייצוא לאקסל.
he	billing	low		חשבונית	אפשר לשלוח לי שוב את החשבונית של מרץ? אני צריך אותה להנהלת החשבונות.
it	nowworks	resolved		Re: accesso	Adesso funziona, sono riuscita a entrare. Grazie lo stesso.
it	nowworks	resolved		Re: pagamento	Ora funziona, grazie mille.
es	nowworks	resolved		Re: acceso	Ya funciona, gracias igualmente.
ro	nowworks	resolved		Re: plata	Acum funcționează, mulțumesc.
tr	nowworks	resolved		Re: giriş	Şimdi çalışıyor, teşekkürler.
cs	nowworks	resolved		Re: přihlášení	Teď to funguje, děkuji.
hu	nowworks	resolved		Re: belépés	Most már működik, köszönöm.
el	nowworks	resolved		Re: σύνδεση	Τώρα λειτουργεί, ευχαριστώ.
he	nowworks	resolved		Re: התחברות	עכשיו זה עובד, תודה.
id	nowworks	resolved		Re: login	Sekarang sudah berfungsi, terima kasih.
`

var conceptClaims = map[string]claim{"outage": claimOutage, "one": claimOne, "degraded": claimDegraded, "dataloss": claimDataLoss,
	"security": claimSecurity, "low": claimLow, "resolved": claimResolved, "partial": claimPartial}

// TestConcepts_readInEveryLanguageCarefulAndPlain classifies each row of
// conceptTable as written and typed without diacritics (typedPlain), and
// triages it against the checkout project without logs for its service.
func TestConcepts_readInEveryLanguageCarefulAndPlain(t *testing.T) {
	tr := New(textProject(), Settings{Location: time.UTC})
	at := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	for _, f := range tableRows(t, conceptTable, 6) {
		want, ok := conceptClaims[f[2]]
		if !ok {
			t.Fatalf("row %q: no claim %q", strings.Join(f, "\t"), f[2])
		}
		for _, plain := range []bool{false, true} {
			subject, description := f[4], f[5]
			if plain {
				subject, description = typedPlain(subject), typedPlain(description)
			}
			got, reasons := claimOf(subject, description)
			if got != want {
				t.Errorf("%s %s (plain %v) %q: %s, want %s (%q)", f[0], f[1], plain, description, got, want, reasons)
			}
			if f[3] == "" {
				continue
			}
			res, err := tr.Triage(context.Background(), Ticket{Subject: subject, Description: description, CreatedAt: at})
			if err != nil {
				t.Fatal(err)
			}
			if res.AffectedService != f[3] {
				t.Errorf("%s %s (plain %v) %q: service %q, want %q", f[0], f[1], plain, description, res.AffectedService, f[3])
			}
		}
	}
}
