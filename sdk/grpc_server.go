package sdk

import (
	"context"
	"runtime/debug"

	"github.com/hashicorp/go-hclog"
	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

// grpcServer runs in the plugin process and turns gRPC calls into calls on
// the plugin's Platform.
type grpcServer struct {
	platformv1.UnimplementedPlatformServer
	impl   Platform
	logger hclog.Logger
}

// guard ends every RPC: it turns a panic in the plugin's code into a
// KindPermanent "internal error" (the process, and every other tenant's
// calls, carry on) and encodes the returned error for the wire.
func (s *grpcServer) guard(ctx context.Context, method string, err *error) {
	if r := recover(); r != nil {
		s.logger.Error("plugin method panicked", "method", method, "panic", r, "stack", string(debug.Stack()))
		*err = &Error{Kind: KindPermanent, Message: "internal error"}
	}
	*err = errorToStatus(ctx, *err)
}

func (s *grpcServer) Describe(ctx context.Context, req *platformv1.DescribeRequest) (resp *platformv1.Description, err error) {
	defer s.guard(ctx, "Describe", &err)
	d, err := s.impl.Describe(ctx, bindingFromProto(req.GetBinding()))
	if err != nil {
		return nil, err
	}
	if d == nil {
		d = &Description{}
	}
	return descriptionToProto(d), nil
}

func (s *grpcServer) Install(ctx context.Context, req *platformv1.InstallRequest) (resp *platformv1.InstallState, err error) {
	defer s.guard(ctx, "Install", &err)
	st, err := s.impl.Install(ctx, installRequestFromProto(req))
	if err != nil {
		return nil, err
	}
	if st == nil {
		st = &InstallState{}
	}
	return installStateToProto(*st), nil
}

func (s *grpcServer) Verify(ctx context.Context, req *platformv1.VerifyRequest) (resp *platformv1.VerifyResponse, err error) {
	defer s.guard(ctx, "Verify", &err)
	events, err := s.impl.Verify(ctx, verifyRequestFromProto(req))
	if err != nil {
		return nil, err
	}
	return eventsToProto(events)
}

func (s *grpcServer) GetTicket(ctx context.Context, req *platformv1.GetTicketRequest) (resp *platformv1.Ticket, err error) {
	defer s.guard(ctx, "GetTicket", &err)
	t, err := s.impl.GetTicket(ctx, credentialsFromProto(req.GetCredentials()), req.GetTicketId())
	if err != nil {
		return nil, err
	}
	if t == nil {
		t = &Ticket{}
	}
	return ticketToProto(t)
}

func (s *grpcServer) PostComment(ctx context.Context, req *platformv1.PostCommentRequest) (resp *platformv1.Empty, err error) {
	defer s.guard(ctx, "PostComment", &err)
	err = s.impl.PostComment(ctx, credentialsFromProto(req.GetCredentials()), req.GetTicketId(), commentFromProto(req.GetComment()))
	if err != nil {
		return nil, err
	}
	return &platformv1.Empty{}, nil
}

func (s *grpcServer) SetFields(ctx context.Context, req *platformv1.SetFieldsRequest) (resp *platformv1.Empty, err error) {
	defer s.guard(ctx, "SetFields", &err)
	err = s.impl.SetFields(ctx, credentialsFromProto(req.GetCredentials()), req.GetTicketId(), fieldsFromProto(req.GetFields()))
	if err != nil {
		return nil, err
	}
	return &platformv1.Empty{}, nil
}

func (s *grpcServer) Uninstall(ctx context.Context, req *platformv1.UninstallRequest) (resp *platformv1.Empty, err error) {
	defer s.guard(ctx, "Uninstall", &err)
	err = s.impl.Uninstall(ctx, credentialsFromProto(req.GetCredentials()), installStateFromProto(req.GetState()))
	if err != nil {
		return nil, err
	}
	return &platformv1.Empty{}, nil
}

func (s *grpcServer) Check(ctx context.Context, req *platformv1.CheckRequest) (resp *platformv1.CheckResponse, err error) {
	defer s.guard(ctx, "Check", &err)
	rs, err := s.impl.Check(ctx, credentialsFromProto(req.GetCredentials()), installStateFromProto(req.GetState()), bindingValueFromProto(req.GetBinding()))
	if err != nil {
		return nil, err
	}
	return checkResultsToProto(rs), nil
}

func (s *grpcServer) Maintain(ctx context.Context, req *platformv1.MaintainRequest) (resp *platformv1.InstallState, err error) {
	defer s.guard(ctx, "Maintain", &err)
	m, ok := s.impl.(Maintainer)
	if !ok {
		return nil, &Error{Kind: KindUnsupported, Message: "this plugin's installations need no maintenance (it does not implement Maintain)"}
	}
	st, err := m.Maintain(ctx, maintainRequestFromProto(req))
	if err != nil {
		return nil, err
	}
	if st == nil {
		return nil, &Error{Kind: KindPermanent, Message: "Maintain returned no install state"}
	}
	return installStateToProto(*st), nil
}
