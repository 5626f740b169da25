package main

import (
	"github.com/KimMachineGun/automemlimit/memlimit"
)

// A build keeps its memory bounded by holding little (the search index
// spills its postings to disk), not by a limit on the heap. The soft limit
// set here is a guard rail: three quarters of the memory the process may
// use (its container's limit, or the machine's memory), so the collector
// works harder only when the heap nears what would otherwise end the
// process. GOMEMLIMIT, when set, is used instead.

// memoryGuardRatio is the share of the memory available the heap may
// reach before the collector runs more often.
const memoryGuardRatio = 0.75

// machineMemory is the memory the process may use: its control group's
// limit, or else the machine's.
func machineMemory() (uint64, error) {
	return memlimit.ApplyFallback(memlimit.FromCgroup, memlimit.FromSystem)()
}

// setMemoryGuard sets the heap's soft limit to memoryGuardRatio of what
// available reports, unless GOMEMLIMIT is set, and returns the limit in
// force. When available reports no limit, or fails, there is none.
func setMemoryGuard(available memlimit.Provider) int64 {
	limit, _ := memlimit.Set(memlimit.WithRatio(memoryGuardRatio), memlimit.WithProvider(available))
	return limit
}
