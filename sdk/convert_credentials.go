package sdk

import (
	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

func credentialsToProto(c Credentials) *platformv1.Credentials {
	return &platformv1.Credentials{AccessToken: c.AccessToken, ApiBaseUrl: c.APIBaseURL}
}

func credentialsFromProto(p *platformv1.Credentials) Credentials {
	return Credentials{AccessToken: p.GetAccessToken(), APIBaseURL: p.GetApiBaseUrl()}
}
