package logs

import "time"

// Fields names where a log store keeps the parts of a Record. Empty names
// take the defaults of Defaults.
type Fields struct {
	Time    string
	Service string
	Level   string
	Status  string
	Message string
}

// DefaultFields are the field names of the generated logs and of most JSON
// loggers (VictoriaLogs keeps the time and message in _time and _msg).
var DefaultFields = Fields{Time: "time", Service: "service", Level: "level", Status: "status", Message: "msg"}

// WithDefaults fills empty names from d.
func (f Fields) WithDefaults(d Fields) Fields {
	if f.Time == "" {
		f.Time = d.Time
	}
	if f.Service == "" {
		f.Service = d.Service
	}
	if f.Level == "" {
		f.Level = d.Level
	}
	if f.Status == "" {
		f.Status = d.Status
	}
	if f.Message == "" {
		f.Message = d.Message
	}
	return f
}

// FillRecord sets r's level, status, service and message from the named
// fields as get finds them, normalized as a file line would be. The time
// is the caller's: each store has its own time format.
func (f Fields) FillRecord(get func(name string) (string, bool), t time.Time, r *Record) {
	*r = Record{Time: t}
	if v, ok := get(f.Level); ok {
		r.Level = NormalizeLevel([]byte(v))
	}
	if v, ok := get(f.Status); ok {
		r.Status = parseStatus([]byte(v))
	}
	if v, ok := get(f.Service); ok {
		r.Service = v
	}
	if v, ok := get(f.Message); ok {
		r.Message = v
	}
}
