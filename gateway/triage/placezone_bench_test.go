package triage

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// placeStream is n texts each naming two places of regionNames that no
// other text of the stream names together, in several languages' shapes.
func placeStream(n int) []string {
	names := slices.Sorted(maps.Keys(regionNames()))
	shapes := []string{
		"hi, i'm in %s this week and the app shows the wrong slot; our office in %s is fine",
		"hola, estoy en %s y la reserva sale mal, el cliente escribe desde %s",
		"ich bin gerade in %s, die buchung zeigt %s zeit",
		"je suis à %s, le rendez-vous est à 10h (%s)",
		"я сейчас в %s, встреча в 10 %s",
		"אני עכשיו ב%s, הפגישה ב-%s",
		"أنا الآن في %s والموعد في %s",
		"the call is at 9 am %s time, i live in %s",
	}
	out := make([]string, n)
	for i := range out {
		a, b := names[(i*7)%len(names)], names[(i*13+5)%len(names)]
		out[i] = fmt.Sprintf(shapes[i%len(shapes)], a, b) + fmt.Sprintf(" ref %d", i)
	}
	return out
}

func BenchmarkWriterZone_newPlaces(b *testing.B) {
	texts := placeStream(2000)
	warmPlaceReaders()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := texts[i%len(texts)]
		writerZone(s, s)
	}
}

func BenchmarkWriterZone_noPlace(b *testing.B) {
	s := "hello, the checkout page fails with error 503 since this morning when i pay with my card, please help"
	warmPlaceReaders()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		writerZone(s, s)
	}
}

// warmPlaceReaders compiles the readers compileOnUse, shapeChecks and abroadForms
// leave to their first use, outside a benchmark's loop.
func warmPlaceReaders() {
	reZoneRegion()
	reWriterPlace()
	writerPlaceChecks()
	reInRegion()
	reContrast()
	reCJKPlaceTime()
	abroadForms()
}
