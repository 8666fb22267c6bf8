package triage

import "testing"

// TestTriage_anotherPersonsIdentifiersListed is round 84's: another
// person's data told by what the writer sees, two kinds of a person's
// identifiers (a name, an address, a phone, a date of birth, a passport,
// a bank account, a salary …) listed in one sentence, the party disowned
// in it, next to it or in the subject ("not mine", "a stranger", "someone
// I don't know"). Critical on clean logs. Not when the identifiers are
// the writer's own, the sentence asks, requests or denies, only one kind
// is listed, or nobody is disowned.
func TestTriage_anotherPersonsIdentifiersListed(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"en a receipt not mine", at("Receipt", "The receipt I downloaded is not mine: it has the name, home address and phone number of a man I have never met."), true},
		{"nl a subscription of someone I do not know", at("Abonnement", "In de app staat een abonnement, met naam, geboortedatum en telefoonnummer van iemand die ik niet ken."), true},
		{"de a contract of a woman I do not know", at("Vertrag", "Im Kundenkonto erscheint ein Vertrag mit Name, Adresse und Geburtsdatum einer Frau, die ich nicht kenne."), true},
		{"es an invoice not mine", at("Facturas", "En mis facturas aparece una que no es mía, con el nombre, la dirección y el teléfono de un desconocido."), true},
		{"fr a contract of an unknown person", at("Contrat", "Dans l'appli je vois un contrat avec le nom, la date de naissance et le numéro de passeport d'une personne inconnue."), true},
		{"sv a booking of someone I do not know", at("Bokning", "I appen syns en bokning med namn, personnummer och adress till någon jag inte känner."), true},
		{"ar an order not mine, and-prefixed", at("طلب", "في حسابي طلب ليس لي، ومعه اسم وعنوان ورقم هاتف."), true},
		{"en the subject disowns", at("Not my records", "Opening the Records tab I now see a full name, a date of birth and a passport number."), true},
		{"ru a contract not mine", at("Договор", "В кабинете открылся договор, он не мой: имя, адрес и телефон."), true},
		{"ru another person's form", at("Заявка", "В разделе заявок открылась анкета другого человека: фото, дата рождения и адрес."), true},
		{"en the disowning negator is the party's", at("Deliveries", "The driver app lists deliveries that are not ours — client names, phone numbers and home addresses."), true},
		{"en the denied knowing is the party's", at("Attendance", "The class page shows a pupil I don't know — his name, his address and his medication."), true},
		// guards
		{"en an erasure asked for another person", at("GDPR erasure", "Under the GDPR I ask you to erase the name, address and phone number you hold on another account holder, my late father."), false},
		{"en an access request for a person I don't know", at("Subject access", "Under the GDPR I request access to the name, address and date of birth you hold on a tenant I don't know."), false},
		{"en a resolution reply", at("Re: stranger's booking", "Thanks, the booking page now shows only our own names and addresses again, all good, you can close this."), false},
		{"es less, and a phone as a channel", at("Código", "Desde las 7:40 más o menos a uno de cada tres clientes que atiendo por teléfono no le llega el código; a los otros sí."), false},
		{"it a doctor is no medical record", at("Ordini", "Un ordine su quattro si blocca sul nome del medico; gli altri passano normalmente."), false},
		{"en the writer's own identifiers", at("Invoice", "I changed my name and address last week, yet another invoice still shows my old name and my old address."), false},
		{"en a fear asked", at("Privacy", "Could another customer see my name, address and phone number if they guess my order number?"), false},
		{"en a request to remove", at("Booking", "Please remove the name and phone number of another guest I added to my booking by mistake."), false},
		{"en a how-to", at("Guests", "How do I enter the name and phone number of a guest I don't know personally?"), false},
		{"en another of the writer's own", at("Orders", "Another of my orders shows the name and address I used before the move."), false},
		{"en one kind only", at("Dashboard", "Since the update the dashboard greets me with a name I don't know."), false},
		{"en not knowing a fact", at("Confirmation", "The confirmation e-mail cuts off the station name, so I don't know if the address is T1 or T3."), false},
		{"en nobody disowned", at("Profile", "The profile page shows name, address and phone number in the wrong order."), false},
		{"nl a negation", at("Factuur", "We zien geen namen of adressen van iemand die we niet kennen, alleen het btw-nummer ontbreekt."), false},
	})
}

// The round's review: texts written before any run. Wrong at the round's
// code: indirect breaches it missed (a party disowned with a copula, a
// Portuguese address, a company never heard of, a knowing of persons read
// as of a fact, a Spanish object pronoun read as "our") and guards it
// broke (a fear, a wish, form fields and name tags, "another" before a
// phone or an address, "another" in a subject for one more thing, an IP
// address and a host name, Spanish "más", Polish "dni" for days).
func TestTriage_anotherPersonsIdentifiersListed_review(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"P07b sv inte är min", at("Fel beställning i appen", "Jag ser en beställning som inte är min, med namn, adress och telefonnummer."), true},
		{"P09b pt morada", at("Encomenda estranha", "Na minha conta aparece uma encomenda de um desconhecido com o nome e a morada dele."), true},
		{"P13 a company never heard of", at("Wrong documents in business account", "Our hotel business account shows payslips and bank account numbers of staff from a company we've never heard of."), true},
		{"X3 know any of these people", at("Order history", "I don't know any of these people, but their names and addresses are in my order history."), true},
		{"X5 es nos is no possessive", at("Pedido", "En la app aparece un pedido que no es nuestro y nos sale nombre y dirección."), true},
		// guards the round broke
		{"G02 a fear", at("Privacy concern", "I'm worried that another customer could see the name and address printed on the bag tag."), false},
		{"G03 a wish", at("Feature request: second contact", "It would be great if we could add another contact person with name and phone number to our business account."), false},
		{"G05 another phone, form fields", at("Form layout", "I logged in on another phone and the name and address fields in the booking form are misaligned."), false},
		{"G06 another bug, fields", at("Another layout bug", "On the checkout page the name and phone fields overlap on small screens."), false},
		{"G09 IP address and host name", at("IP address and server name", "Our partner API integration gets 401 from another server: the IP address and host name changed after your maintenance."), false},
		{"G13 es another fault, a service's name and photo", at("Otro fallo en el buscador", "En el buscador de precios el nombre y la foto de cada servicio salen cortados."), false},
		{"G16 another address for delivery", at("Wrong delivery to another address", "The driver delivered my bags to another address. The name and phone on the label were correct."), false},
		{"G17 de another address of the writer", at("Neue Adresse", "Seit dem Umzug habe ich eine andere Adresse und eine neue Telefonnummer, aber die App zeigt noch die alte."), false},
		{"G24 name tags and phone holders", at("Another question about the price list", "The name tags and phone holders are missing from the price list."), false},
		{"G33 another batch, fields rejected", at("Another batch rejected", "Another batch of partner API bookings failed: the address and phone fields were rejected with 422 invalid format."), false},
		{"X1 es más is more", at("Perfil lento", "Desde la actualización, el nombre y la foto del perfil tardan más en cargar."), false},
		{"X2 pl dni is days", at("Zdjęcia plam", "Od 2 dni zdjęcia plam z innego zamówienia ładują się bardzo wolno."), false},
		{"X6 someone in a plea, fields", at("Someone please help", "The name and address fields on the pickup booking page are empty when I open it."), false},
		// must not change: a stranger word before the identifier is the
		// party's ("fremmed navn"), French "nos" before the identifiers is
		// the writer's, a bare "another" in the identifiers' sentence, a
		// possessor ("someone's", Romanian "altui") and a "not mine" in the
		// subject still disown
		{"da a stranger's name", at("Lån", "Da jeg trykkede på en reservation, stod der et fremmed navn og en adresse i Aarhus."), true},
		{"fr our own names and addresses", at("Adresse", "Nous avons changé nos noms et adresses, mais un inconnu nous appelle encore à l'ancien numéro."), false},
		{"en another agency in the identifiers' sentence", at("Invoice", "The invoice I got lists the name, address and phone number of a passenger from another agency."), true},
		{"en someone's before the identifiers is their possessor", at("Wrong text", "Your text message today had someone's name and medication in it."), true},
		{"ro another's in the subject, a genitive", at("Un elev a intrat în contul altui elev", "Bună ziua, sunt profesoară. Azi un elev a ajuns în contul unei colege. Vedea numele și adresa de e-mail a părinților."), true},
		{"de not mine in the subject", at("Nicht meine Buchung", "Ich habe heute früh die App geöffnet. Die Startseite lädt normal. Unter Buchungen stehen jetzt Name, Adresse und Geburtsdatum."), true},
	})
}
