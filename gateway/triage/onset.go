package triage

import "math"

// Sparse traffic. A service logging a few lines a minute rarely shows two
// failures in one minute even while a tenth of its requests fail, so the
// per-minute onset test never fires and the rise is diluted over the whole
// window. These helpers judge such logs in five-minute buckets, and accept
// a handful of failures as a rise when the baseline makes them improbable.

// bucketMinutes is the width of the buckets sparse logs are judged in.
const bucketMinutes = 5

// sparseMinFailures is the fewest failures an elevated bucket holds.
const sparseMinFailures = 3

// sparseSpan finds a sustained rise in per-minute counts judged in
// five-minute buckets: a bucket is elevated when it holds at least three
// failures at a share of at least limit, and a rise is two elevated
// buckets among three in a row. It returns the first and last minute with
// a failure in the rise, ok false when there is none.
func sparseSpan(mins []Counts, limit float64) (from, to int, ok bool) {
	n := (len(mins) + bucketMinutes - 1) / bucketMinutes
	elevated := make([]bool, n)
	for b := range elevated {
		c := bucket(mins, b)
		elevated[b] = c.Failures >= sparseMinFailures && c.Rate() >= limit
	}
	first, last := -1, -1
	for b := 0; b < n; b++ {
		if !elevated[b] {
			continue
		}
		next := b+1 < n && elevated[b+1] || b+2 < n && elevated[b+2]
		if first < 0 && !next {
			continue // a lone elevated bucket is noise
		}
		if first < 0 {
			first = b
		}
		last = b
		if !next {
			break
		}
	}
	if first < 0 {
		return 0, 0, false
	}
	from, to = first*bucketMinutes, min(len(mins), (last+1)*bucketMinutes)-1
	for from < to && mins[from].Failures == 0 {
		from++
	}
	for to > from && mins[to].Failures == 0 {
		to--
	}
	return from, to, true
}

// rareFailures reports whether k failures are a rise although fewer than
// the usual minimum: at least four, and fewer than one chance in a
// thousand to see that many at the expected count (Poisson).
func rareFailures(k int, expected float64) bool {
	return k >= 4 && poissonTail(k, expected) < 1e-3
}

// poissonTail is P(X ≥ k) for X Poisson with mean lambda.
func poissonTail(k int, lambda float64) float64 {
	if lambda <= 0 {
		return 0
	}
	term, below := math.Exp(-lambda), 0.0
	for i := 0; i < k; i++ {
		below += term
		term *= lambda / float64(i+1)
	}
	return math.Max(0, 1-below)
}

// warnSpan is the warning counts of a slowness episode inside the window:
// from the first five-minute bucket whose warning share reaches the rise
// thresholds (against base, the usual share) to the last such bucket, so a
// half hour of slow requests at the end of a long window is not diluted by
// the calm hours before it. ok is false when no bucket rises.
func warnSpan(mins []Counts, base float64) (span Counts, ok bool) {
	first, last := warnBuckets(mins, base)
	if first < 0 || last == first {
		return Counts{}, false
	}
	for _, m := range mins[first*bucketMinutes : min(len(mins), (last+1)*bucketMinutes)] {
		span.add(m)
	}
	return span, true
}

// warnBuckets is the first and the last five-minute bucket of mins whose
// warning share reaches the rise thresholds (against base, the usual
// share); both are -1 when none does.
func warnBuckets(mins []Counts, base float64) (first, last int) {
	limit := max(warnRiseShare, warnRiseRatio*max(base, warnFloor))
	first, last = -1, -1
	for b := 0; b*bucketMinutes < len(mins); b++ {
		c := bucket(mins, b)
		if c.Total > 0 && c.Warnings >= 2 && float64(c.Warnings)/float64(c.Total) >= limit {
			if first < 0 {
				first = b
			}
			last = b
		}
	}
	return first, last
}

// bucket sums the b-th five-minute bucket of per-minute counts.
func bucket(mins []Counts, b int) Counts {
	var c Counts
	for _, m := range mins[b*bucketMinutes : min(len(mins), (b+1)*bucketMinutes)] {
		c.add(m)
	}
	return c
}
