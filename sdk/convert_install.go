package sdk

import (
	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

func installRequestToProto(r InstallRequest) *platformv1.InstallRequest {
	return &platformv1.InstallRequest{
		Binding:     bindingToProto(&r.Binding),
		Credentials: credentialsToProto(r.Credentials),
		WebhookUrl:  r.WebhookURL,
	}
}

func installRequestFromProto(p *platformv1.InstallRequest) InstallRequest {
	return InstallRequest{
		Binding:     bindingValueFromProto(p.GetBinding()),
		Credentials: credentialsFromProto(p.GetCredentials()),
		WebhookURL:  p.GetWebhookUrl(),
	}
}

func installStateToProto(s InstallState) *platformv1.InstallState {
	return &platformv1.InstallState{Data: copySlice(s.Data), Summary: copyStrings(s.Summary)}
}

func installStateFromProto(p *platformv1.InstallState) InstallState {
	return InstallState{Data: copySlice(p.GetData()), Summary: copyStrings(p.GetSummary())}
}
