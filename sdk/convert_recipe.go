package sdk

import (
	"time"

	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

func recipeToProto(r *VerifyRecipe) *platformv1.VerifyRecipe {
	if r == nil {
		return nil
	}
	p := &platformv1.VerifyRecipe{
		Algorithm:           r.Algorithm,
		KeyPath:             r.KeyPath,
		KeyEncoding:         r.KeyEncoding,
		SignatureHeader:     r.SignatureHeader,
		SignaturePrefix:     r.SignaturePrefix,
		SignatureEncoding:   r.SignatureEncoding,
		TimestampHeader:     r.TimestampHeader,
		TimestampFormat:     r.TimestampFormat,
		ToleranceMs:         r.Tolerance.Milliseconds(),
		DedupHeader:         r.DedupHeader,
		DedupFallbackHeader: r.DedupFallbackHeader,
		EventTypePath:       r.EventTypePath,
		EventTypes:          copyStrings(r.EventTypes),
		TicketIdPath:        r.TicketIDPath,
		TicketIdDigits:      r.TicketIDDigits,
		OccurredAtPath:      r.OccurredAtPath,
		MaxBody:             int64(r.MaxBody),
	}
	for _, s := range r.Signed {
		p.Signed = append(p.Signed, &platformv1.SignedPart{Kind: s.Kind, Value: s.Value})
	}
	return p
}

func recipeFromProto(p *platformv1.VerifyRecipe) *VerifyRecipe {
	if p == nil {
		return nil
	}
	r := &VerifyRecipe{
		Algorithm:           p.GetAlgorithm(),
		KeyPath:             p.GetKeyPath(),
		KeyEncoding:         p.GetKeyEncoding(),
		SignatureHeader:     p.GetSignatureHeader(),
		SignaturePrefix:     p.GetSignaturePrefix(),
		SignatureEncoding:   p.GetSignatureEncoding(),
		TimestampHeader:     p.GetTimestampHeader(),
		TimestampFormat:     p.GetTimestampFormat(),
		Tolerance:           time.Duration(p.GetToleranceMs()) * time.Millisecond,
		DedupHeader:         p.GetDedupHeader(),
		DedupFallbackHeader: p.GetDedupFallbackHeader(),
		EventTypePath:       p.GetEventTypePath(),
		EventTypes:          copyStrings(p.GetEventTypes()),
		TicketIDPath:        p.GetTicketIdPath(),
		TicketIDDigits:      p.GetTicketIdDigits(),
		OccurredAtPath:      p.GetOccurredAtPath(),
		MaxBody:             int(p.GetMaxBody()),
	}
	for _, s := range p.GetSigned() {
		r.Signed = append(r.Signed, SignedPart{Kind: s.GetKind(), Value: s.GetValue()})
	}
	return r
}
