package triage

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"
)

// A mail scaffold wraps a ticket's text the way e-mail threads arrive at a
// desk — a short newest reply over the quoted report, a header block, a
// signature, a disclaimer, a forward, a ticket system's footer — without
// changing what is reported, about when or for whom. The triage's verdict
// should not move with it (TestMailScaffolding_keepsVerdicts).
//
// The scaffolds are split in two halves written before any rule was
// changed for them: the tuned half (scaffold_tuned_test.go), which the
// rules may be fitted to, and the held-out half
// (scaffold_heldout_test.go), committed first and only ever measured in
// aggregate.
type scaffold struct {
	name string
	wrap func(m mailThread) Ticket
}

// mailThread is what a scaffold knows of the ticket it wraps, with the
// deterministic choices (language, names) a scaffold makes per ticket.
type mailThread struct {
	tk Ticket
	// h picks a scaffold's variants: a hash of the ticket and the
	// scaffold's name.
	h uint32
	// writer is the requester, or a made-up name when the ticket has none.
	writer, email string
	// colleague is someone the newest reply adds or forwards from.
	colleague, colleagueEmail string
	// sent is when the quoted report was sent: a few minutes before the
	// ticket was created, so its relative times mean what they meant.
	sent time.Time
}

func newMailThread(tk Ticket, scaffoldName string) mailThread {
	f := fnv.New32a()
	f.Write([]byte(tk.ID + "\x00" + tk.Subject + "\x00" + scaffoldName))
	m := mailThread{tk: tk, h: f.Sum32()}
	writers := []string{"Anna Schmidt", "Lucas Martin", "Sofia García", "Jan de Vries", "Marta Kowalska", "Oliver Brown", "Giulia Rossi", "Erik Lindqvist"}
	m.writer = strings.TrimSpace(tk.RequesterName)
	if m.writer == "" {
		m.writer = writers[m.pick(len(writers), 1)]
	}
	m.email = mailbox(m.writer, []string{"nordwind-handel.example", "bluebay-shop.example", "casa-verde.example", "fjord-retail.example"}[m.pick(4, 2)])
	colleagues := []string{"Tom Becker", "Claire Dubois", "Pablo Ruiz", "Sanne Bakker", "Piotr Nowak", "Emma Wilson", "Marco Bianchi", "Ingrid Holm"}
	m.colleague = colleagues[m.pick(len(colleagues), 3)]
	m.colleagueEmail = mailbox(m.colleague, strings.SplitN(m.email, "@", 2)[1])
	created := tk.CreatedAt
	if created.IsZero() {
		created = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	}
	m.sent = created.Add(-time.Duration(2+m.pick(9, 4)) * time.Minute)
	return m
}

// pick returns a variant in [0, n), a different one per salt.
func (m mailThread) pick(n, salt int) int {
	x := m.h ^ uint32(salt)*0x9e3779b9
	x ^= x >> 16
	x *= 0x85ebca6b
	x ^= x >> 13
	return int(x % uint32(n))
}

// mailbox makes an address of a name: "Anna Schmidt" → anna.schmidt@domain.
func mailbox(name, domain string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('.')
		case strings.ContainsRune("áàâä", r):
			b.WriteByte('a')
		case strings.ContainsRune("éèêë", r):
			b.WriteByte('e')
		case strings.ContainsRune("íìîï", r):
			b.WriteByte('i')
		case strings.ContainsRune("óòôöø", r):
			b.WriteByte('o')
		case strings.ContainsRune("úùûü", r):
			b.WriteByte('u')
		case r == 'ñ' || r == 'ń':
			b.WriteByte('n')
		case r == 'ł':
			b.WriteByte('l')
		case r == 'ç':
			b.WriteByte('c')
		}
	}
	return b.String() + "@" + domain
}

// ticket returns the wrapped ticket: the same but for subject and text.
func (m mailThread) ticket(subject, description string) Ticket {
	tk := m.tk
	tk.Subject = subject
	tk.Description = description
	return tk
}

// quoted prefixes every line of s with "> " (">" on empty lines), as a
// plain-text reply quotes the message it answers.
func quoted(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ">"
			continue
		}
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// mailLang is how a mail client writes dates and headers in one language.
type mailLang struct {
	code string
	// wdays and months, abbreviated as the client writes them in a reply
	// line; longWdays and longMonths for a header block's "Sent:" line.
	wdays, longWdays   [7]string // Sunday first
	months, longMonths [12]string
	// header are the keys of an Outlook header block: from, sent, to, cc,
	// subject.
	header [5]string
	// replyPrefix is the subject prefix of a reply ("Re:", "AW:").
	replyPrefix string
	// forwardPrefix is the subject prefix of a forward ("Fwd:", "WG:").
	forwardPrefix string
}

var mailLangs = map[string]mailLang{
	"en": {code: "en",
		wdays:      [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		longWdays:  [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		months:     [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		longMonths: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		header:     [5]string{"From", "Sent", "To", "Cc", "Subject"}, replyPrefix: "RE:", forwardPrefix: "FW:"},
	"de": {code: "de",
		wdays:      [7]string{"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."},
		longWdays:  [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		months:     [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
		longMonths: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		header:     [5]string{"Von", "Gesendet", "An", "Cc", "Betreff"}, replyPrefix: "AW:", forwardPrefix: "WG:"},
	"fr": {code: "fr",
		wdays:      [7]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
		longWdays:  [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		months:     [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		longMonths: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		header:     [5]string{"De", "Envoyé", "À", "Cc", "Objet"}, replyPrefix: "RE :", forwardPrefix: "TR :"},
	"es": {code: "es",
		wdays:      [7]string{"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
		longWdays:  [7]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		months:     [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
		longMonths: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		header:     [5]string{"De", "Enviado el", "Para", "CC", "Asunto"}, replyPrefix: "RE:", forwardPrefix: "RV:"},
	"nl": {code: "nl",
		wdays:      [7]string{"zo", "ma", "di", "wo", "do", "vr", "za"},
		longWdays:  [7]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"},
		months:     [12]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
		longMonths: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		header:     [5]string{"Van", "Verzonden", "Aan", "CC", "Onderwerp"}, replyPrefix: "RE:", forwardPrefix: "FW:"},
	"it": {code: "it",
		wdays:      [7]string{"dom", "lun", "mar", "mer", "gio", "ven", "sab"},
		longWdays:  [7]string{"domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"},
		months:     [12]string{"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"},
		longMonths: [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		header:     [5]string{"Da", "Inviato", "A", "Cc", "Oggetto"}, replyPrefix: "R:", forwardPrefix: "I:"},
	"pt": {code: "pt",
		wdays:      [7]string{"dom.", "seg.", "ter.", "qua.", "qui.", "sex.", "sáb."},
		longWdays:  [7]string{"domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado"},
		months:     [12]string{"jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."},
		longMonths: [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		header:     [5]string{"De", "Enviada em", "Para", "Cc", "Assunto"}, replyPrefix: "RES:", forwardPrefix: "ENC:"},
	"sv": {code: "sv",
		wdays:      [7]string{"sön", "mån", "tis", "ons", "tors", "fre", "lör"},
		longWdays:  [7]string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"},
		months:     [12]string{"jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."},
		longMonths: [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
		header:     [5]string{"Från", "Skickat", "Till", "Kopia", "Ämne"}, replyPrefix: "SV:", forwardPrefix: "VB:"},
	"pl": {code: "pl",
		wdays:      [7]string{"niedz.", "pon.", "wt.", "śr.", "czw.", "pt.", "sob."},
		longWdays:  [7]string{"niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"},
		months:     [12]string{"sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"},
		longMonths: [12]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
		header:     [5]string{"Od", "Wysłano", "Do", "DW", "Temat"}, replyPrefix: "Odp:", forwardPrefix: "PD:"},
	"da": {code: "da",
		wdays:      [7]string{"søn.", "man.", "tir.", "ons.", "tor.", "fre.", "lør."},
		longWdays:  [7]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"},
		months:     [12]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."},
		longMonths: [12]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
		header:     [5]string{"Fra", "Sendt", "Til", "Cc", "Emne"}, replyPrefix: "SV:", forwardPrefix: "VS:"},
	"fi": {code: "fi",
		wdays:      [7]string{"su", "ma", "ti", "ke", "to", "pe", "la"},
		longWdays:  [7]string{"sunnuntai", "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai"},
		months:     [12]string{"tammik.", "helmik.", "maalisk.", "huhtik.", "toukok.", "kesäk.", "heinäk.", "elok.", "syysk.", "lokak.", "marrask.", "jouluk."},
		longMonths: [12]string{"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"},
		header:     [5]string{"Lähettäjä", "Lähetetty", "Vastaanottaja", "Kopio", "Aihe"}, replyPrefix: "VS:", forwardPrefix: "VL:"},
	"cs": {code: "cs",
		wdays:      [7]string{"ne", "po", "út", "st", "čt", "pá", "so"},
		longWdays:  [7]string{"neděle", "pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota"},
		months:     [12]string{"led", "úno", "bře", "dub", "kvě", "čvn", "čvc", "srp", "zář", "říj", "lis", "pro"},
		longMonths: [12]string{"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"},
		header:     [5]string{"Od", "Odesláno", "Komu", "Kopie", "Předmět"}, replyPrefix: "Odp:", forwardPrefix: "Fwd:"},
	"tr": {code: "tr",
		wdays:      [7]string{"Paz", "Pzt", "Sal", "Çar", "Per", "Cum", "Cmt"},
		longWdays:  [7]string{"Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"},
		months:     [12]string{"Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"},
		longMonths: [12]string{"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"},
		header:     [5]string{"Kimden", "Gönderildi", "Kime", "Bilgi", "Konu"}, replyPrefix: "YNT:", forwardPrefix: "İLT:"},
}

// clock12 writes t as "9:14 AM".
func clock12(t time.Time) string { return t.Format("3:04 PM") }

// outlookSent writes the "Sent:" value of an Outlook header block in a
// language: "Friday, November 20, 2026 9:14 AM", "Freitag, 20. November
// 2026 09:14".
func outlookSent(l mailLang, t time.Time) string {
	wd, mo, d, y, hm := l.longWdays[t.Weekday()], l.longMonths[t.Month()-1], t.Day(), t.Year(), t.Format("15:04")
	switch l.code {
	case "en":
		return fmt.Sprintf("%s, %s %d, %d %s", wd, mo, d, y, clock12(t))
	case "de", "da":
		return fmt.Sprintf("%s, %d. %s %d %s", wd, d, mo, y, hm)
	case "es", "pt":
		return fmt.Sprintf("%s, %d de %s de %d %s", wd, d, mo, y, hm)
	case "fi":
		return fmt.Sprintf("%s %d. %s %d %s", wd, d, mo, y, hm)
	case "pl", "cs", "tr":
		return fmt.Sprintf("%s, %d %s %d %s", wd, d, mo, y, hm)
	default:
		return fmt.Sprintf("%s %d %s %d %s", wd, d, mo, y, hm)
	}
}

// outlookHeader is the header block Outlook writes above the message a
// reply or forward quotes, in a language.
func (m mailThread) outlookHeader(l mailLang, to, toEmail, subject string) string {
	sep := ":"
	if l.code == "fr" {
		sep = " :"
	}
	return fmt.Sprintf("%s%s %s <%s>\n%s%s %s\n%s%s %s <%s>\n%s%s %s <%s>\n%s%s %s",
		l.header[0], sep, m.writer, m.email,
		l.header[1], sep, outlookSent(l, m.sent),
		l.header[2], sep, to, toEmail,
		l.header[3], sep, m.colleague, m.colleagueEmail,
		l.header[4], sep, subject)
}

// replyLine is the "On … wrote:" line a mail client writes above the
// message it quotes, in a language, for the message who sent at t.
func replyLine(code string, t time.Time, who, email string) string {
	l := mailLangs[code]
	wd, mo, d, y, hm := l.wdays[t.Weekday()], l.months[t.Month()-1], t.Day(), t.Year(), t.Format("15:04")
	switch code {
	case "en":
		return fmt.Sprintf("On %s, %s %d, %d at %s %s <%s> wrote:", wd, mo, d, y, clock12(t), who, email)
	case "de":
		return fmt.Sprintf("Am %s, %d. %s %d um %s Uhr schrieb %s <%s>:", wd, d, mo, y, hm, who, email)
	case "fr":
		return fmt.Sprintf("Le %s %d %s %d à %s, %s <%s> a écrit :", wd, d, mo, y, hm, who, email)
	case "es":
		return fmt.Sprintf("El %s, %d %s %d a las %s, %s (<%s>) escribió:", wd, d, mo, y, t.Format("15:04"), who, email)
	case "nl":
		return fmt.Sprintf("Op %s %d %s %d om %s schreef %s <%s>:", wd, d, mo, y, hm, who, email)
	case "it":
		return fmt.Sprintf("Il giorno %s %d %s %d alle ore %s %s <%s> ha scritto:", wd, d, mo, y, hm, who, email)
	case "pt":
		return fmt.Sprintf("Em %s, %d de %s de %d às %s, %s <%s> escreveu:", wd, d, mo, y, hm, who, email)
	case "sv":
		return fmt.Sprintf("Den %s %d %s %d kl %s skrev %s <%s>:", wd, d, mo, y, hm, who, email)
	case "pl":
		return fmt.Sprintf("W dniu %s, %d %s %d o %s %s <%s> napisał(a):", wd, d, mo, y, hm, who, email)
	case "da":
		return fmt.Sprintf("Den %s %d. %s %d kl. %s skrev %s <%s>:", wd, d, mo, y, t.Format("15.04"), who, email)
	case "fi":
		return fmt.Sprintf("%s %d.%d.%d klo %s %s (<%s>) kirjoitti:", wd, d, int(t.Month()), y, t.Format("15.04"), who, email)
	case "cs":
		return fmt.Sprintf("%s %d. %d. %d v %s odesílatel %s <%s> napsal:", wd, d, int(t.Month()), y, hm, who, email)
	case "tr":
		return fmt.Sprintf("%s <%s>, %d %s %d %s, %s tarihinde şunu yazdı:", who, email, d, mo, y, wd, hm)
	}
	panic("no reply line for " + code)
}

// sweep returns one of the variants, picked for this thread.
func (m mailThread) sweep(salt int, variants ...string) string {
	return variants[m.pick(len(variants), salt)]
}

// first is the first name of a full name.
func first(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return name
}

// company is the writer's company, from their mail domain.
func (m mailThread) company() string {
	switch strings.SplitN(m.email, "@", 2)[1] {
	case "nordwind-handel.example":
		return "Nordwind Handel"
	case "bluebay-shop.example":
		return "Bluebay Shop"
	case "casa-verde.example":
		return "Casa Verde"
	}
	return "Fjord Retail"
}

// domain is the writer's mail domain.
func (m mailThread) domain() string { return strings.SplitN(m.email, "@", 2)[1] }

// deskAddress is the support desk's mailbox the thread was sent to.
const deskAddress = "support@help-desk.example"
