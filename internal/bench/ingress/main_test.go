package main

import (
	"os"
	"os/exec"
	"testing"
)

// A process gone by the end of a pass reads as -1, not 0, and makes the
// pass's CPU figures an error instead of a negative number.
func TestCPUUsed_processGoneDuringThePassIsAnError(t *testing.T) {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	ps := []int{os.Getpid(), cmd.Process.Pid} // the second has exited
	after := cpuEach(ps)
	if after[0] < 0 || after[1] != -1 {
		t.Fatalf("cpuEach = %v; want a reading for this process and -1 for the exited one", after)
	}
	before := []int64{0, 5}
	if used, err := cpuUsed(ps, before, after); err == nil {
		t.Errorf("cpuUsed = %v, nil; want an error for the exited process", used)
	}
	if used, err := cpuUsed(ps[:1], before[:1], after[:1]); err != nil || used[0] != after[0] {
		t.Errorf("cpuUsed of a live process = %v, %v; want [%d]", used, err, after[0])
	}
}

// The ingress's share of a pass with workers is its CPU per delivery less
// the finished jobs at the drain window's CPU per job; without a drain
// figure it is the whole.
func TestIngressPerDeliv_takesOffTheFinishedJobs(t *testing.T) {
	r := result{ok: 1000, cpuPerDeliv: 150, jobs: 200, cpuPerJob: 400}
	if got := r.ingressPerDeliv(); got != 70 {
		t.Errorf("ingressPerDeliv = %v; want 150 - 400*200/1000 = 70", got)
	}
	r.cpuPerJob = -1
	if got := r.ingressPerDeliv(); got != 150 {
		t.Errorf("ingressPerDeliv without a drain figure = %v; want 150", got)
	}
}
