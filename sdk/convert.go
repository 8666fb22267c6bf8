package sdk

// Conversion between the Go types of platform.go and their wire form in
// proto/platform/v1 lives in the convert_*.go files and nowhere else, one
// file per concept, so a field added to a type has exactly one place to be
// carried across. Empty maps and slices come back as nil: proto3 cannot tell
// them apart.

import (
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"
)

// timeToProto sends the zero time as an unset field, so "no time" stays "no
// time" instead of becoming 1970 or year 1.
func timeToProto(t time.Time) *timestamppb.Timestamp {
	if t.IsZero() {
		return nil
	}
	return timestamppb.New(t)
}

// timeFromProto is the inverse of timeToProto; times come back in UTC.
func timeFromProto(ts *timestamppb.Timestamp) time.Time {
	if ts == nil {
		return time.Time{}
	}
	return ts.AsTime()
}

func copyStrings(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func copySlice[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return append([]T(nil), s...)
}
