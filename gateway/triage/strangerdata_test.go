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
