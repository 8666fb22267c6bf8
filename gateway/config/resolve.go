package config

import (
	"fmt"
	"strings"
)

// ResolveBinding finds the binding an operator named (design.md §4): the
// full "platform/name", or the bare "name" when exactly one configured
// binding has it. Every place that takes a binding from a person (CLI flags,
// API query parameters, the web UI's filters) resolves it here, so they all
// accept and refuse the same things.
//
// It answers *AmbiguousBindingError when a bare name matches several
// bindings and *UnknownBindingError when nothing matches.
func (c *Config) ResolveBinding(s string) (*Binding, error) {
	var bindings []*Binding
	if c != nil {
		bindings = c.Bindings
	}
	if plat, name, full := strings.Cut(s, "/"); full {
		if b := c.Binding(plat, name); b != nil {
			return b, nil
		}
		return nil, &UnknownBindingError{Name: s, Configured: bindingKeys(bindings)}
	}
	var matches []*Binding
	for _, b := range bindings {
		if b.Name == s {
			matches = append(matches, b)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return nil, &UnknownBindingError{Name: s, Configured: bindingKeys(bindings)}
	default:
		return nil, &AmbiguousBindingError{Name: s, Matches: bindingKeys(matches)}
	}
}

// AmbiguousBindingError is a bare binding name that several platforms'
// bindings share; the operator has to say which one.
type AmbiguousBindingError struct {
	Name    string
	Matches []string // "platform/name", in config file order
}

func (e *AmbiguousBindingError) Error() string {
	return fmt.Sprintf("binding %q is ambiguous: %s", e.Name, strings.Join(e.Matches, ", "))
}

// UnknownBindingError is a binding name that no configured binding has.
type UnknownBindingError struct {
	Name       string
	Configured []string // every configured "platform/name", in config file order
}

func (e *UnknownBindingError) Error() string {
	if len(e.Configured) == 0 {
		return fmt.Sprintf("no binding %q (none configured)", e.Name)
	}
	return fmt.Sprintf("no binding %q (configured: %s)", e.Name, strings.Join(e.Configured, ", "))
}

func bindingKeys(bs []*Binding) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Key()
	}
	return out
}
