package triage

import (
	"strings"
	"sync"
	"time"
)

// requesterZones caches the requester zones loaded so far (name to
// *time.Location): time.LoadLocation reads the zone database each time.
// Only names that load are kept, so it holds at most the database's few
// hundred zones whatever names the desks send.
var requesterZones sync.Map

// requesterZone loads the IANA zone a requester's desk profile gives
// ("Europe/Helsinki"). ok is false for "", for a name that is not a zone
// and for "Local", the gateway's own zone: a desk's word never makes an
// error, it is only not used.
func requesterZone(name string) (*time.Location, bool) {
	name = strings.TrimSpace(name)
	if name == "" || name == "Local" || len(name) > 64 {
		return nil, false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_+-", r)) {
			return nil, false
		}
	}
	if l, ok := requesterZones.Load(name); ok {
		return l.(*time.Location), true
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, false
	}
	requesterZones.Store(name, l)
	return l, true
}
