package sdk

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
)

// maintainingDesk is a Platform that also implements Maintainer; the other
// methods are those of noMaintenanceDesk.
type maintainingDesk struct {
	noMaintenanceDesk
	got MaintainRequest
}

func (d *maintainingDesk) Maintain(_ context.Context, req MaintainRequest) (*InstallState, error) {
	d.got = req
	return &InstallState{Data: []byte("renewed"), APIBaseURL: req.State.APIBaseURL, MaintainAt: req.State.MaintainAt.Add(time.Hour)}, nil
}

// noMaintenanceDesk implements Platform only.
type noMaintenanceDesk struct{ Platform }

func TestMaintain_reachesAPluginThatImplementsIt(t *testing.T) {
	desk := &maintainingDesk{}
	srv := &grpcServer{impl: desk, logger: hclog.NewNullLogger()}
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	req := MaintainRequest{
		Credentials: Credentials{AccessToken: "tok", APIBaseURL: "https://api.example/ex/jira/c1"},
		State:       InstallState{Data: []byte("old"), APIBaseURL: "https://api.example/ex/jira/c1", MaintainAt: at},
		Binding:     Binding{Platform: "jsm", Name: "support"},
		Client:      OAuthClient{ID: "cid", Secret: "sec"},
	}
	resp, err := srv.Maintain(context.Background(), maintainRequestToProto(req))
	if err != nil {
		t.Fatalf("Maintain: %v", err)
	}
	if !reflect.DeepEqual(desk.got, req) {
		t.Errorf("the plugin got %#v, want %#v", desk.got, req)
	}
	st := installStateFromProto(resp)
	if string(st.Data) != "renewed" || !st.MaintainAt.Equal(at.Add(time.Hour)) {
		t.Errorf("the host got state %q maintain at %v", st.Data, st.MaintainAt)
	}
}

func TestMaintain_ofAPluginWithoutItIsUnsupported(t *testing.T) {
	srv := &grpcServer{impl: noMaintenanceDesk{}, logger: hclog.NewNullLogger()}
	ctx := context.Background()
	_, err := srv.Maintain(ctx, maintainRequestToProto(MaintainRequest{}))
	got := errorFromStatus(ctx, "maintain installation", err)
	if !IsKind(got, KindUnsupported) {
		t.Fatalf("got %v (kind %s), want unsupported", got, KindOf(got))
	}
}

func TestOAuthClient_keepsItsSecretOutOfFormattedOutput(t *testing.T) {
	c := OAuthClient{ID: "cid", Secret: "s3cr3t-value"}
	req := MaintainRequest{Client: c}
	for _, s := range []string{c.String(), c.GoString(), fmtAll(c), fmtAll(InstallRequest{Client: c}), fmtAll(req)} {
		if contains(s, "s3cr3t-value") {
			t.Errorf("formatted output carries the client secret: %s", s)
		}
	}
}

func fmtAll(v any) string {
	return fmt.Sprintf("%v %+v %#v %s", v, v, v, v)
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
