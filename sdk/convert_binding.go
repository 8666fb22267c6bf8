package sdk

import (
	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

func bindingToProto(b *Binding) *platformv1.Binding {
	if b == nil {
		return nil
	}
	return &platformv1.Binding{
		Platform:   b.Platform,
		Name:       b.Name,
		Attributes: copyStrings(b.Attributes),
		FieldIds:   copyStrings(b.FieldIDs),
	}
}

// bindingFromProto returns nil for an unset binding: Describe uses that to
// mean "the static parts only".
func bindingFromProto(p *platformv1.Binding) *Binding {
	if p == nil {
		return nil
	}
	return &Binding{
		Platform:   p.GetPlatform(),
		Name:       p.GetName(),
		Attributes: copyStrings(p.GetAttributes()),
		FieldIDs:   copyStrings(p.GetFieldIds()),
	}
}

// bindingValueFromProto is bindingFromProto for calls whose binding is not
// optional.
func bindingValueFromProto(p *platformv1.Binding) Binding {
	if b := bindingFromProto(p); b != nil {
		return *b
	}
	return Binding{}
}
