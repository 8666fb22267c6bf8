package triage

import (
	"testing"
	"time"
)

func TestExtractTime_readsAClockSaidInWords(t *testing.T) {
	created := time.Date(2040, 3, 15, 23, 0, 0, 0, time.UTC)
	at := func(h, m int) Window {
		c := time.Date(2040, 3, 15, h, m, 0, 0, time.UTC)
		return Window{From: c.Add(-10 * time.Minute), To: c.Add(30 * time.Minute)}
	}
	buffer := Window{From: created.Add(-2 * time.Hour), To: created}
	wantWindows(t, created, time.UTC, []windowRow{
		{"आज सुबह लगभग 9 बजे लॉगिन नहीं हुआ", at(9, 0)},
		{"आज शाम 7 बजे भुगतान नहीं हुआ", at(19, 0)},
		{"chiều nay khoảng 3 giờ 20 thanh toán bị lỗi", at(15, 20)},
		{"tối nay lúc 9 giờ rưỡi không đăng nhập được", at(21, 30)},
		{"اليوم حوالي الساعة السابعة والنصف مساءً لم يستطع أحد الحجز", at(19, 30)},
		{"azi pe la 5 seara plata nu a mers", at(17, 0)},
		{"сьогодні близько пів на шосту вечора не пройшла оплата", at(17, 30)},
		{"ตอนประมาณตีหนึ่งครึ่ง เข้าสู่ระบบไม่ได้", at(1, 30)},
		{"اليوم الساعة الخامسة العصर طلع لي خطأ", at(17, 0)},
		// Devanagari digits and a typographic apostrophe (round fifty-four's review)
		{"आज शाम ७ बजे भुगतान नहीं हुआ", at(19, 0)},
		{"сьогодні близько пів на п’яту вечора не пройшла оплата", at(16, 30)},
		// guards: a number of hours
		{"thanh toán bị lỗi trong 2 giờ liền", buffer},
		{"em đã chờ 3 giờ mà vẫn lỗi", buffer},
		// a number of hours said after "giờ" (round fifty-four's review)
		{"thanh toán lỗi 2 giờ liền", buffer},
		{"thanh toán bị lỗi từ 2 giờ trước", Window{From: created.Add(-2*time.Hour - 5*time.Minute), To: created}},
		{"em chờ đã 1,5 giờ mà vẫn lỗi", buffer},
		// Romanian "pe la" before a count or a date (round fifty-four's review)
		{"am încercat pe la 3 bancomate, plata nu a mers", buffer},
		{"pe la 20 de comenzi plata nu a mers", buffer},
		{"plata nu merge de pe la 5 ianuarie", buffer},
		// Thai "ตีสองหน้า" is two-faced, no hour
		{"เขาตีสองหน้า เข้าสู่ระบบไม่ได้", buffer},
	})
}

// A ticket written in the morning reads a bare clock as the morning's, so
// only there does a word for the evening change it (round fifty-four's
// review); the guards are words that fold onto a part of the day, or name
// one in another sense.
func TestExtractTime_aPartOfTheDayInTheMorningsTicket(t *testing.T) {
	created := time.Date(2040, 3, 15, 10, 0, 0, 0, time.UTC)
	at := func(d, h, m int) Window {
		c := time.Date(2040, 3, d, h, m, 0, 0, time.UTC)
		return Window{From: c.Add(-10 * time.Minute), To: c.Add(30 * time.Minute)}
	}
	wantWindows(t, created, time.UTC, []windowRow{
		{"कल शाम 7 बजे भुगतान नहीं हुआ", at(14, 19, 0)},
		{"tối qua lúc 9 giờ không đăng nhập được", at(14, 21, 0)},
		{"أمس الساعة السابعة مساءً لم يستطع أحد الحجز", at(14, 19, 0)},
		{"вчера в 3:30 дня не работал вход", at(14, 15, 30)},
		// guards: "dem" is German, not "đêm"; "tối đa" is "at most"; "до
		// конца дня" is "until the end of the day"
		{"Seit dem Update heute um 8:30 geht der Login nicht", Window{From: at(15, 8, 30).From, To: created}},
		{"heute um 8:45, mit dem Handy, geht der Login nicht", at(15, 8, 45)},
		{"lúc 8:15 thử tối đa 3 lần vẫn lỗi", at(15, 8, 15)},
		{"С 8:30 и до конца дня не работает вход", Window{From: at(15, 8, 35).From, To: created}},
		{"уже 3 дня, сегодня с 8:30 не работает вход", Window{From: at(15, 8, 35).From, To: created}},
	})
	evening := time.Date(2040, 3, 15, 23, 0, 0, 0, time.UTC)
	wantWindows(t, evening, time.UTC, []windowRow{
		// "sang" is English, not "sáng"
		{"he sang at 7:30 and then the login failed", at(15, 19, 30)},
	})
}
