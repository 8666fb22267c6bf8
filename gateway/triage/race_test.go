//go:build race

package triage

// raceDetector is set when the tests run with -race, which makes triage
// about twenty times slower (norace_test.go).
const raceDetector = true
