package triage

import (
	"testing"
	"time"
)

// Round fifty-three: "ago" in Romanian, Hungarian, Indonesian, Vietnamese,
// Ukrainian and Russian (the unit before its number, as an estimate), each
// the window from a little before that moment to the ticket; beside them
// the same words where they say no "ago" ("trước khi", before doing; "тому",
// that is why; "acum", now; "lalu", then), which keep the default buffer.
func TestExtractTime_readsAgoInMoreLanguages(t *testing.T) {
	created := time.Date(2040, 3, 15, 13, 0, 0, 0, time.UTC)
	ago := func(d time.Duration) Window { return Window{From: created.Add(-d - 5*time.Minute), To: created} }
	buffer := Window{From: created.Add(-2 * time.Hour), To: created}
	wantWindows(t, created, time.UTC, []windowRow{
		{"acum vreo trei ore n-am putut plăti abonamentul", ago(3 * time.Hour)},
		{"acum jumătate de oră plata dădea eroare", ago(30 * time.Minute)},
		{"kb. három órája nem tudok fizetni", ago(3 * time.Hour)},
		{"negyedórája nem megy a fizetés", ago(15 * time.Minute)},
		{"sekitar 3 jam yang lalu semua pesanan gagal", ago(3 * time.Hour)},
		{"sejak 20 menit lalu tidak bisa login", ago(20 * time.Minute)},
		{"khoảng 3 tiếng trước thanh toán bị lỗi", ago(3 * time.Hour)},
		{"приблизно 3 години тому не пройшла оплата", ago(3 * time.Hour)},
		{"години три тому пробував вивести кошти", ago(3 * time.Hour)},
		{"часа три назад не прошла оплата", ago(3 * time.Hour)},
		// guards: no amount of time before "ago"
		{"thanh toán bị lỗi 1 tiếng trước khi đi ngủ", buffer},
		{"оплата не проходить, тому просимо перевірити", buffer},
		{"acum nu merge plata cu cardul", buffer},
		{"saya coba bayar 2 kali, lalu gagal", buffer},
	})
}

// windowRow is a ticket text and the window ExtractTime must read from it.
type windowRow struct {
	text string
	want Window
}

// wantWindows checks each row's window, read in loc with a two-hour buffer
// from a ticket created at created (the times it prints are UTC).
func wantWindows(t *testing.T, created time.Time, loc *time.Location, rows []windowRow) {
	t.Helper()
	for _, c := range rows {
		if got := ExtractTime(c.text, created, loc, 2*time.Hour).Window; !got.From.Equal(c.want.From) || !got.To.Equal(c.want.To) {
			t.Errorf("%q: %v – %v, want %v – %v", c.text, got.From.UTC().Format("02 15:04"), got.To.UTC().Format("02 15:04"), c.want.From.UTC().Format("02 15:04"), c.want.To.UTC().Format("02 15:04"))
		}
	}
}

// The read-through after round fifty-three: a number word the tables
// lacked, or a quantifier, before the unit was skipped and the amount read
// as one ("hai mươi phút trước" as a minute ago, "pár órája" as an hour
// ago); "and a half" after a number was read as half an hour; and an
// amount before "trước", bare "lalu" or "тому" where they say "before
// X", "then" or "because" was read as ago. A quantifier reads as English
// "a few" does (three); the guards keep the default buffer or the one a
// Slavic singular ("годину", "час") carries.
func TestExtractTime_readsAgoNumbersTheTablesLacked(t *testing.T) {
	created := time.Date(2040, 3, 15, 13, 0, 0, 0, time.UTC)
	ago := func(d time.Duration) Window { return Window{From: created.Add(-d - 5*time.Minute), To: created} }
	buffer := Window{From: created.Add(-2 * time.Hour), To: created}
	wantWindows(t, created, time.UTC, []windowRow{
		{"hai mươi phút trước thanh toán bị lỗi", ago(20 * time.Minute)},
		{"dua puluh menit yang lalu saya tidak bisa login", ago(20 * time.Minute)},
		{"двадцять хвилин тому не пройшла оплата", ago(20 * time.Minute)},
		{"húsz perce nem megy a fizetés", ago(20 * time.Minute)},
		{"acum 20 de minute plata cu cardul a eșuat", ago(20 * time.Minute)},
		{"acum patru ore n-am putut plăti", ago(4 * time.Hour)},
		{"hat órája nem tudok fizetni", ago(6 * time.Hour)},
		{"empat jam yang lalu pembayaran gagal", ago(4 * time.Hour)},
		{"ba mươi phút trước tôi không đăng nhập được", ago(30 * time.Minute)},
		{"тридцять хвилин тому не працює вхід", ago(30 * time.Minute)},
		{"sejam yang lalu aplikasi error terus", ago(time.Hour)},
		{"півтори години тому не пройшла оплата", ago(90 * time.Minute)},
		{"másfél órája nem megy a belépés", ago(90 * time.Minute)},
		{"két és fél órája nem tudok fizetni", ago(150 * time.Minute)},
		{"satu setengah jam yang lalu pesanan gagal", ago(90 * time.Minute)},
		{"pár órája nem tudok belépni", ago(3 * time.Hour)},
		{"beberapa jam yang lalu pembayaran gagal", ago(3 * time.Hour)},
		{"vài tiếng trước tôi không đăng nhập được", ago(3 * time.Hour)},
		{"кілька годин тому не працює вхід", ago(3 * time.Hour)},
		{"Az órája szerint nem ment át a fizetés.", buffer},
		{"acum ora nu merge plata cu cardul", buffer},
		{"nhắc tôi 30 phút trước giờ hẹn nhưng ứng dụng không gửi thông báo", buffer},
		{"ứng dụng 2 tiếng trước đó vẫn chạy tốt, giờ thì không mở được", buffer},
		{"saya menunggu 20 menit lalu aplikasi keluar sendiri", buffer},
		{"я чекаю дві години тому що банк не підтверджує оплату", buffer},
		// guards: a Slavic singular carries "one"; "lalu" before a stop or
		// after "sejak", "trước" before the rest of the sentence, are ago
		{"не пройшла оплата годину тому", ago(time.Hour)},
		{"оплата не прошла час назад", ago(time.Hour)},
		{"platba nešla před hodinou", ago(time.Hour)},
		{"pembayaran gagal 20 menit lalu.", ago(20 * time.Minute)},
		{"thanh toán bị lỗi 2 tiếng trước, giờ vẫn vậy", ago(2 * time.Hour)},
		{"оплата не пройшла дві години тому, банк мовчить", ago(2 * time.Hour)},
	})
}
