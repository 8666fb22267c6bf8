package triage

import (
	"fmt"
	"strings"
	"time"
)

// heldOutScaffolds are the held-out half of the mail scaffolds: written and
// committed before any rule was changed for scaffolding, and only ever
// measured in aggregate — no rule is adjusted while looking at how one of
// them fails. They are the same kinds of scaffolding as the tuned half in
// other mail-client languages and other shapes.
var heldOutScaffolds = []scaffold{
	{name: "h-reply-on-top-other-languages", wrap: func(m mailThread) Ticket {
		// A short newest reply in the thread's language over the quoted
		// report, written by a mail client in Italian, Portuguese, Swedish,
		// Polish, Danish, Finnish, Czech or Turkish.
		codes := []string{"it", "pt", "sv", "pl", "da", "fi", "cs", "tr"}
		code := codes[m.pick(len(codes), 10)]
		replies := map[string][]string{
			"it": {"Ci sono novità su questo?", "Aggiungo in copia il mio collega %s.", "Vedi sotto, grazie."},
			"pt": {"Alguma novidade sobre isto?", "Incluo o meu colega %s em cópia.", "Ver abaixo, obrigado."},
			"sv": {"Något nytt om detta?", "Lägger till min kollega %s på kopia.", "Se nedan, tack."},
			"pl": {"Czy są jakieś nowe informacje?", "Dodaję do wiadomości mojego kolegę %s.", "Proszę zobaczyć poniżej."},
			"da": {"Er der nyt i sagen?", "Jeg sætter min kollega %s på cc.", "Se nedenfor, tak."},
			"fi": {"Onko tähän tullut päivitystä?", "Lisään kollegani %s kopioksi.", "Katso alla oleva viesti."},
			"cs": {"Máte k tomu nějaké novinky?", "Přidávám do kopie kolegu %s.", "Viz níže, děkuji."},
			"tr": {"Bu konuda bir gelişme var mı?", "Meslektaşım %s bilgiye ekliyorum.", "Aşağıdaki mesaja bakınız."},
		}[code]
		thanks := map[string]string{"it": "Grazie,", "pt": "Obrigado,", "sv": "Tack,", "pl": "Pozdrawiam,", "da": "Tak,", "fi": "Kiitos,", "cs": "Díky,", "tr": "Teşekkürler,"}[code]
		reply := replies[m.pick(len(replies), 11)]
		if strings.Contains(reply, "%s") {
			reply = fmt.Sprintf(reply, m.colleague)
		}
		body := reply + "\n\n" + thanks + "\n" + first(m.writer) + "\n\n" + replyLine(code, m.sent, m.writer, m.email) + "\n" + quoted(m.tk.Description)
		return m.ticket(mailLangs[code].replyPrefix+" "+m.tk.Subject, body)
	}},
	{name: "h-outlook-header-other-languages", wrap: func(m mailThread) Ticket {
		// Outlook quotes nothing with ">": the history starts at a header
		// block in the reader's language, often under a rule of underscores.
		codes := []string{"it", "pt", "sv", "pl", "da", "fi", "cs", "tr"}
		code := codes[m.pick(len(codes), 20)]
		l := mailLangs[code]
		note := map[string]string{
			"it": "Buongiorno,\ninoltro sotto la nostra segnalazione e aggiungo il collega %s.\nSaluti",
			"pt": "Bom dia,\nsegue abaixo o nosso pedido; incluo o colega %s.\nCumprimentos",
			"sv": "Hej,\nse vårt ärende nedan, jag lägger till %s.\nMvh",
			"pl": "Dzień dobry,\nponiżej nasze zgłoszenie, dodaję %s.\nPozdrawiam",
			"da": "Hej,\nse vores henvendelse nedenfor, jeg tilføjer %s.\nVenlig hilsen",
			"fi": "Hei,\nalla viestimme, lisään mukaan kollegani %s.\nTerveisin",
			"cs": "Dobrý den,\nníže posílám naše hlášení a přidávám kolegu %s.\nS pozdravem",
			"tr": "Merhaba,\naşağıdaki bildirimimize bakabilir misiniz, %s de bilgide.\nSaygılarımla",
		}[code]
		rule := m.sweep(21, "________________________________\n", "")
		body := fmt.Sprintf(note, m.colleague) + "\n" + first(m.writer) + "\n\n" + rule +
			m.outlookHeader(l, "Customer Care", deskAddress, m.tk.Subject) + "\n\n" + m.tk.Description
		return m.ticket(l.replyPrefix+" "+m.tk.Subject, body)
	}},
	{name: "h-signature-other-languages", wrap: func(m mailThread) Ticket {
		// A signature in French, Spanish, Italian or Dutch with title,
		// company, street address, phone numbers, office hours and
		// registration numbers.
		sigs := []string{
			"%s\nResponsable e-commerce\n%s SARL\n12 rue des Lilas, 69003 Lyon\nTél. : +33 4 72 12 34 56 | Portable : +33 6 12 34 56 78\nHoraires : du lundi au vendredi de 9h00 à 18h00\nwww.%s\nSIRET 123 456 789 00012",
			"%s\nJefa de Operaciones Online\n%s S.L.\nCalle Mayor 45, 3º izq., 28013 Madrid\nTel.: +34 912 345 678 · Móvil: +34 612 345 678\nHorario de atención: L-V 9:00-14:00 y 15:30-18:00 (CET)\nwww.%s",
			"%s\nResponsabile Customer Care\n%s S.r.l. – Via Roma 21, 20121 Milano\nTel. +39 02 1234 5678 – Cell. +39 333 123 4567\nOrari ufficio: lun–ven 8:30–17:30\nwww.%s – P.IVA 01234567890",
			"%s\nTeamleider Webshop\n%s B.V. | Keizersgracht 123 | 1015 CJ Amsterdam\nT +31 20 123 4567 | M +31 6 1234 5678\nBereikbaar ma t/m vr van 08:30 tot 17:00 uur\nwww.%s | KvK 12345678",
		}
		sig := fmt.Sprintf(sigs[m.pick(len(sigs), 30)], m.writer, m.company(), m.domain())
		return m.ticket(m.tk.Subject, strings.TrimRight(m.tk.Description, "\n")+"\n\n"+sig)
	}},
	{name: "h-disclaimer-other-languages", wrap: func(m mailThread) Ticket {
		// A confidentiality disclaimer in Spanish, Italian, Dutch, Polish,
		// Portuguese or Swedish, under a short name line, sometimes with a
		// line about printing.
		disclaimers := []string{
			"AVISO DE CONFIDENCIALIDAD: Este mensaje y sus archivos adjuntos van dirigidos exclusivamente a su destinatario y pueden contener información confidencial. Si usted no es el destinatario indicado o ha recibido este mensaje por error, le rogamos que lo comunique inmediatamente al remitente y proceda a su eliminación. Queda prohibida cualquier copia, uso o divulgación no autorizada.",
			"Questo messaggio e i suoi allegati sono indirizzati esclusivamente alle persone indicate e possono contenere informazioni riservate. Se avete ricevuto questo messaggio per errore, vi preghiamo di avvisare immediatamente il mittente e di cancellarlo. È vietato qualsiasi uso, copia o diffusione non autorizzati (Regolamento UE 2016/679, GDPR).",
			"Dit e-mailbericht is uitsluitend bestemd voor de geadresseerde(n) en kan vertrouwelijke informatie bevatten. Indien u dit bericht per vergissing heeft ontvangen, verzoeken wij u de afzender direct te informeren en het bericht te verwijderen. Het is niet toegestaan dit bericht zonder toestemming te kopiëren, te verspreiden of te gebruiken.",
			"Treść tej wiadomości jest poufna i przeznaczona wyłącznie dla adresata. Jeżeli nie są Państwo zamierzonym adresatem lub otrzymali ją Państwo przez pomyłkę, prosimy o poinformowanie nadawcy i usunięcie wiadomości. Nieuprawnione kopiowanie, wykorzystywanie lub rozpowszechnianie jest zabronione.",
			"AVISO: Esta mensagem e os seus anexos são confidenciais e destinam-se exclusivamente ao destinatário. Se recebeu esta mensagem por engano, por favor informe o remetente e apague-a do seu sistema. É proibida qualquer utilização, divulgação ou cópia não autorizada.",
			"Detta e-postmeddelande kan innehålla konfidentiell information och är endast avsett för mottagaren. Om du har fått meddelandet av misstag, vänligen meddela avsändaren och radera meddelandet. All obehörig användning, kopiering eller spridning är förbjuden.",
		}
		print := m.sweep(31, "", "\n\nPlease consider the environment before printing this e-mail.", "\n\nP Pensa all'ambiente prima di stampare questa e-mail.")
		body := strings.TrimRight(m.tk.Description, "\n") + "\n\n" + m.writer + " | " + m.company() + "\n\n" +
			disclaimers[m.pick(len(disclaimers), 32)] + print
		return m.ticket(m.tk.Subject, body)
	}},
	{name: "h-out-of-office-on-top", wrap: func(m mailThread) Ticket {
		// A colleague's out-of-office auto-reply is the newest message of
		// the thread; the report is quoted under it.
		codes := []string{"en", "de", "fr", "es"}
		code := codes[m.pick(len(codes), 40)]
		from, until := m.sent.AddDate(0, 0, -2), m.sent.AddDate(0, 0, 7)
		ooo := map[string]string{
			"en": "Automatic reply: %s\n\nThank you for your message. I am out of the office from %s until %s with limited access to e-mail. For urgent matters please contact %s (%s); otherwise I will reply as soon as possible after my return.\n\nKind regards\n%s",
			"de": "Automatische Antwort: %s\n\nVielen Dank für Ihre Nachricht. Ich bin vom %s bis einschließlich %s nicht im Büro und habe nur eingeschränkt Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an %s (%s).\n\nMit freundlichen Grüßen\n%s",
			"fr": "Réponse automatique : %s\n\nMerci pour votre message. Je suis absent(e) du bureau du %s au %s inclus, avec un accès limité à mes e-mails. Pour toute demande urgente, merci de contacter %s (%s).\n\nBien à vous,\n%s",
			"es": "Respuesta automática: %s\n\nGracias por su mensaje. Estaré fuera de la oficina del %s al %s, con acceso limitado al correo. Para asuntos urgentes, contacte con %s (%s).\n\nUn saludo,\n%s",
		}[code]
		date := func(t interface{ Format(string) string }) string {
			if code == "en" {
				return t.Format("2 January")
			}
			return t.Format("02.01.2006")
		}
		top := fmt.Sprintf(ooo, m.tk.Subject, date(from), date(until), m.writer, m.email, m.colleague)
		body := top + "\n\n" + replyLine(code, m.sent, m.writer, m.email) + "\n" + quoted(m.tk.Description)
		return m.ticket(mailLangs[code].replyPrefix+" "+m.tk.Subject, body)
	}},
	{name: "h-html-leftovers-and-mobile", wrap: func(m mailThread) Ticket {
		// What is left of an HTML mail turned to text: non-breaking
		// spaces, an inline logo, link targets in angle brackets, a
		// social-links footer and a mobile client's line, in several
		// languages.
		desc := strings.ReplaceAll(strings.TrimRight(m.tk.Description, "\n"), "\n\n", "\n&nbsp;\n")
		mobile := m.sweep(50, "Get Outlook for Android<https://aka.ms/AAb9ysg>", "Obtener Outlook para Android<https://aka.ms/AAb9ysg>",
			"Outlook für Android herunterladen<https://aka.ms/AAb9ysg>", "Scarica Outlook per Android<https://aka.ms/AAb9ysg>",
			"Enviado desde mi iPhone", "Inviato da iPhone", "Verzonden vanaf mijn iPhone", "Enviado do meu iPhone", "Skickat från min iPhone", "Wysłane z iPhone'a")
		footer := fmt.Sprintf("&nbsp;\n%s\n[cid:image001.png@01DB3C4E.5A6F7B80]\n%s<https://www.%s/> | LinkedIn<https://www.linkedin.com/company/%s> | Instagram<https://www.instagram.com/%s>\n&nbsp;\n%s",
			m.writer, m.company(), m.domain(), strings.SplitN(m.domain(), ".", 2)[0], strings.SplitN(m.domain(), ".", 2)[0], mobile)
		return m.ticket(m.tk.Subject, desc+"\n"+footer)
	}},
	{name: "h-agent-question-quoted-outlook", wrap: func(m mailThread) Ticket {
		// The report answers the desk's earlier reply asking for details,
		// which Outlook quotes under a header block in German, French,
		// Spanish or Italian.
		codes := []string{"de", "fr", "es", "it"}
		code := codes[m.pick(len(codes), 60)]
		l := mailLangs[code]
		ask := map[string]string{
			"de": "Hallo %s,\n\nvielen Dank für Ihre Nachricht. Damit wir das prüfen können: Seit wann genau tritt das Problem auf, wie viele Nutzer sind betroffen und welche Fehlermeldung wird angezeigt? Ein Screenshot hilft uns ebenfalls.\n\nViele Grüße\nIhr Kundenservice-Team",
			"fr": "Bonjour %s,\n\nmerci pour votre message. Pour que nous puissions analyser le problème, pourriez-vous nous indiquer depuis quand il se produit, combien d'utilisateurs sont concernés et quel message d'erreur s'affiche ? Une capture d'écran nous aiderait aussi.\n\nCordialement,\nL'équipe du service client",
			"es": "Hola %s:\n\nGracias por contactarnos. Para poder revisarlo, ¿podría indicarnos desde cuándo ocurre el problema, cuántos usuarios están afectados y qué mensaje de error aparece? Una captura de pantalla también nos ayudaría.\n\nSaludos,\nEquipo de Atención al Cliente",
			"it": "Buongiorno %s,\n\ngrazie per averci contattato. Per verificare, potrebbe indicarci da quando si verifica il problema, quanti utenti sono coinvolti e quale messaggio di errore compare? Anche uno screenshot ci sarebbe utile.\n\nCordiali saluti,\nIl team Assistenza Clienti",
		}[code]
		agent := mailThread{writer: "Customer Care", email: deskAddress, colleague: m.colleague, colleagueEmail: m.colleagueEmail,
			sent: m.sent.Add(-90 * time.Minute)}
		subject := fmt.Sprintf("[#%d] %s", 40000+m.pick(9999, 61), m.tk.Subject)
		body := strings.TrimRight(m.tk.Description, "\n") + "\n\n________________________________\n" +
			agent.outlookHeader(l, m.writer, m.email, subject) + "\n\n" + fmt.Sprintf(ask, first(m.writer))
		return m.ticket(l.replyPrefix+" "+subject, body)
	}},
	{name: "h-deep-thread-original-message", wrap: func(m mailThread) Ticket {
		// A deep thread: a colleague added on top with a full signature
		// and disclaimer, then "-----Original Message-----" over the report
		// with the writer's own short signature and office hours.
		en := mailLangs["en"]
		top := fmt.Sprintf("Adding my colleague %s, who looks after this on our side.\n\nBest,\n%s\nOperations Manager | %s\nT: +44 20 7946 0123 | M: +44 7700 900123\n2 Kingsway, London WC2B 6NH\n\n"+
			"This message is confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it. Unauthorised use or disclosure is prohibited.",
			m.colleague, m.writer, m.company())
		bottom := fmt.Sprintf("%s\nOffice hours Mon-Fri 8:00-16:30 GMT", m.writer)
		body := top + "\n\n-----Original Message-----\n" + m.outlookHeader(en, "Customer Care", deskAddress, m.tk.Subject) + "\n\n" +
			strings.TrimRight(m.tk.Description, "\n") + "\n\n" + bottom
		return m.ticket("RE: "+m.tk.Subject, body)
	}},
	{name: "h-forward-other-languages", wrap: func(m mailThread) Ticket {
		// A colleague forwards the report with a one-line note; the mail
		// client writes the forward header in Spanish, French, German,
		// Italian or Portuguese.
		codes := []string{"es", "fr", "de", "it", "pt"}
		code := codes[m.pick(len(codes), 70)]
		l := mailLangs[code]
		marker := map[string]string{
			"es": "---------- Mensaje reenviado ---------", "fr": "-------- Message transféré --------",
			"de": "---------- Weitergeleitete Nachricht ---------", "it": "---------- Messaggio inoltrato ---------",
			"pt": "---------- Mensagem encaminhada ---------",
		}[code]
		note := map[string]string{
			"es": "Os reenvío el mensaje de abajo.", "fr": "Je vous transfère le message ci-dessous.",
			"de": "Anbei die Nachricht zur Info.", "it": "Vi inoltro la segnalazione qui sotto.", "pt": "Segue abaixo a mensagem.",
		}[code]
		date := fmt.Sprintf("%s, %d %s %d, %s", l.wdays[m.sent.Weekday()], m.sent.Day(), l.months[m.sent.Month()-1], m.sent.Year(), m.sent.Format("15:04"))
		header := fmt.Sprintf("%s: %s <%s>\nDate: %s\nSubject: %s\nTo: <%s>", l.header[0], m.writer, m.email, date, m.tk.Subject, deskAddress)
		body := note + "\n\n" + m.colleague + "\n\n" + marker + "\n" + header + "\n\n" + m.tk.Description
		return m.ticket(l.forwardPrefix+" "+m.tk.Subject, body)
	}},
}
