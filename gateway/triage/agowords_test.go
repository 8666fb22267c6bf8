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
	wantWindows(t, created, []windowRow{
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

// wantWindows checks each row's window, read in UTC with a two-hour buffer
// from a ticket created at created.
func wantWindows(t *testing.T, created time.Time, rows []windowRow) {
	t.Helper()
	for _, c := range rows {
		if got := ExtractTime(c.text, created, time.UTC, 2*time.Hour).Window; got != c.want {
			t.Errorf("%q: %v – %v, want %v – %v", c.text, got.From.Format("02 15:04"), got.To.Format("02 15:04"), c.want.From.Format("02 15:04"), c.want.To.Format("02 15:04"))
		}
	}
}
