//go:build !race

package triage

// raceDetector is set when the tests run with -race (scaffold_race_test.go).
const raceDetector = false
