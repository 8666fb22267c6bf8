package triage

import "testing"

// codeCheckFailedTable is round forty-seven's: a sign-in code typed whose
// check the screen says failed ("verification failed", "no se pudo
// verificar el código") arrived and was refused, the sign-in's failure
// (round twenty-one), not the message's that carried it; a code that
// never arrives stays the message's. Columns: language, the service,
// subject, description.
const codeCheckFailedTable = `
en	auth	SMS code	I type the SMS code and the page says verification failed, every single time.
de	auth	SMS-Code	Ich gebe den SMS-Code ein und bekomme jedes Mal "Verifizierung fehlgeschlagen".
tr	auth	SMS kodu	SMS ile gelen kodu yazınca her seferinde "Doğrulama başarısız" hatası veriyor.
vi	auth	Mã OTP	Tôi nhập mã OTP nhưng ứng dụng luôn báo không thể xác minh.
es	auth	Código SMS	Escribo el código SMS y siempre sale "no se pudo verificar el código".
pt	auth	Código SMS	Digito o código SMS e aparece sempre "não foi possível verificar o código".
tr	auth	SMS kodu	SMS kodu her seferinde "doğrulanamadı" diyor, giriş yapamıyorum.
en	notifications	SMS code	The SMS code never arrives, I pressed resend five times.
en	notifications	SMS code	The SMS code never arrives, so I could not verify my phone number.
`

// TestServices_codeCheckFailedIsTheSignIns triages each row of
// codeCheckFailedTable as written and typed plain, and checks its service.
func TestServices_codeCheckFailedIsTheSignIns(t *testing.T) {
	checkServiceTable(t, codeCheckFailedTable)
}
