package sdk

import (
	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

func oauthClientToProto(c OAuthClient) *platformv1.OAuthClient {
	if c == (OAuthClient{}) {
		return nil
	}
	return &platformv1.OAuthClient{Id: c.ID, Secret: c.Secret}
}

func oauthClientFromProto(p *platformv1.OAuthClient) OAuthClient {
	return OAuthClient{ID: p.GetId(), Secret: p.GetSecret()}
}

func installRequestToProto(r InstallRequest) *platformv1.InstallRequest {
	return &platformv1.InstallRequest{
		Binding:     bindingToProto(&r.Binding),
		Credentials: credentialsToProto(r.Credentials),
		WebhookUrl:  r.WebhookURL,
		Client:      oauthClientToProto(r.Client),
	}
}

func installRequestFromProto(p *platformv1.InstallRequest) InstallRequest {
	return InstallRequest{
		Binding:     bindingValueFromProto(p.GetBinding()),
		Credentials: credentialsFromProto(p.GetCredentials()),
		WebhookURL:  p.GetWebhookUrl(),
		Client:      oauthClientFromProto(p.GetClient()),
	}
}

func installStateToProto(s InstallState) *platformv1.InstallState {
	return &platformv1.InstallState{
		Data:       copySlice(s.Data),
		Summary:    copyStrings(s.Summary),
		ApiBaseUrl: s.APIBaseURL,
		MaintainAt: timeToProto(s.MaintainAt),
	}
}

func installStateFromProto(p *platformv1.InstallState) InstallState {
	return InstallState{
		Data:       copySlice(p.GetData()),
		Summary:    copyStrings(p.GetSummary()),
		APIBaseURL: p.GetApiBaseUrl(),
		MaintainAt: timeFromProto(p.GetMaintainAt()),
	}
}

func maintainRequestToProto(r MaintainRequest) *platformv1.MaintainRequest {
	return &platformv1.MaintainRequest{
		Credentials: credentialsToProto(r.Credentials),
		State:       installStateToProto(r.State),
		Binding:     bindingToProto(&r.Binding),
		Client:      oauthClientToProto(r.Client),
	}
}

func maintainRequestFromProto(p *platformv1.MaintainRequest) MaintainRequest {
	return MaintainRequest{
		Credentials: credentialsFromProto(p.GetCredentials()),
		State:       installStateFromProto(p.GetState()),
		Binding:     bindingValueFromProto(p.GetBinding()),
		Client:      oauthClientFromProto(p.GetClient()),
	}
}
