package triage

import (
	"context"
	"strings"
	"testing"
	"time"
)

// serviceTable is round fifteen's audit of the services by concept: for
// each of the 17 languages of the variants (and English), how a user names
// the thing that failed — the sign-in code, the card step, the basket or
// the checkout, the search box, the order confirmation — in a failure
// report, in a how-to question that names its service only by the
// product's word ("the basket", "kassan", "pokladna"), in a request to
// resend a confirmation (the message's service, not the order's), and in
// the outcome rule's cases (charged but no order: the order's service;
// the checkout works until the card step, then the provider times out:
// payments),
// another customer's data shown on the payment page (the page's service)
// and a wish for a payment method in the basket (the payment's), a
// phishing message (no service: the message is the channel); plus casual
// ones. Columns: language, the service, subject, description.
// Each row is triaged as written and typed plain against the tuning sets'
// project, without logs.
const serviceTable = `
en	auth	Login	Customers can't log in, the two-factor code is rejected every time.
en	checkout-api	Checkout	Checkout works on desktop, but in the app I get error 500 every time.
en	auth	Login	Login worked fine until this morning, now it shows error 503.
ca	checkout-api	Seguiment	L'enllaç de seguiment de la comanda no funciona, surt un error.
hu	auth	Belépés	Nem tudok belépni a fiókomba, hibát kapok.
hu	checkout-api	Jegyek	A belépőjegyeket nem tudom letölteni a rendelés után, hibát kapok.
en	payments	Payments	Card payments fail at the 3-D Secure step, the bank page never loads.
en	checkout-api	Orders	Customers cannot place orders, the basket shows an error when they click Buy now.
en	search	Shop	The search box returns no results, even for products we have in stock.
en	notifications	Emails	Customers are not receiving their order confirmation e-mails.
en	checkout-api	Order missing	A customer was charged, but no order was created.
en	checkout-api	Money taken but no order	I click pay and it shows an error page. My bank app shows the money is reserved, but there is no order in my account.
en	checkout-api	Charged but no booking	The card is charged, we get the bank SMS, but the site says booking not confirmed and there is nothing in My Trips.
en	checkout-api	Charged for a gift	My bank app shows the payment taken, but the site showed "We couldn't complete your order".
en	notifications	Booking e-mail	I paid for the table, the booking is fine, but no booking confirmation e-mail came.
en	payments	Reserved amount	The money is reserved on my card for order 5521, when will the reservation be released?
en	payments	Salary transfer failed	Last night I launched the salary transfer for one employee and it gave an error, then it worked on the second try.
pl	payments	Przelewy	Od rana przelewy wynagrodzeń nie wychodzą, dostajemy błąd przy wysyłce pliku.
de	payments	Überweisung	Die Überweisung an unseren Lieferanten ist mit einer Fehlermeldung abgebrochen.
en		Ticket for a friend	Hi, how do I transfer my ticket to a friend? Thanks.
en	checkout-api	Question	How can I change the minimum order value in the basket?
en	notifications	Resend	I deleted the order confirmation e-mail by accident, could you resend it for order 4821?
en	auth	Magic link	The magic link in the sign-in e-mail says expired as soon as customers click it.
en	notifications	Newsletter	Our newsletter did not go out this morning, nobody got it.
ko	notifications	픽업 문자	오늘 오후부터 픽업 주문 고객 대부분이 픽업 준비 완료 문자를 못 받고 있습니다.
en	notifications	Invoice e-mails	Our invoice e-mails have not arrived since this morning, for none of our shops.
de	notifications	Rechnungs-E-Mails	Seit heute Morgen kommen unsere Rechnungs-E-Mails nicht mehr an, bei keiner Filiale.
fr	notifications	E-mails de facture	Depuis ce matin nous ne recevons plus les e-mails de facture, pour aucun magasin.
it	notifications	Email della fattura	Da stamattina non riceviamo più le email della fattura, per nessun negozio.
en	auth	SMS code	The SMS code is rejected as invalid every time, although I type it correctly.
es	auth	Código SMS	El código SMS me dice 'código no válido' aunque lo escribo bien.
fr	auth	Code SMS	Le code SMS ne marche pas, il est refusé à chaque fois.
pt	auth	Código SMS	O código SMS é sempre recusado, já tentei cinco vezes.
de	auth	SMS-Code	Der SMS-Code wird jedes Mal als ungültig abgelehnt.
it	auth	Codice SMS	Il codice SMS risulta sempre non valido.
nl	auth	Sms-code	De sms-code is steeds ongeldig.
pl	auth	Kod SMS	Kod SMS jest nieprawidłowy, chociaż wpisuję go poprawnie.
cs	auth	Ověřovací kód	Ověřovací kód z SMS byl vždy odmítnut, zkoušela jsem to čtyřikrát.
nl	auth	Sms-code	De sms-code werd steeds geweigerd met een foutmelding.
hr	auth	SMS kod	SMS kod je stalno odbijen, iako ga upisujem točno.
ro	auth	Cod SMS	Codul SMS este respins de fiecare dată, deși îl scriu corect.
id	auth	Kode OTP	Kode OTP dari SMS selalu ditolak, padahal saya ketik dengan benar.
vi	auth	Mã OTP	Mã OTP qua SMS luôn bị từ chối dù tôi nhập đúng.
el	auth	Κωδικός SMS	Ο κωδικός SMS απορρίπτεται κάθε φορά, αν και τον γράφω σωστά.
he	auth	קוד SMS	קוד ה-SMS נדחה כל פעם, למרות שאני מקליד אותו נכון.
hu	auth	SMS-kód	Az SMS-kódot minden alkalommal elutasítja, pedig jól írom be.
tr	auth	SMS kodu	SMS kodu her seferinde reddediliyor, doğru yazmama rağmen.
ru	auth	СМС-код	Код из СМС каждый раз отклоняется, хотя я ввожу его правильно.
da	auth	SMS-kode	SMS-koden bliver afvist hver gang, selvom jeg skriver den rigtigt.
no	auth	SMS-kode	SMS-koden blir avvist hver gang, selv om jeg skriver den riktig.
sv	auth	SMS-kod	SMS-koden avvisas varje gång, fast jag skriver den rätt.
it	auth	Re: problema	Ok, adesso sono riuscita ad entrare, grazie.
es	auth	Re: problema	Por fin pude entrar, gracias.
en	checkout-api	Promo code	The promo code SUMMER15 is rejected as invalid in the basket.
en	notifications	SMS code	The SMS code never arrives, I waited ten minutes.
nl	auth	Inloglink	Sinds vanochtend vragen we een inloglink aan en krijgen we een foutmelding.
ca	auth	No puc entrar	L'enllaç màgic no m'arriba i quan el demano surt un error.
hu	auth	Belépés	Reggel óta senki sem tud belépni az alkalmazásba, hibaüzenetet kapunk.
is	payments	Greiðsla	Greiðslan mistókst, ég fékk villu þegar ég reyndi að borga.
de	auth	Login	Kunden können sich nicht einloggen, der Code für die Zwei-Faktor-Authentifizierung wird jedes Mal abgelehnt.
de	payments	Zahlungen	Kartenzahlungen scheitern beim 3-D-Secure-Schritt, die Seite der Bank lädt nicht.
de	checkout-api	Bestellungen	Kunden können keine Bestellung aufgeben, der Warenkorb zeigt beim Klick auf „Jetzt kaufen“ einen Fehler.
de	search	Shop	Die Suchleiste liefert keine Ergebnisse, auch für Produkte, die wir auf Lager haben.
de	notifications	Mails	Unsere Kunden bekommen keine Bestellbestätigungen per E-Mail mehr.
de	checkout-api	Bestellung fehlt	Einem Kunden wurde das Geld abgebucht, aber es wurde keine Bestellung angelegt.
de	checkout-api	Frage	Wie kann ich den Mindestbestellwert im Warenkorb ändern?
de	notifications	Nochmal senden	Ich habe die Bestellbestätigung aus Versehen gelöscht, könnt ihr sie für Bestellung 4821 nochmal schicken?
de	checkout-api	kasse	kasse spinnt seit 10 uhr, kunden kommen nicht durch
de	payments	PayPal	PayPal-Zahlungen gehen seit heute Mittag nicht mehr durch.
de	notifications	Push	Die Push-Benachrichtigungen kommen seit gestern nicht mehr an.
fr	auth	Connexion	Les clients n'arrivent pas à se connecter, le code de vérification en deux étapes est refusé à chaque fois.
fr	payments	Paiements	Les paiements par carte échouent à l'étape 3-D Secure, la page de la banque ne se charge jamais.
fr	checkout-api	Commandes	Les clients ne peuvent pas passer commande, le panier affiche une erreur quand ils cliquent sur « Acheter ».
fr	search	Boutique	La barre de recherche ne renvoie aucun résultat, même pour des produits en stock.
fr	notifications	E-mails	Nos clients ne reçoivent plus les e-mails de confirmation de commande.
fr	checkout-api	Commande manquante	Un client a été débité mais aucune commande n'a été créée.
fr	checkout-api	Erreurs au paiement	Nos clients ne peuvent pas finaliser leur commande, le checkout affiche une erreur.
fr	checkout-api	Question	Comment modifier le montant minimum de commande dans le panier ?
fr	notifications	Renvoi	J'ai supprimé l'e-mail de confirmation de commande par erreur, pouvez-vous le renvoyer pour la commande 4821 ?
fr	checkout-api	panier	le panier bug depuis ce matin, personne peut commander
es	auth	Login	Los clientes no pueden iniciar sesión, el código de verificación en dos pasos se rechaza siempre.
es	payments	Pagos	Los pagos con tarjeta fallan en el paso de 3-D Secure, la página del banco nunca carga.
es	checkout-api	Pedidos	Los clientes no pueden hacer pedidos, el carrito da un error al pulsar «Comprar».
es	search	Tienda	El buscador no devuelve ningún resultado, ni siquiera para productos que tenemos en stock.
es	notifications	Correos	Nuestros clientes no reciben los correos de confirmación del pedido.
es	checkout-api	Pedido	A un cliente se le cobró pero no se creó ningún pedido.
es	checkout-api	Pregunta	¿Cómo cambio el importe mínimo de pedido en el carrito?
es	notifications	Reenvío	Borré sin querer el correo de confirmación del pedido, ¿me lo podéis reenviar para el pedido 4821?
es	checkout-api	carrito	el carrito no va desde esta mañana, nadie puede comprar
pt	auth	Login	Os clientes não conseguem entrar, o código de verificação em duas etapas é recusado toda vez.
pt	payments	Pagamentos	Os pagamentos com cartão falham na etapa do 3-D Secure, a página do banco não carrega.
pt	checkout-api	Pedidos	Os clientes não conseguem fazer pedidos, o carrinho dá erro quando clicam em "Comprar".
pt	search	Loja	A barra de busca não retorna nenhum resultado, nem para produtos que temos em estoque.
pt	notifications	E-mails	Nossos clientes não estão recebendo os e-mails de confirmação do pedido.
pt	checkout-api	Pedido	Um cliente foi cobrado, mas nenhum pedido foi criado.
pt	checkout-api	Dúvida	Como altero o valor mínimo do pedido no carrinho?
pt	notifications	Reenvio	Apaguei sem querer o e-mail de confirmação do pedido, podem reenviar para o pedido 4821?
pt	checkout-api	carrinho	carrinho não funciona desde cedo, ninguém consegue comprar
it	auth	Accesso	I clienti non riescono ad accedere, il codice di verifica in due passaggi viene rifiutato ogni volta.
it	payments	Pagamenti	I pagamenti con carta falliscono al passaggio 3-D Secure, la pagina della banca non si carica.
it	checkout-api	Ordini	I clienti non riescono a effettuare ordini, il carrello dà un errore quando cliccano su "Acquista".
it	search	Negozio	La barra di ricerca non restituisce nessun risultato, nemmeno per prodotti disponibili.
it	notifications	Email	I nostri clienti non ricevono più le e-mail di conferma dell'ordine.
it	checkout-api	Ordine	Un cliente è stato addebitato ma non è stato creato nessun ordine.
it	checkout-api	Domanda	Come posso cambiare l'importo minimo d'ordine nel carrello?
it	notifications	Reinvio	Ho cancellato per sbaglio l'e-mail di conferma dell'ordine, potete rimandarla per l'ordine 4821?
it	checkout-api	carrello	il carrello non va da stamattina, nessuno riesce a comprare
nl	auth	Inloggen	Klanten kunnen niet inloggen, de verificatiecode voor tweestapsverificatie wordt elke keer geweigerd.
nl	payments	Betalingen	Kaartbetalingen mislukken bij de 3-D Secure-stap, de pagina van de bank laadt niet.
nl	checkout-api	Bestellingen	Klanten kunnen geen bestelling plaatsen, de winkelwagen geeft een fout als ze op "Afrekenen" klikken.
nl	search	Webshop	De zoekbalk geeft geen resultaten, zelfs niet voor producten die op voorraad zijn.
nl	notifications	Mails	Onze klanten ontvangen geen orderbevestigingen per e-mail meer.
nl	checkout-api	Bestelling	Er is geld afgeschreven bij een klant, maar er is geen bestelling aangemaakt.
nl	checkout-api	Vraag	Hoe pas ik het minimale bestelbedrag in de winkelwagen aan?
nl	notifications	Opnieuw sturen	Ik heb de orderbevestiging per ongeluk verwijderd, kunnen jullie die opnieuw sturen voor bestelling 4821?
nl	checkout-api	winkelmandje	winkelmandje doet het niet sinds vanochtend, niemand kan afrekenen
pl	auth	Logowanie	Klienci nie mogą się zalogować, kod weryfikacji dwuetapowej jest za każdym razem odrzucany.
pl	payments	Płatności	Płatności kartą nie przechodzą na etapie 3-D Secure, strona banku się nie ładuje.
pl	checkout-api	Zamówienia	Klienci nie mogą złożyć zamówienia, koszyk pokazuje błąd po kliknięciu „Kupuję”.
pl	search	Sklep	Wyszukiwarka nie zwraca żadnych wyników, nawet dla produktów, które mamy na stanie.
pl	notifications	Maile	Nasi klienci nie dostają maili z potwierdzeniem zamówienia.
pl	checkout-api	Zamówienie	Klientowi pobrano pieniądze, ale zamówienie nie zostało utworzone.
pl	checkout-api	Pytanie	Jak zmienić minimalną wartość zamówienia w koszyku?
pl	notifications	Ponowne wysłanie	Przez przypadek usunąłem maila z potwierdzeniem zamówienia, możecie wysłać go ponownie dla zamówienia 4821?
pl	checkout-api	koszyk	koszyk nie działa od rana, nikt nie może kupić
sv	auth	Inloggning	Kunderna kan inte logga in, verifieringskoden för tvåstegsverifiering nekas varje gång.
sv	payments	Betalningar	Kortbetalningar misslyckas vid 3-D Secure-steget, bankens sida laddar aldrig.
sv	checkout-api	Beställningar	Kunderna kan inte lägga beställningar, varukorgen visar ett fel när de klickar på "Till kassan".
sv	search	Butiken	Sökfältet ger inga resultat, inte ens för produkter vi har i lager.
sv	notifications	Mejl	Våra kunder får inga orderbekräftelser via mejl längre.
sv	checkout-api	Order saknas	En kund har blivit debiterad men ingen order skapades.
sv	checkout-api	Fråga	Hur ändrar jag minsta ordervärde i kassan?
sv	notifications	Skicka igen	Jag raderade orderbekräftelsen av misstag, kan ni skicka den igen för order 4821?
sv	checkout-api	kassan	kassan strular sedan i morse, ingen kommer igenom
fi	auth	Kirjautuminen	Asiakkaat eivät pääse kirjautumaan, kaksivaiheisen tunnistuksen koodi hylätään joka kerta.
fi	payments	Maksut	Korttimaksut epäonnistuvat 3-D Secure -vaiheessa, pankin sivu ei lataudu.
fi	checkout-api	Tilaukset	Asiakkaat eivät voi tehdä tilauksia, ostoskori näyttää virheen kun he painavat "Osta".
fi	search	Verkkokauppa	Hakukenttä ei palauta yhtään tulosta, ei edes varastossa oleville tuotteille.
fi	notifications	Sähköpostit	Asiakkaamme eivät enää saa tilausvahvistuksia sähköpostiin.
fi	checkout-api	Tilaus puuttuu	Asiakkaalta veloitettiin rahat, mutta tilausta ei syntynyt.
fi	checkout-api	Kysymys	Miten muutan ostoskorin minimitilausarvoa?
fi	notifications	Uudelleenlähetys	Poistin tilausvahvistuksen vahingossa, voitteko lähettää sen uudelleen tilaukselle 4821?
fi	checkout-api	ostoskori	ostoskori ei toimi aamusta asti, kukaan ei pääse maksamaan
cs	auth	Přihlášení	Zákazníci se nemůžou přihlásit, kód dvoufázového ověření je pokaždé odmítnut.
cs	payments	Platby	Platby kartou selhávají v kroku 3-D Secure, stránka banky se nenačte.
cs	checkout-api	Objednávky	Zákazníci nemůžou dokončit objednávku, košík ukáže chybu po kliknutí na „Koupit“.
cs	search	E-shop	Vyhledávání nevrací žádné výsledky, ani pro zboží, které máme skladem.
cs	notifications	E-maily	Naši zákazníci nedostávají e-maily s potvrzením objednávky.
cs	checkout-api	Objednávka	Zákazníkovi byly strženy peníze, ale objednávka se nevytvořila.
cs	checkout-api	Dotaz	Jak změním minimální hodnotu objednávky v pokladně?
cs	notifications	Znovu poslat	Omylem jsem smazal potvrzení objednávky, můžete mi ho poslat znovu pro objednávku 4821?
cs	checkout-api	košík	košík nefunguje od rána, nikdo nemůže nakoupit
tr	auth	Giriş	Müşteriler giriş yapamıyor, iki adımlı doğrulama kodu her seferinde reddediliyor.
tr	payments	Ödemeler	Kartla ödemeler 3-D Secure adımında başarısız oluyor, bankanın sayfası hiç açılmıyor.
tr	checkout-api	Siparişler	Müşteriler sipariş veremiyor, "Satın al"a tıklayınca sepet hata veriyor.
tr	search	Mağaza	Arama kutusu hiçbir sonuç döndürmüyor, stokta olan ürünler için bile.
tr	notifications	E-postalar	Müşterilerimize sipariş onay e-postaları gelmiyor.
tr	checkout-api	Sipariş	Bir müşteriden para çekildi ama sipariş oluşturulmadı.
tr	checkout-api	Soru	Sepetteki minimum sipariş tutarını nasıl değiştirebilirim?
tr	notifications	Tekrar gönderim	Sipariş onay e-postasını yanlışlıkla sildim, 4821 numaralı sipariş için tekrar gönderebilir misiniz?
tr	checkout-api	sepet	sepet sabahtan beri çalışmıyor, kimse alışveriş yapamıyor
ja	auth	ログイン	お客様がログインできません。二段階認証のコードが毎回拒否されます。
ja	payments	決済	カード決済が3Dセキュアの段階で失敗し、銀行のページが表示されません。
ja	checkout-api	注文	注文ができません。「購入する」を押すとカートでエラーが出ます。
ja	search	ショップ	検索窓で何を検索しても結果が出ません。在庫のある商品でも出ません。
ja	notifications	メール	注文確認メールがお客様に届いていません。
ja	checkout-api	注文	代金は引き落とされましたが、注文が作成されていません。
ja	checkout-api	質問	カートの最低注文金額はどうやって変更できますか？
ja	notifications	再送	注文確認メールを誤って削除してしまいました。注文4821の分を再送していただけますか？
zh	auth	登录	客户无法登录，两步验证的验证码每次都被拒绝。
zh	payments	支付	信用卡支付在3D验证这一步失败，银行页面一直打不开。
zh	checkout-api	下单	客户无法下单，点击“立即购买”后购物车报错。
zh	search	商店	搜索框搜不到任何结果，有库存的商品也搜不到。
zh	notifications	邮件	客户收不到订单确认邮件。
zh	checkout-api	订单	客户已经扣款了，但是没有生成订单。
zh	checkout-api	问题	怎么修改购物车的最低订单金额？
zh	notifications	重发	我不小心把订单确认邮件删了，能给订单4821重新发一下吗？
zh	checkout-api	结账	结账页面打不开，没人能下单
ko	auth	로그인	고객들이 로그인을 못 하고 있습니다. 2단계 인증 코드가 매번 거부됩니다.
ko	payments	결제	카드 결제가 3D 보안 인증 단계에서 실패하고, 은행 페이지가 열리지 않습니다.
ko	checkout-api	주문	고객들이 주문을 못 하고 있습니다. "구매하기"를 누르면 장바구니에서 오류가 납니다.
ko	search	쇼핑몰	검색창에서 아무 결과도 나오지 않습니다. 재고가 있는 상품도 안 나옵니다.
ko	notifications	이메일	고객들이 주문 확인 이메일을 받지 못하고 있습니다.
ko	checkout-api	질문	장바구니의 최소 주문 금액은 어떻게 변경하나요?
ko	notifications	재발송	주문 확인 이메일을 실수로 삭제했습니다. 주문 4821번에 대해 다시 보내주실 수 있나요?
ru	auth	Вход	Клиенты не могут войти, код двухфакторной аутентификации каждый раз отклоняется.
ru	payments	Оплата	Оплата картой не проходит на шаге 3-D Secure, страница банка не загружается.
ru	checkout-api	Заказы	Клиенты не могут оформить заказ, корзина выдаёт ошибку при нажатии «Купить».
ru	search	Магазин	Строка поиска не выдаёт никаких результатов, даже для товаров, которые есть в наличии.
ru	notifications	Письма	Клиенты не получают письма с подтверждением заказа.
ru	checkout-api	Заказ	С клиента списали деньги, но заказ не создался.
ru	checkout-api	Вопрос	Как изменить минимальную сумму заказа в корзине?
ru	notifications	Повторная отправка	Я случайно удалил письмо с подтверждением заказа, можете отправить его ещё раз для заказа 4821?
ru	checkout-api	корзина	корзина не работает с утра, никто не может ничего купить
da	auth	Login	Kunderne kan ikke logge ind, koden til totrinsbekræftelse bliver afvist hver gang.
da	payments	Betalinger	Kortbetalinger fejler ved 3-D Secure-trinnet, bankens side indlæses aldrig.
da	checkout-api	Bestillinger	Kunderne kan ikke afgive bestillinger, indkøbskurven viser en fejl, når de klikker på "Køb".
da	search	Webshop	Søgefeltet giver ingen resultater, heller ikke for varer vi har på lager.
da	notifications	Mails	Vores kunder modtager ikke længere ordrebekræftelser på mail.
da	checkout-api	Ordre mangler	En kunde er blevet trukket for pengene, men der blev ikke oprettet nogen ordre.
da	checkout-api	Spørgsmål	Hvordan ændrer jeg minimumsbeløbet for ordrer i kurven?
da	notifications	Send igen	Jeg kom til at slette ordrebekræftelsen, kan I sende den igen for ordre 4821?
da	checkout-api	kurven	kurven virker ikke siden i morges, ingen kan købe noget
no	auth	Innlogging	Kundene får ikke logget inn, koden for tofaktorautentisering blir avvist hver gang.
no	payments	Betalinger	Kortbetalinger feiler på 3-D Secure-steget, banksiden lastes aldri.
no	checkout-api	Bestillinger	Kundene får ikke lagt inn bestillinger, handlekurven viser en feil når de klikker på "Kjøp".
no	search	Nettbutikk	Søkefeltet gir ingen treff, heller ikke for varer vi har på lager.
no	notifications	E-post	Kundene våre får ikke lenger ordrebekreftelser på e-post.
no	checkout-api	Ordre mangler	En kunde har blitt belastet, men ingen ordre ble opprettet.
no	checkout-api	Spørsmål	Hvordan endrer jeg minstebeløpet for bestillinger i handlekurven?
no	notifications	Send på nytt	Jeg slettet ordrebekreftelsen ved et uhell, kan dere sende den på nytt for ordre 4821?
no	checkout-api	handlekurven	handlekurven funker ikke siden i morges, ingen får kjøpt noe
en	checkout-api	Other customer's address	On the payment page a customer saw another customer's name and address, this is a data leak.
de	checkout-api	Fremde Daten	Auf der Zahlungsseite sah ein Kunde die Adresse eines anderen Kunden, das ist ein Datenleck.
fr	checkout-api	Données d'un autre client	Sur la page de paiement, un client a vu l'adresse d'un autre client, c'est une fuite de données.
es	checkout-api	Datos de otro cliente	En la página de pago un cliente vio la dirección de otro cliente, es una fuga de datos.
pt	checkout-api	Dados de outro cliente	Na página de pagamento um cliente viu o endereço de outro cliente, é um vazamento de dados.
it	checkout-api	Dati di un altro cliente	Nella pagina di pagamento un cliente ha visto l'indirizzo di un altro cliente, è una fuga di dati.
nl	checkout-api	Gegevens van een andere klant	Op de betaalpagina zag een klant het adres van een andere klant, dit is een datalek.
pl	checkout-api	Cudze dane	Na stronie płatności klient zobaczył adres innej osoby, to wyciek danych.
sv	checkout-api	Annan kunds uppgifter	På betalningssidan såg en kund en annan kunds adress, det är en dataläcka.
tr	checkout-api	Başka müşterinin bilgileri	Ödeme sayfasında bir müşteri başka bir müşterinin adresini gördü, bu bir veri sızıntısı.
en	auth	Directory	How do we map our directory groups to your roles with SCIM provisioning?
de	auth	Verzeichnis	Wie ordnen wir per SCIM unsere Gruppen euren Rollen zu?
en	auth	Enterprise tenant	Since this morning every SAML assertion is rejected with an invalid signature.
ru	checkout-api	Чужие данные	На странице оформления стоит чужое имя и чужой адрес доставки, кто-то видит чужие данные.
ru	checkout-api	Ошибка	Оформление заказа не работает с утра, клиенты видят ошибку.
pl	search	Zdjęcia	W wyszukiwarce nie ładują się zdjęcia produktów.
sv	payments	Önskemål: Swish	Vi skulle gärna erbjuda Swish som betalsätt i kassan. Finns det planer på det?
nl	payments	Wens: iDEAL in 3 termijnen	Kunnen jullie Klarna als betaalmethode toevoegen aan de winkelwagen?
fi	payments	Toive: MobilePay	Voisitteko lisätä MobilePayn maksutavaksi ostoskoriin?
en	notifications	Abandoned cart SMS	How do I turn off the abandoned cart SMS? I can't find the setting.
en	notifications	No order confirmations overnight	None of last night's orders sent a confirmation e-mail; the orders themselves are there and paid.
en	notifications	Call note	Customer called: she deleted her order confirmation e-mail by accident and asks us to resend it.
sv	checkout-api	Ordrar saknas	Kunderna har betalat och fått bekräftelsemejl, men ordrarna finns inte i systemet.
ko	notifications	확인 메일	밤사이 들어온 주문에 확인 메일이 하나도 발송되지 않았습니다.
de	auth	Magic Link	Der Magic Link zum Einloggen ist sofort abgelaufen, wenn Kunden ihn anklicken.
fr	auth	Lien de connexion	Le lien magique de connexion ne marche plus, les clients restent bloqués.
es	payments	Reembolsos	Los reembolsos no llegan a los clientes desde el lunes.
pt	payments	Pix	O pagamento via Pix não está funcionando desde cedo.
nl	payments	iDEAL	iDEAL-betalingen mislukken sinds vanochtend bij alle klanten.
pl	payments	BLIK	Płatności BLIK nie przechodzą od rana.
sv	notifications	Pushnotiser	Push-notiserna kommer inte fram till kunderna sedan i går.
da	notifications	Push-beskeder	Push-beskederne kommer ikke frem til kunderne siden i går.
no	notifications	Push-varsler	Push-varslene kommer ikke fram til kundene siden i går.
cs	notifications	Push notifikace	Zákazníkům nechodí push notifikace od včerejška.
ru	notifications	Пуш	Пуш-уведомления не приходят клиентам со вчерашнего дня.
tr	notifications	Push	Müşterilere push bildirimleri dünden beri gelmiyor.
ja	notifications	プッシュ通知	昨日からお客様にプッシュ通知が届きません。
zh	notifications	推送	从昨天开始客户收不到推送通知。
ko	notifications	푸시 알림	어제부터 고객들에게 푸시 알림이 안 와요.
it	search	Filtri	Il filtro per taglia non mostra più nessun prodotto.
de	search	Filter	Die Filter in der Produktsuche zeigen seit dem Update nichts mehr an.
ru	notifications	СМС	Клиентам не приходит СМС с кодом подтверждения.
tr	notifications	SMS kodu	Müşterilere SMS doğrulama kodu gelmiyor.
fi	notifications	Tekstiviestit	Asiakkaille ei tule tekstiviestiä vahvistuskoodista.
en	checkout-api	Checkout keeps loading	I can log in fine, no problem there, but at the checkout the page just keeps loading.
pt	auth	Painel	Não consigo entrar no painel da loja, aparece sempre um erro.
es	auth	Panel	No puedo entrar al panel de la tienda, sale un error.
it	auth	Pannello	Non riesco ad entrare nel pannello del negozio, esce un errore.
de	auth	Backend	Ich komme nicht ins Backend, es kommt jedes Mal ein Fehler.
sv	auth	Adminpanelen	Jag kommer inte in i adminpanelen, det blir ett fel varje gång.
en		Phishing SMS	Several customers got a fake SMS with their real order numbers. How did our data leak?
de		Phishing-Mail	Mehrere Kunden haben eine gefälschte E-Mail mit ihren echten Bestellnummern bekommen. Gibt es ein Datenleck?
fr	payments	cb refusée	la cb passe pas depuis ce matin, refusée à chaque fois
de	payments	karte	karte wird immer abgelehnt, zahlen geht nicht
es	payments	tarjeta	la tarjeta sale rechazada todo el rato, no puedo pagar
pt	payments	cartão	cartão recusado toda hora, não dá pra pagar
it	payments	carta	la carta viene rifiutata sempre, non si riesce a pagare
nl	payments	pinnen	kaart wordt steeds geweigerd, betalen lukt niet
pl	payments	karta	karta odrzucona za każdym razem, nie da się zapłacić
sv	payments	kortet	kortet nekas hela tiden, går inte att betala
fi	payments	kortti	kortti ei käy, maksu ei mene läpi
cs	payments	karta	karta se pořád zamítá, nejde zaplatit
tr	payments	kart	kart sürekli reddediliyor, ödeme yapılamıyor
ja	payments	カード	カードが通らない、何回やっても決済できない
zh	payments	卡	卡一直被拒，付不了款
ko	payments	카드	카드 결제가 계속 거절돼요
ru	payments	карта	карта не проходит, оплатить невозможно
da	payments	kort	kortet bliver afvist hele tiden, kan ikke betale
no	payments	kort	kortet blir avvist hele tiden, får ikke betalt
de	checkout-api	bestellen	bestellen geht seit heute früh nicht, warenkorb hängt
fr	checkout-api	commander	impossible de commander, le panier plante
pt	checkout-api	finalizar	não consigo finalizar a compra, o carrinho trava
ja	checkout-api	カート	カートに入れても注文確定ができない
zh	checkout-api	下单	下单一直失败，购物车卡住了
ko	auth	로그인	로그인이 안 돼요, 인증번호가 계속 틀렸대요
ru	auth	вход	не могу войти, код из смс не подходит
tr	auth	giriş	giriş yapamıyorum, doğrulama kodu hatalı diyor
en	payments	Card step	The checkout works until the card step, then the payment provider times out.
de	payments	Kartenschritt	Der Checkout klappt bis zum Kartenschritt, dann läuft der Zahlungsanbieter in einen Timeout.
fr	payments	Étape carte	Le checkout marche jusqu'à l'étape de la carte, puis le prestataire de paiement ne répond plus.
es	payments	Paso de tarjeta	El checkout funciona hasta el paso de la tarjeta y luego el proveedor de pagos da timeout.
pt	payments	Etapa do cartão	O checkout funciona até a etapa do cartão, depois o provedor de pagamento dá timeout.
it	payments	Passaggio carta	Il checkout funziona fino al passaggio della carta, poi il fornitore dei pagamenti va in timeout.
nl	payments	Kaartstap	De checkout werkt tot de kaartstap, daarna geeft de betaalprovider een timeout.
pl	payments	Krok karty	Checkout działa do kroku z kartą, potem operator płatności nie odpowiada.
sv	payments	Kortsteget	Kassan fungerar fram till kortsteget, sedan får betalleverantören timeout.
fi	payments	Korttivaihe	Kassa toimii korttivaiheeseen asti, sitten maksupalvelu aikakatkaistaan.
cs	payments	Krok s kartou	Pokladna funguje až do kroku s kartou, pak platební brána vyprší.
tr	payments	Kart adımı	Ödeme sayfası kart adımına kadar çalışıyor, sonra ödeme sağlayıcısı zaman aşımına uğruyor.
ru	payments	Шаг карты	Оформление заказа работает до шага с картой, потом платёжный шлюз отваливается по таймауту.
da	payments	Korttrinnet	Kassen virker indtil korttrinnet, så giver betalingsudbyderen timeout.
no	payments	Kortsteget	Kassen fungerer fram til kortsteget, så får betalingsleverandøren timeout.
ja	payments	カード	カートはカード入力の段階までは動きますが、その後決済代行会社がタイムアウトします。
zh	payments	银行卡	结账流程到输入银行卡这一步都正常，然后支付服务商超时。
ko	payments	카드 단계	장바구니는 카드 단계까지는 되는데, 그 다음 결제 대행사가 타임아웃됩니다.
en	auth	Logged out	Every time I go to the basket I am logged out and have to log in again.
de	auth	Abgemeldet	Jedes Mal, wenn ich in den Warenkorb gehe, werde ich wieder abgemeldet und muss mich erneut anmelden.
fr	auth	Déconnectée	Le site me déconnecte dès que je vais dans le panier, je dois me reconnecter.
es	auth	Sesión	La web me desconecta cada vez que entro en el carrito y tengo que volver a iniciar sesión.
pt	auth	Deslogado	O site me desloga toda vez que abro o carrinho e preciso fazer login de novo.
it	auth	Disconnesso	Il sito mi disconnette ogni volta che apro il carrello e devo rifare il login.
nl	auth	Uitgelogd	Elke keer als ik naar het winkelmandje ga ben ik uitgelogd en moet ik opnieuw inloggen.
pl	auth	Wylogowuje	Strona wylogowuje mnie za każdym razem, gdy wchodzę do koszyka.
sv	auth	Utloggad	Varje gång jag går till varukorgen blir jag utloggad och måste logga in igen.
fi	auth	Uloskirjautuminen	Sivusto kirjaa ulos aina kun menen ostoskoriin.
cs	auth	Odhlášení	Pokaždé když jdu do košíku, web mě odhlásí.
tr	auth	Oturum	Sepete her gittiğimde site oturumu kapatıyor, tekrar giriş yapmam gerekiyor.
ru	auth	Выкидывает	Сайт выкидывает меня из аккаунта каждый раз, когда я захожу в корзину.
ja	auth	ログアウト	カートを開くたびにログアウトされます。
zh	auth	登出	每次打开购物车都会被登出。
ko	auth	로그아웃	장바구니에 들어갈 때마다 로그아웃되어요.
en	auth	Account hacked	I got an SMS with a strange link, and afterwards someone logged into my account and changed the delivery address.
de	auth	Konto gehackt	Ich habe eine SMS mit einem seltsamen Link bekommen, danach hat sich jemand in mein Konto eingeloggt und die Lieferadresse geändert.
fr	auth	Compte piraté	J'ai reçu un SMS avec un lien bizarre, ensuite quelqu'un s'est connecté à mon compte et a changé l'adresse de livraison.
es	auth	Cuenta hackeada	Recibí un SMS con un enlace raro y después alguien entró en mi cuenta y cambió la dirección de envío.
pt	auth	Conta invadida	Recebi um SMS com um link estranho e depois alguém entrou na minha conta e trocou o endereço de entrega.
it	auth	Account violato	Ho ricevuto un SMS con un link strano e poi qualcuno è entrato nel mio account e ha cambiato l'indirizzo di consegna.
nl	auth	Account gehackt	Ik kreeg een sms met een vreemde link en daarna is iemand in mijn account ingelogd en heeft het afleveradres veranderd.
pl	auth	Konto przejęte	Dostałam SMS z dziwnym linkiem, a potem ktoś zalogował się na moje konto i zmienił adres dostawy.
sv	auth	Kapat konto	Jag fick ett sms med en konstig länk och sedan har någon loggat in på mitt konto och ändrat leveransadressen.
ru	auth	Взлом	Мне пришло СМС со странной ссылкой, а потом кто-то зашёл в мой аккаунт и поменял адрес доставки.
en	auth	Payout account changed	Someone changed the bank account for our card payments to an IBAN I don't know. That wasn't me.
en	auth	Orders I did not place	Someone is in my account: there are two orders in the checkout that I did not place.
de	auth	Bestellungen im Konto	Jemand hat sich in mein Konto eingeloggt und im Checkout zwei Bestellungen aufgegeben.
en	checkout-api	Another address, not mine	The checkout shows another customer's name and address. I did not enter it, that wasn't me.
en	payments	Nobody changed it	None of us changed it: card payments fail since this morning with error 502 for every customer.
en	payments	Payments after takeover	Someone logged into my account last week, we reset the password. Today card payments fail with error 502 for every customer.
en	checkout-api	Separate issue	Someone logged into my account yesterday, that is sorted now, it was my colleague. Separate issue: the checkout gives error 500 for all customers since 10:00.
en	checkout-api	Forwarded takeover	A customer forwarded us this: "someone logged into my account and placed orders". It turned out to be her son. But the checkout now throws error 500 for everyone.
en	auth	Delivery address changed	Someone got into my account and changed the delivery address in the checkout.
en	payments	Charged twice	A customer was charged twice by card payments for one order; she did not authorize the second charge.
en	payments	Unrequested refund	Card payments sent a refund we never requested to a customer.
en	payments	Chargeback	We received a chargeback notice from card payments for a payment we did not authorize.
en	payments	Unknown charge	Card payments show a charge of 40 EUR that wasnt me, I never paid that.
en	payments	Upgrade charged	We were charged for a subscription upgrade on card payments that none of us made.
en	checkout-api	Double order	The checkout created two orders for one customer; she did not place the second one, it seems a double submit.
fr	auth	IBAN inconnu	Le compte bancaire des card payments a été changé vers un IBAN depuis un appareil que je ne connais pas.
en	auth	Unknown IBAN, a leak?	Someone changed the bank account for our card payments to an IBAN I don't know. That wasn't me. Is this a data leak?
fr	auth	Compte	Quelqu'un est dans mon compte : il y a une commande dans le panier.
el	auth	Email	Κάποιος άλλαξε το email του λογαριασμού μας και τώρα βλέπουμε αλλαγές στις πληρωμές.
en	checkout-api	Wrong total	Can someone look in my account? The checkout shows the wrong total for my order.
de	auth	Gehackt	Mein Konto wurde gehackt und im Checkout liegen zwei Bestellungen, die ich nicht kenne.
nl	checkout-api	Afrekenen	Sommige klanten krijgen een foutmelding bij het afrekenen, wat kan ik doen?
nl	checkout-api	Afrekenpagina	Op de afrekenpagina blijft het laden, ik kan mijn bestelling niet afronden.
nl	checkout-api	Gegevens van iemand anders	Op de betaalpagina zie ik de gegevens van iemand anders, met naam en adres.
de	checkout-api	Daten von jemand anderem	Auf der Zahlungsseite sehe ich die Daten von jemand anderem, mit Name und Adresse.
es	checkout-api	Datos de otra persona	En la página de pago aparecen los datos de otra persona, con su nombre y dirección.
pt	checkout-api	Dados de outra pessoa	Fui pagar agora e na tela de pagamento apareceu o nome, o endereço e o cartão de outra pessoa.
en	checkout-api	Card payment page	I went to pay by card and the payment step showed someone else's details: his name, address and card.
ko	checkout-api	결제 화면	결제하려고 들어갔는데 결제 화면에 다른 사람의 이름, 주소, 전화번호가 표시되었습니다.
en	payments	Live key pushed	Our live secret key for card payments was pushed to a public repository by mistake this morning.
en	payments	Card keeps timing out	My card payments keep timing out since this morning. Is this some kind of leak?
en	payments	Not another's details	The card payment step does not show another customer's details, it just times out with error 504.
en	payments	Security review	Could the card payment step ever show another customer's card details? Asking for our security review.
en	payments	Fixed, then 502	Yesterday the payment step showed someone else's details; today it's fixed, but card payments now fail with error 502 for every customer.
en	payments	Provider dashboard	In the card payments dashboard I see another merchant's card data and invoices.
en	checkout-api	Another customer's data	The card payment step showed another customer's data.
de	checkout-api	Bezahlen mit Karte	Beim Bezahlen mit Karte sehe ich die Daten von jemand anderem.
en	notifications	Someone else's order	I received someone else's order confirmation email, with their full name, address and phone number.
en		Fake SMS	Customers got a fake SMS with their real name and order number, from a domain that is not ours. Is this a leak?
it	notifications	Avviso di ritiro	Da oggi pomeriggio nessun cliente riceve l'SMS di ritiro, eppure gli ordini sono pronti in negozio.
fr	notifications	Retrait en magasin	Depuis ce matin, aucun client ne reçoit l'SMS de retrait alors que les commandes sont prêtes.
en	checkout-api	error gone, order went through	Just to say the error is gone now, my order for the tablet went through at the second try. Thanks.
en	checkout-api	Bookings fail	About a quarter of the bookings we make for our tenants fail with an error and we have to redo them.
nl	checkout-api	Boekingen mislukt	Sinds 12:00 mislukt een op de vier boekingen met de melding 'Tijdslot kon niet worden vastgelegd'.
sv	checkout-api	Bokningen	När jag ska boka en städning får jag ett fel och bokningen går inte igenom.
es	checkout-api	Reserva	No puedo reservar una mesa, al confirmar la reserva sale un error.
en		Invoice VAT	Our invoice does not show our VAT number, our accounting can't book it. Could you reissue it?
`

// tuningProject is the project of the tuning sets, its services' names and
// aliases as configured there.
func tuningProject() Project {
	return Project{Name: "checkout", Services: []Service{
		{Name: "checkout-api", Aliases: []string{"checkout", "cart", "payment page"}, Core: true},
		{Name: "payments", Aliases: []string{"payment provider", "card payments"}, Core: true},
		{Name: "auth", Aliases: []string{"login", "sign in", "sso"}, Core: true},
		{Name: "search", Aliases: []string{"product search"}},
		{Name: "notifications", Aliases: []string{"push notifications", "shipping emails", "confirmation emails", "sms"}},
	}}
}

// tableRows splits a tab-separated table into its rows, each of cols
// columns.
func tableRows(t *testing.T, table string, cols int) [][]string {
	t.Helper()
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != cols {
			t.Fatalf("row %q: %d columns", line, len(f))
		}
		rows = append(rows, f)
	}
	return rows
}

// TestServices_namedInEveryLanguageCarefulAndPlain triages each row of
// serviceTable as written and typed plain, and checks its service.
func TestServices_namedInEveryLanguageCarefulAndPlain(t *testing.T) {
	checkServiceTable(t, serviceTable)
}

// checkServiceTable triages each row of a table of language, service,
// subject and description, as written and typed plain, against the tuning
// sets' project without logs, and checks its service.
func checkServiceTable(t *testing.T, table string) {
	t.Helper()
	checkServiceTableIn(t, tuningProject(), table)
}

// checkServiceTableIn is checkServiceTable in the project p.
func checkServiceTableIn(t *testing.T, p Project, table string) {
	t.Helper()
	tr := New(p, Settings{Location: time.UTC})
	at := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	for _, f := range tableRows(t, table, 4) {
		for _, plain := range []bool{false, true} {
			subject, description := f[2], f[3]
			if plain {
				subject, description = typedPlain(subject), typedPlain(description)
			}
			res, err := tr.Triage(context.Background(), Ticket{Subject: subject, Description: description, CreatedAt: at})
			if err != nil {
				t.Fatal(err)
			}
			if res.AffectedService != f[1] {
				t.Errorf("%s (plain %v) %q: service %q, want %q", f[0], plain, description, res.AffectedService, f[1])
			}
		}
	}
}
