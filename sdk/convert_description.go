package sdk

import (
	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

func descriptionToProto(d *Description) *platformv1.Description {
	if d == nil {
		return nil
	}
	p := &platformv1.Description{
		Name:            d.Name,
		ProtocolVersion: int32(d.ProtocolVersion),
		AuthorizeUrl:    d.AuthorizeURL,
		TokenUrl:        d.TokenURL,
		ApiBaseUrl:      d.APIBaseURL,
		Scopes:          copySlice(d.Scopes),
		Pkce:            d.PKCE,
		AuthorizeParams: copyStrings(d.AuthorizeParams),
		TokenRequest:    platformv1.TokenRequestStyle(d.TokenRequest),
		CannotRevoke:    d.CannotRevoke,
		RevokeHelp:      d.RevokeHelp,
		DisplayName:     d.DisplayName,
		VerifyRecipe:    recipeToProto(d.VerifyRecipe),
	}
	for _, a := range d.Attributes {
		p.Attributes = append(p.Attributes, &platformv1.AttributeSpec{
			Name:        a.Name,
			Required:    a.Required,
			Description: a.Description,
			Kind:        platformv1.AttributeKind(a.Kind),
			Pattern:     a.Pattern,
		})
	}
	return p
}

func descriptionFromProto(p *platformv1.Description) *Description {
	if p == nil {
		return nil
	}
	d := &Description{
		Name:            p.GetName(),
		ProtocolVersion: int(p.GetProtocolVersion()),
		AuthorizeURL:    p.GetAuthorizeUrl(),
		TokenURL:        p.GetTokenUrl(),
		APIBaseURL:      p.GetApiBaseUrl(),
		Scopes:          copySlice(p.GetScopes()),
		PKCE:            p.GetPkce(),
		AuthorizeParams: copyStrings(p.GetAuthorizeParams()),
		TokenRequest:    TokenRequestStyle(p.GetTokenRequest()),
		CannotRevoke:    p.GetCannotRevoke(),
		RevokeHelp:      p.GetRevokeHelp(),
		DisplayName:     p.GetDisplayName(),
		VerifyRecipe:    recipeFromProto(p.GetVerifyRecipe()),
	}
	for _, a := range p.GetAttributes() {
		d.Attributes = append(d.Attributes, AttributeSpec{
			Name:        a.GetName(),
			Required:    a.GetRequired(),
			Description: a.GetDescription(),
			Kind:        AttributeKind(a.GetKind()),
			Pattern:     a.GetPattern(),
		})
	}
	return d
}
