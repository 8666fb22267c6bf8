package triage

import (
	"fmt"
	"strings"
	"time"
)

// tunedScaffolds are the tuned half of the mail scaffolds: the rules that
// make triage ignore scaffolding were fitted to how these fail.
var tunedScaffolds = []scaffold{
	{name: "t-reply-on-top-english", wrap: func(m mailThread) Ticket {
		// A short follow-up over the report, quoted with ">" under
		// "On … wrote:".
		reply := m.sweep(100, "Any update on this?", "Hi, any news on the below? Thanks", "Just following up on my message below.",
			"Adding my colleague "+m.colleague+" in copy.", "See below.")
		body := reply + "\n\nThanks,\n" + first(m.writer) + "\n\n" + replyLine("en", m.sent, m.writer, m.email) + "\n" + quoted(m.tk.Description)
		return m.ticket("Re: "+m.tk.Subject, body)
	}},
	{name: "t-reply-on-top-de-fr-es-nl", wrap: func(m mailThread) Ticket {
		codes := []string{"de", "fr", "es", "nl"}
		code := codes[m.pick(len(codes), 110)]
		replies := map[string][]string{
			"de": {"Gibt es hierzu schon etwas Neues?", "Ich nehme meinen Kollegen %s in Kopie.", "Siehe unten."},
			"fr": {"Avez-vous du nouveau à ce sujet ?", "J'ajoute mon collègue %s en copie.", "Voir ci-dessous."},
			"es": {"¿Hay alguna novedad sobre esto?", "Añado en copia a mi compañero %s.", "Ver abajo."},
			"nl": {"Is hier al nieuws over?", "Ik zet mijn collega %s in de cc.", "Zie hieronder."},
		}[code]
		thanks := map[string]string{"de": "Danke und Gruß", "fr": "Merci,", "es": "Gracias,", "nl": "Groet,"}[code]
		reply := replies[m.pick(len(replies), 111)]
		if strings.Contains(reply, "%s") {
			reply = fmt.Sprintf(reply, m.colleague)
		}
		body := reply + "\n\n" + thanks + "\n" + first(m.writer) + "\n\n" + replyLine(code, m.sent, m.writer, m.email) + "\n" + quoted(m.tk.Description)
		return m.ticket(mailLangs[code].replyPrefix+" "+m.tk.Subject, body)
	}},
	{name: "t-outlook-header", wrap: func(m mailThread) Ticket {
		// Outlook's unquoted history under a header block, English,
		// German, French, Spanish or Dutch.
		codes := []string{"en", "de", "fr", "es", "nl"}
		code := codes[m.pick(len(codes), 120)]
		l := mailLangs[code]
		note := map[string]string{
			"en": "Hi,\nadding my colleague %s, see our message below.\nRegards",
			"de": "Hallo,\nich nehme %s mit in Kopie, siehe unsere Nachricht unten.\nGruß",
			"fr": "Bonjour,\nje mets %s en copie, voir notre message ci-dessous.\nCordialement",
			"es": "Hola,\nañado a %s, ver nuestro mensaje abajo.\nSaludos",
			"nl": "Hallo,\nik voeg %s toe, zie ons bericht hieronder.\nGroet",
		}[code]
		rule := m.sweep(121, "________________________________\n", "")
		body := fmt.Sprintf(note, m.colleague) + "\n" + first(m.writer) + "\n\n" + rule +
			m.outlookHeader(l, "Customer Care", deskAddress, m.tk.Subject) + "\n\n" + m.tk.Description
		return m.ticket(l.replyPrefix+" "+m.tk.Subject, body)
	}},
	{name: "t-signature-en-de", wrap: func(m mailThread) Ticket {
		// A signature block with title, company, address, phones and
		// office hours, in English or German, sometimes under "-- ".
		sigs := []string{
			"%s\nHead of E-Commerce\n%s Ltd\n14 Market Street, Manchester M1 1PT\nPhone: +44 161 496 0123 | Mobile: +44 7700 900456\nOffice hours: Mon-Fri 9:00-17:30 CET\nwww.%s",
			"%s\nOperations Manager, %s Inc.\n350 Fifth Avenue, Suite 4100, New York, NY 10118\nT (212) 555-0147 | F (212) 555-0148\nSupport line open 8am-6pm ET, Monday to Friday\nhttps://www.%s",
			"%s\nLeitung Online-Vertrieb\n%s GmbH\nHauptstraße 12, 10115 Berlin\nTel.: +49 30 1234567-0 | Mobil: +49 171 2345678\nGeschäftszeiten: Mo.–Fr. 8:00–17:00 Uhr\nwww.%s\nGeschäftsführer: Max Mustermann · Amtsgericht Berlin-Charlottenburg HRB 123456 · USt-IdNr. DE123456789",
		}
		sep := m.sweep(130, "-- \n", "")
		sig := fmt.Sprintf(sigs[m.pick(len(sigs), 131)], m.writer, m.company(), m.domain())
		return m.ticket(m.tk.Subject, strings.TrimRight(m.tk.Description, "\n")+"\n\n"+sep+sig)
	}},
	{name: "t-disclaimer-en-de-fr", wrap: func(m mailThread) Ticket {
		disclaimers := []string{
			"CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be privileged. If you are not the intended recipient or have received this e-mail in error, please notify the sender immediately and delete it from your system. Any unauthorized use, disclosure, copying or distribution is strictly prohibited.",
			"Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser Mail sind nicht gestattet.",
			"Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires. Si vous avez reçu ce message par erreur, merci d'en avertir immédiatement l'expéditeur et de le supprimer. Toute utilisation, diffusion ou copie non autorisée est interdite.",
		}
		body := strings.TrimRight(m.tk.Description, "\n") + "\n\n" + m.writer + "\n" + m.company() + "\n\n" + disclaimers[m.pick(len(disclaimers), 140)]
		return m.ticket(m.tk.Subject, body)
	}},
	{name: "t-sent-from-mobile", wrap: func(m mailThread) Ticket {
		line := m.sweep(150, "Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Sent from my Galaxy",
			"Get Outlook for iOS<https://aka.ms/o0ukef>", "Sent from Yahoo Mail for Android")
		return m.ticket(m.tk.Subject, strings.TrimRight(m.tk.Description, "\n")+"\n\n"+line)
	}},
	{name: "t-ticket-system-footer", wrap: func(m mailThread) Ticket {
		// A help desk's notification footer and HTML leftovers under the
		// report.
		desc := strings.ReplaceAll(strings.TrimRight(m.tk.Description, "\n"), "\n\n", "\n&nbsp;\n")
		id := 40000 + m.pick(9999, 160)
		prio := m.tk.Priority
		if prio == "" {
			prio = "normal"
		}
		footer := fmt.Sprintf("--\nTicket #%d | Status: Open | Priority: %s\nView this request online: https://help-desk.example/hc/requests/%d\n"+
			"You are receiving this e-mail because you are the requester of this ticket.\n[cid:image002.png@01DB3C4E.5A6F7B80]\nThis email is a service from Help Desk.\n[%s-%d]",
			id, prio, id, strings.ToUpper(m.domain()[:4]), 1000+m.pick(8999, 161))
		return m.ticket(m.tk.Subject, desc+"\n\n"+footer)
	}},
	{name: "t-agent-question-quoted", wrap: func(m mailThread) Ticket {
		// The report answers the desk's earlier reply, quoted under it.
		ask := fmt.Sprintf("Hi %s,\n\nthanks for reaching out. So that we can look into it: since when exactly does the problem occur, how many users are affected and which error message do you see? A screenshot would help as well.\n\nKind regards,\nCustomer Care Team", first(m.writer))
		subject := fmt.Sprintf("[#%d] %s", 40000+m.pick(9999, 170), m.tk.Subject)
		body := strings.TrimRight(m.tk.Description, "\n") + "\n\n" + replyLine("en", m.sent.Add(-75*time.Minute), "Customer Care", deskAddress) + "\n" + quoted(ask)
		return m.ticket("Re: "+subject, body)
	}},
	{name: "t-forward-english", wrap: func(m mailThread) Ticket {
		// A colleague forwards the report: Gmail's forward header or
		// Outlook's "-----Original Message-----" block.
		note := m.sweep(180, "FYI, see below.", "Forwarding this from "+first(m.writer)+", please have a look.", "Please see the message below.")
		var header string
		if m.pick(2, 181) == 0 {
			header = fmt.Sprintf("---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: <%s>",
				m.writer, m.email, m.sent.Format("Mon, Jan 2, 2006 at ")+clock12(m.sent), m.tk.Subject, deskAddress)
		} else {
			header = "-----Original Message-----\n" + m.outlookHeader(mailLangs["en"], "Customer Care", deskAddress, m.tk.Subject)
		}
		body := note + "\n\n" + m.colleague + "\n\n" + header + "\n\n" + m.tk.Description
		return m.ticket("Fwd: "+m.tk.Subject, body)
	}},
}
