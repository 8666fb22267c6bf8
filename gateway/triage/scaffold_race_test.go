//go:build race

package triage

// raceDetector is set when the tests run with -race, which makes triage
// many times slower: the scaffolding test then samples fewer tickets.
const raceDetector = true
