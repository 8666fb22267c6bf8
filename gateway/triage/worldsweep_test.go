package triage

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestSweepOrphanWorlds_removesOnlyTheWorldsOfEndedBinaries checks the
// clean-up of worlds a killed test binary left: a world named after a
// process that has ended goes, one named after a running process stays,
// and an old-style name without a process id goes only once a day old.
func TestSweepOrphanWorlds_removesOnlyTheWorldsOfEndedBinaries(t *testing.T) {
	tmp := t.TempDir()
	ended := exec.Command("true")
	if err := ended.Run(); err != nil {
		t.Fatalf("start a process that ends at once: %v", err)
	}
	mk := func(name string, age time.Duration) string {
		dir := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Join(dir, "logs"), 0o755); err != nil {
			t.Fatal(err)
		}
		then := time.Now().Add(-age)
		if err := os.Chtimes(dir, then, then); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	endedWorld := mk(fmt.Sprintf("%s%d-123", worldDirPrefix, ended.ProcessState.Pid()), 0)
	ownWorld := mk(fmt.Sprintf("%s%d-456", worldDirPrefix, os.Getpid()), 48*time.Hour)
	oldStyleOld := mk(worldDirPrefix+"2719983712", 48*time.Hour)
	oldStyleNew := mk(worldDirPrefix+"1", time.Hour)
	other := mk("another-tool-1234", 48*time.Hour)

	sweepOrphanWorlds(tmp)

	for dir, want := range map[string]bool{
		endedWorld: false, ownWorld: true, oldStyleOld: false, oldStyleNew: true, other: true,
	} {
		_, err := os.Stat(dir)
		if got := err == nil; got != want {
			t.Errorf("%s: kept %v, want %v", filepath.Base(dir), got, want)
		}
	}
}
