package triage

import "testing"

// The writer's inability, told in the languages tickets come in, is a
// failure word as "I can't" is in English.
func TestInability_isAFailureWord(t *testing.T) {
	for _, text := range []string{
		"Desde las 8 no puedo iniciar sesión.",
		"Ayer no pude hacer el pedido.",
		"Da stamattina non riesco ad accedere al mio account.",
		"Non riesco a pagare con la carta regalo.",
		"Depuis ce matin je n'arrive pas à me connecter.",
		"Je ne peux pas payer avec ma carte.",
		"Desde hoje de manhã não consigo entrar na minha conta.",
		"Sedan i morse kan jag inte logga in.",
		"Nie udało mi się zapłacić kartą.",
		"Δεν μπορώ να συνδεθώ από το πρωί.",
		"لا أستطيع تسجيل الدخول منذ الصباح.",
		"Saya tidak bisa login sejak tadi pagi.",
		"Từ sáng tôi không đăng nhập được.",
		"Login nahi ho raha hai subah se.",
		"La pagina non si carica da stamattina.",
		"Nie ładują się zdjęcia w wyszukiwarce.",
	} {
		if got, r := claimOf("Problem", text); got != claimOne {
			t.Errorf("%q: claim %v (%v), want one user's failure", text, got, r)
		}
	}
}

// Not an inability: a how-to told as "I can't find where…", "I can't
// wait", and the Vietnamese "can I …?".
func TestInability_notOnFindingOrWaiting(t *testing.T) {
	for _, text := range []string{
		"Non riesco a trovare dove cambiare la password?",
		"No puedo encontrar dónde cambiar mi dirección.",
		"Je n'arrive pas à trouver où changer mon adresse.",
		"Não consigo encontrar onde mudar a senha.",
		"No puedo esperar a recibir mi pedido, ¡gracias!",
		"Không biết đổi vé được không?",
	} {
		if f := active(signalsOf(text).failure); len(f) > 0 {
			t.Errorf("%q: failure words %s, want none", text, quote(f))
		}
	}
}

// A place a failure word already holds is not read twice.
func TestInability_notTwiceAtOnePlace(t *testing.T) {
	text := "Desde esta mañana no carga la página."
	if f := active(signalsOf(text).failure); len(f) != 1 {
		t.Errorf("%q: failure words %s, want one", text, quote(f))
	}
}
