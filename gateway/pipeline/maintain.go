package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/sigsentry/deskgate/gateway/maintain"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// Maintenance renews a binding's installation (oauth.Manager): it reports
// whether there was anything to do for the MaintainAt due, and audits what
// it did.
type Maintenance interface {
	Maintain(ctx context.Context, key store.BindingKey, due time.Time) (bool, error)
}

// maintain runs one installation maintenance job (queued by a
// maintain.Scheduler). Its errors end the job as the plugin's error kind
// says: retried when retryable, dead-lettered when permanent or when the
// plugin cannot maintain (KindUnsupported).
func (p *Pipeline) maintain(ctx context.Context, job *queue.Job) error {
	if p.o.Config().Binding(job.Binding.Platform, job.Binding.Name) == nil {
		return &jobError{stage: "maintain", err: fmt.Errorf("binding %s is no longer configured", job.Binding), outcome: skipped}
	}
	due, err := maintain.Due(job)
	if err != nil {
		return &jobError{stage: "maintain", err: err, outcome: dead}
	}
	if p.o.Maintenance == nil {
		return &jobError{stage: "maintain", err: fmt.Errorf("this gateway runs no installation maintenance"), outcome: dead}
	}
	did, err := p.o.Maintenance.Maintain(ctx, job.Binding, due)
	if err != nil {
		return p.classify("maintain", err)
	}
	if !did {
		return &jobError{stage: "maintain", err: fmt.Errorf("nothing to maintain: the binding is not active or was maintained already"), outcome: skipped}
	}
	return nil
}
