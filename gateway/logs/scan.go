package logs

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
)

// Blocks grow from firstBlock to blockSize, so a narrow window read after a
// seek stops after a few small blocks, while a long scan runs on big ones.
// Lines are never split between blocks.
const (
	firstBlock = 16 << 10
	blockSize  = 256 << 10
)

// block is a run of whole lines and, once parsed, their records. Raw of
// each record points into data, so a block is recycled only after its
// records were visited.
type block struct {
	data     []byte
	recs     []Record
	lines    int
	unparsed int
	done     chan struct{}
}

// scan reads r to its end (or until visit says stop) in blocks of whole
// lines, parses the blocks on several goroutines and visits the records in
// file order on the calling goroutine. Parsing is most of the cost of
// reading a log, so this is what makes a window cost about 1/GOMAXPROCS of
// its bytes in time. Every goroutine it starts has exited when it returns.
func scan(ctx context.Context, r io.Reader, format string, visit func(*Record) (stop bool, err error)) (lines, unparsed int, err error) {
	workers := runtime.GOMAXPROCS(0)
	if workers > 4 {
		workers = 4
	}
	inflight := workers + 2
	work := make(chan *block, inflight)
	order := make(chan *block, inflight)
	free := make(chan *block, inflight)
	stop := make(chan struct{})
	var readErr error
	var wg sync.WaitGroup

	for w := 0; w < workers; w++ {
		p, perr := NewParser(format)
		if perr != nil {
			return 0, 0, perr
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				parseBlock(p, b)
				close(b.done)
			}
		}()
	}

	wg.Add(1)
	go func() { // producer: owns r, work and order
		defer wg.Done()
		defer close(work)
		defer close(order)
		var carry []byte
		allocated := 0
		size := firstBlock
		for {
			if ctx.Err() != nil {
				readErr = ctx.Err()
				return
			}
			var b *block
			select {
			case b = <-free:
			default:
				if allocated < inflight {
					b = &block{}
					allocated++
				} else {
					select {
					case b = <-free:
					case <-stop:
						return
					}
				}
			}
			select {
			case <-stop:
				return
			default:
			}
			if cap(b.data) < size {
				b.data = make([]byte, 0, size)
			}
			data := append(b.data[:0], carry...)
			carry = carry[:0]
			eof := false
			for {
				if len(data) == cap(data) {
					data = append(data, 0)[:len(data)] // grow for a line longer than a block
				}
				limit := cap(data)
				if len(data) < size && size < limit {
					limit = size
				}
				n, err := r.Read(data[len(data):limit])
				data = data[:len(data)+n]
				if err != nil {
					if !errors.Is(err, io.EOF) {
						readErr = err
						return
					}
					eof = true
					break
				}
				if len(data) >= size && bytes.LastIndexByte(data, '\n') >= 0 {
					break
				}
			}
			if !eof {
				cut := bytes.LastIndexByte(data, '\n') + 1
				carry = append(carry, data[cut:]...)
				data = data[:cut]
			}
			b.data = data
			b.done = make(chan struct{})
			if size < blockSize {
				size *= 2
			}
			work <- b
			order <- b
			if eof {
				return
			}
		}
	}()

	stopped := false
	for b := range order {
		<-b.done
		if !stopped && err == nil {
			lines += b.lines
			unparsed += b.unparsed
			for i := range b.recs {
				s, verr := visit(&b.recs[i])
				if verr != nil || s {
					err = verr
					stopped = true
					close(stop)
					break
				}
			}
		}
		select {
		case free <- b:
		default:
		}
	}
	wg.Wait()
	if err == nil && readErr != nil {
		err = readErr
	}
	return lines, unparsed, err
}

func parseBlock(p *Parser, b *block) {
	b.recs = b.recs[:0]
	b.lines, b.unparsed = 0, 0
	data := b.data
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		var line []byte
		if i < 0 {
			line, data = data, nil
		} else {
			line, data = data[:i], data[i+1:]
		}
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		if len(line) == 0 {
			continue
		}
		b.lines++
		if cap(b.recs) > len(b.recs) {
			b.recs = b.recs[:len(b.recs)+1]
		} else {
			b.recs = append(b.recs, Record{})
		}
		if !p.Parse(line, &b.recs[len(b.recs)-1]) {
			b.recs = b.recs[:len(b.recs)-1]
			b.unparsed++
		}
	}
}
