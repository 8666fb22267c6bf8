package gen

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// ServiceSpec is one service's background traffic.
type ServiceSpec struct {
	Name      string
	PerMinute float64 // mean requests per minute at the daily peak
}

// Incident changes a service's logs for a while.
type Incident struct {
	Service  string
	Start    time.Time
	Duration time.Duration
	// FailRate is the share of requests that fail with Message.
	FailRate float64
	// Status is the HTTP status of failing requests; 0 logs them without one.
	Status int
	// Message is the error text; {id} {n} {ip} {email} {uuid} {ms} are
	// filled with random values per line.
	Message string
	// Level of failing lines, "error" when empty.
	Level string
	// Traffic multiplies the request rate (0.1 is a drop to 10 %); 0 keeps it.
	Traffic float64
	// SlowShare of the successful requests log a slow-request warning.
	SlowShare float64
}

// Spec is a whole generated world.
type Spec struct {
	Seed      uint64
	From, To  time.Time
	Services  []ServiceSpec
	Incidents []Incident
	// Diurnal scales traffic by time of day (quiet nights) when true.
	Diurnal bool
}

// CheckoutServices is the demo project's services at demo scale.
func CheckoutServices(scale float64) []ServiceSpec {
	return []ServiceSpec{
		{"checkout-api", 24 * scale},
		{"payments", 16 * scale},
		{"auth", 18 * scale},
		{"search", 14 * scale},
		{"notifications", 8 * scale},
	}
}

type tmpl struct {
	weight int
	level  string
	status int
	msg    string
}

// background is what each service logs on a normal day. 4xx lines are
// normal traffic; a few server errors happen on any day.
var background = map[string][]tmpl{
	"checkout-api": {
		{500, "info", 200, "POST /checkout/pay completed order={n} in {ms}ms"},
		{300, "info", 200, "GET /cart/{n} ok in {ms}ms"},
		{120, "info", 201, "POST /cart/items added sku={id}"},
		{25, "warn", 422, "POST /checkout/pay validation failed: missing shipping address order={n}"},
		{20, "warn", 402, "POST /checkout/pay card declined order={n}"},
		{12, "info", 404, "GET /cart/{n} not found"},
		{2, "error", 500, "POST /checkout/pay unexpected EOF reading body from {ip}"},
	},
	"payments": {
		{600, "info", 200, "charge succeeded ch_{id} amount={n} currency=EUR"},
		{80, "info", 200, "refund issued re_{id} amount={n}"},
		{60, "warn", 402, "card declined ch_{id}: insufficient funds"},
		{15, "warn", 402, "card declined ch_{id}: expired card"},
		{2, "error", 500, "idempotency key conflict for ch_{id}"},
	},
	"auth": {
		{500, "info", 200, "login ok user={email}"},
		{250, "info", 200, "token refreshed session={uuid}"},
		{70, "warn", 401, "login failed: wrong password user={email}"},
		{10, "warn", 429, "rate limited login attempts from {ip}"},
		{1, "error", 500, "session store slow response from {ip}:6379"},
	},
	"search": {
		{700, "info", 200, "GET /search q={id} hits={n} took {ms}ms"},
		{40, "info", 400, "GET /search rejected: query too long"},
		{3, "error", 500, "search shard {n} returned partial results"},
	},
	"notifications": {
		{600, "info", 0, "email sent to {email} template=order_confirmation id={uuid}"},
		{200, "info", 0, "push delivered device={id}"},
		{20, "warn", 0, "email bounced for {email}: mailbox full"},
		{2, "error", 0, "template render failed for id={uuid}: missing variable"},
	},
}

type event struct {
	t   time.Time
	svc int
	tm  tmpl
	inc *Incident
}

// Stream produces the world's log lines as jsonl, in time order across
// services, calling fn with the service and the line (without newline). The
// line buffer is reused: fn must copy what it keeps.
func Stream(spec Spec, fn func(service string, line []byte) error) error {
	rng := rand.New(rand.NewPCG(spec.Seed, spec.Seed^0x9e3779b97f4a7c15))
	totals := make([][]int, len(spec.Services))
	for i, s := range spec.Services {
		bg := background[s.Name]
		if len(bg) == 0 {
			bg = background["search"]
		}
		acc := 0
		for _, t := range bg {
			acc += t.weight
			totals[i] = append(totals[i], acc)
		}
	}
	var events []event
	var line []byte
	for m := spec.From.Truncate(time.Minute); m.Before(spec.To); m = m.Add(time.Minute) {
		events = events[:0]
		factor := 1.0
		if spec.Diurnal {
			h := float64(m.Hour()) + float64(m.Minute())/60
			// quiet at 04:00, busy in the afternoon
			factor = 0.35 + 0.65*(0.5-0.5*math.Cos((h-4)/24*2*math.Pi))
		}
		for si, s := range spec.Services {
			bg := background[s.Name]
			if len(bg) == 0 {
				bg = background["search"]
			}
			var incs []*Incident
			traffic := 1.0
			for k := range spec.Incidents {
				in := &spec.Incidents[k]
				if in.Service == s.Name && !m.Before(in.Start.Truncate(time.Minute)) && m.Before(in.Start.Add(in.Duration)) {
					incs = append(incs, in)
					if in.Traffic > 0 {
						traffic *= in.Traffic
					}
				}
			}
			mean := s.PerMinute * factor * traffic
			n := int(mean*(0.85+0.3*rng.Float64()) + rng.Float64())
			for e := 0; e < n; e++ {
				t := m.Add(time.Duration(rng.Int64N(int64(time.Minute))))
				if t.Before(spec.From) || !t.Before(spec.To) {
					continue
				}
				ev := event{t: t, svc: si}
				for _, in := range incs {
					if !t.Before(in.Start) && t.Before(in.Start.Add(in.Duration)) && in.FailRate > 0 && rng.Float64() < in.FailRate {
						ev.inc = in
						break
					}
				}
				if ev.inc == nil {
					r := rng.IntN(totals[si][len(totals[si])-1])
					ev.tm = bg[sort.SearchInts(totals[si], r+1)]
					for _, in := range incs {
						if in.SlowShare > 0 && ev.tm.level == "info" && rng.Float64() < in.SlowShare {
							ev.tm = tmpl{level: "warn", status: 200, msg: "slow request: {ms}00ms exceeds budget"}
						}
					}
				}
				events = append(events, ev)
			}
		}
		sort.Slice(events, func(i, j int) bool { return events[i].t.Before(events[j].t) })
		for _, ev := range events {
			line = appendLine(line[:0], rng, spec.Services[ev.svc].Name, ev)
			if err := fn(spec.Services[ev.svc].Name, line); err != nil {
				return err
			}
		}
	}
	return nil
}

func appendLine(b []byte, rng *rand.Rand, svc string, ev event) []byte {
	level, status, msg := ev.tm.level, ev.tm.status, ev.tm.msg
	if ev.inc != nil {
		level, status, msg = ev.inc.Level, ev.inc.Status, ev.inc.Message
		if level == "" {
			level = "error"
		}
	}
	b = append(b, `{"time":"`...)
	b = ev.t.UTC().AppendFormat(b, "2006-01-02T15:04:05.000Z07:00")
	b = append(b, `","level":"`...)
	b = append(b, level...)
	b = append(b, `","service":"`...)
	b = append(b, svc...)
	b = append(b, `","msg":"`...)
	b = fill(b, rng, msg)
	b = append(b, '"')
	if status != 0 {
		b = append(b, `,"status":`...)
		b = strconv.AppendInt(b, int64(status), 10)
	}
	b = append(b, `,"request_id":"`...)
	b = appendID(b, rng, 16)
	b = append(b, `"}`...)
	return b
}

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
const hexd = "0123456789abcdef"

func appendID(b []byte, rng *rand.Rand, n int) []byte {
	for i := 0; i < n; i++ {
		b = append(b, hexd[rng.IntN(16)])
	}
	return b
}

// fill expands the placeholders of a message template.
func fill(b []byte, rng *rand.Rand, msg string) []byte {
	for i := 0; i < len(msg); i++ {
		if msg[i] != '{' {
			b = append(b, msg[i])
			continue
		}
		j := i + 1
		for j < len(msg) && msg[j] != '}' {
			j++
		}
		switch msg[i+1 : j] {
		case "id":
			for k := 0; k < 10; k++ {
				b = append(b, alnum[rng.IntN(len(alnum))])
			}
		case "n":
			b = strconv.AppendInt(b, 1000+rng.Int64N(900000), 10)
		case "ms":
			b = strconv.AppendInt(b, 5+rng.Int64N(400), 10)
		case "ip":
			b = append(b, "10."...)
			b = strconv.AppendInt(b, rng.Int64N(256), 10)
			b = append(b, '.')
			b = strconv.AppendInt(b, rng.Int64N(256), 10)
			b = append(b, '.')
			b = strconv.AppendInt(b, 1+rng.Int64N(254), 10)
		case "email":
			b = append(b, "user"...)
			b = strconv.AppendInt(b, rng.Int64N(100000), 10)
			b = append(b, "@example.com"...)
		case "uuid":
			for k, n := range []int{8, 4, 4, 4, 12} {
				if k > 0 {
					b = append(b, '-')
				}
				b = appendID(b, rng, n)
			}
		default:
			b = append(b, msg[i:j+1]...)
		}
		i = j
	}
	return b
}

// WriteDir writes one <service>.jsonl file per service into dir and returns
// the number of lines written.
func WriteDir(spec Spec, dir string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("create log dir: %w", err)
	}
	files := map[string]*os.File{}
	writers := map[string]*bufio.Writer{}
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	for _, s := range spec.Services {
		f, err := os.Create(filepath.Join(dir, s.Name+".jsonl"))
		if err != nil {
			return 0, fmt.Errorf("create log file: %w", err)
		}
		files[s.Name] = f
		writers[s.Name] = bufio.NewWriterSize(f, 256<<10)
	}
	n := 0
	err := Stream(spec, func(svc string, line []byte) error {
		n++
		w := writers[svc]
		w.Write(line)
		return w.WriteByte('\n')
	})
	if err != nil {
		return n, fmt.Errorf("generate logs: %w", err)
	}
	for name, w := range writers {
		if err := w.Flush(); err != nil {
			return n, fmt.Errorf("write %s logs: %w", name, err)
		}
		if err := files[name].Close(); err != nil {
			return n, fmt.Errorf("write %s logs: %w", name, err)
		}
		delete(files, name)
	}
	return n, nil
}

// WriteFile writes every service into one time-ordered jsonl file and
// returns the number of lines and bytes written.
func WriteFile(spec Spec, path string) (int, int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, fmt.Errorf("create log file: %w", err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	n, size := 0, int64(0)
	err = Stream(spec, func(_ string, line []byte) error {
		n++
		size += int64(len(line)) + 1
		w.Write(line)
		return w.WriteByte('\n')
	})
	if err != nil {
		return n, size, fmt.Errorf("generate logs: %w", err)
	}
	if err := w.Flush(); err != nil {
		return n, size, fmt.Errorf("write logs: %w", err)
	}
	return n, size, f.Close()
}
