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
	wantWindows(t, created, []windowRow{
		{"आज सुबह लगभग 9 बजे लॉगिन नहीं हुआ", at(9, 0)},
		{"आज शाम 7 बजे भुगतान नहीं हुआ", at(19, 0)},
		{"chiều nay khoảng 3 giờ 20 thanh toán bị lỗi", at(15, 20)},
		{"tối nay lúc 9 giờ rưỡi không đăng nhập được", at(21, 30)},
		{"اليوم حوالي الساعة السابعة والنصف مساءً لم يستطع أحد الحجز", at(19, 30)},
		{"azi pe la 5 seara plata nu a mers", at(17, 0)},
		{"сьогодні близько пів на шосту вечора не пройшла оплата", at(17, 30)},
		{"ตอนประมาณตีหนึ่งครึ่ง เข้าสู่ระบบไม่ได้", at(1, 30)},
		{"اليوم الساعة الخامسة العصر طلع لي خطأ", at(17, 0)},
		// guards: a number of hours, a price, a count
		{"thanh toán bị lỗi trong 2 giờ liền", buffer},
		{"em đã chờ 3 giờ mà vẫn lỗi", buffer},
		{"मैंने 500 रुपये दिए, लॉगिन नहीं हुआ", buffer},
		{"am plătit pe la noi 5 lei", buffer},
	})
}
