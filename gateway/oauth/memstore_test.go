package oauth

import (
	"context"
	"sync"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
)

// memStore is an in-memory Store for this package's unit tests: the three
// store roles the Manager uses (bindings, tokens, audit) and nothing else.
type memStore struct {
	mu       sync.Mutex
	bindings map[store.BindingKey]store.Binding
	tokens   map[store.BindingKey]store.Token
	versions map[store.BindingKey]int64
	states   map[string]memState
	audit    []store.AuditEntry
}

type memState struct {
	s       store.OAuthState
	expires time.Time
}

func newMemStore() *memStore {
	return &memStore{
		bindings: map[store.BindingKey]store.Binding{},
		tokens:   map[store.BindingKey]store.Token{},
		versions: map[store.BindingKey]int64{},
		states:   map[string]memState{},
	}
}

func (s *memStore) GetBinding(_ context.Context, key store.BindingKey) (store.Binding, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.bindings[key]
	if !ok {
		return store.Binding{}, store.ErrNotFound
	}
	return b, nil
}

func (s *memStore) ListBindings(context.Context) ([]store.Binding, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []store.Binding
	for _, b := range s.bindings {
		out = append(out, b)
	}
	return out, nil
}

func (s *memStore) PutBinding(_ context.Context, b store.Binding) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bindings[b.Key] = b
	return nil
}

func (s *memStore) SetStatus(_ context.Context, key store.BindingKey, status store.Status, lastError string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.bindings[key]
	b.Key, b.Status, b.LastError = key, status, lastError
	s.bindings[key] = b
	return nil
}

func (s *memStore) TouchDelivery(_ context.Context, key store.BindingKey, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.bindings[key]
	b.Key, b.LastDeliveryAt = key, at
	s.bindings[key] = b
	return nil
}

func (s *memStore) GetToken(_ context.Context, key store.BindingKey) (store.Token, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tokens[key]
	if !ok {
		return store.Token{}, store.ErrNotFound
	}
	return t, nil
}

func (s *memStore) PutToken(_ context.Context, key store.BindingKey, t store.Token) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.versions[key]++
	t.Version = s.versions[key]
	s.tokens[key] = t
	return t.Version, nil
}

func (s *memStore) DeleteSecrets(_ context.Context, key store.BindingKey) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tokens, key)
	if b, ok := s.bindings[key]; ok {
		b.Install = nil
		s.bindings[key] = b
	}
	return nil
}

func (s *memStore) PutOAuthState(_ context.Context, state string, st store.OAuthState, expiresAt time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.states[state] = memState{st, expiresAt}
	return nil
}

func (s *memStore) TakeOAuthState(_ context.Context, state string, now time.Time) (store.OAuthState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.states[state]
	delete(s.states, state)
	if !ok || !now.Before(st.expires) {
		return store.OAuthState{}, store.ErrNotFound
	}
	return st.s, nil
}

func (s *memStore) AppendAudit(_ context.Context, e store.AuditEntry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e.ID = int64(len(s.audit) + 1)
	s.audit = append(s.audit, e)
	return nil
}

func (s *memStore) QueryAudit(_ context.Context, f store.AuditFilter) ([]store.AuditEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []store.AuditEntry
	for i := len(s.audit) - 1; i >= 0; i-- {
		e := s.audit[i]
		if (f.Binding == "" || e.Binding == f.Binding) && (f.Action == "" || e.Action == f.Action) &&
			(f.Outcome == "" || e.Outcome == f.Outcome) {
			out = append(out, e)
		}
	}
	return out, nil
}

var _ Store = (*memStore)(nil)
