package sdk

import (
	"context"
	"fmt"

	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

// grpcClient is the host side of a Platform: each call goes over gRPC to the
// plugin process, and errors come back as *Error (see errorFromStatus).
type grpcClient struct {
	rpc platformv1.PlatformClient
}

var (
	_ Platform   = (*grpcClient)(nil)
	_ Maintainer = (*grpcClient)(nil)
)

func (c *grpcClient) Describe(ctx context.Context, binding *Binding) (*Description, error) {
	resp, err := c.rpc.Describe(ctx, &platformv1.DescribeRequest{Binding: bindingToProto(binding)})
	if err != nil {
		return nil, errorFromStatus(ctx, "describe", err)
	}
	return descriptionFromProto(resp), nil
}

func (c *grpcClient) Install(ctx context.Context, req InstallRequest) (*InstallState, error) {
	resp, err := c.rpc.Install(ctx, installRequestToProto(req))
	if err != nil {
		return nil, errorFromStatus(ctx, "install", err)
	}
	st := installStateFromProto(resp)
	return &st, nil
}

func (c *grpcClient) Verify(ctx context.Context, req VerifyRequest) ([]Event, error) {
	resp, err := c.rpc.Verify(ctx, verifyRequestToProto(req))
	if err != nil {
		return nil, errorFromStatus(ctx, "verify delivery", err)
	}
	return eventsFromProto(resp), nil
}

func (c *grpcClient) GetTicket(ctx context.Context, creds Credentials, ticketID string) (*Ticket, error) {
	resp, err := c.rpc.GetTicket(ctx, &platformv1.GetTicketRequest{Credentials: credentialsToProto(creds), TicketId: ticketID})
	if err != nil {
		return nil, errorFromStatus(ctx, "get ticket "+ticketID, err)
	}
	return ticketFromProto(resp), nil
}

func (c *grpcClient) PostComment(ctx context.Context, creds Credentials, ticketID string, cm Comment) error {
	_, err := c.rpc.PostComment(ctx, &platformv1.PostCommentRequest{
		Credentials: credentialsToProto(creds),
		TicketId:    ticketID,
		Comment:     commentToProto(cm),
	})
	return errorFromStatus(ctx, "post comment to ticket "+ticketID, err)
}

func (c *grpcClient) SetFields(ctx context.Context, creds Credentials, ticketID string, fields map[string]any) error {
	pf, err := fieldsToProto(fields)
	if err != nil {
		// The gateway built a value the wire cannot carry: a bug, not a
		// desk hiccup.
		return fmt.Errorf("set fields on ticket %s: %w", ticketID, &Error{Kind: KindPermanent, Message: err.Error()})
	}
	_, err = c.rpc.SetFields(ctx, &platformv1.SetFieldsRequest{
		Credentials: credentialsToProto(creds),
		TicketId:    ticketID,
		Fields:      pf,
	})
	return errorFromStatus(ctx, "set fields on ticket "+ticketID, err)
}

func (c *grpcClient) Uninstall(ctx context.Context, creds Credentials, state InstallState) error {
	_, err := c.rpc.Uninstall(ctx, &platformv1.UninstallRequest{
		Credentials: credentialsToProto(creds),
		State:       installStateToProto(state),
	})
	return errorFromStatus(ctx, "uninstall", err)
}

func (c *grpcClient) Check(ctx context.Context, creds Credentials, state InstallState, binding Binding) ([]CheckResult, error) {
	resp, err := c.rpc.Check(ctx, &platformv1.CheckRequest{
		Credentials: credentialsToProto(creds),
		State:       installStateToProto(state),
		Binding:     bindingToProto(&binding),
	})
	if err != nil {
		return nil, errorFromStatus(ctx, "check", err)
	}
	return checkResultsFromProto(resp), nil
}

// Maintain always exists on the host side; a plugin without it answers
// KindUnsupported.
func (c *grpcClient) Maintain(ctx context.Context, req MaintainRequest) (*InstallState, error) {
	resp, err := c.rpc.Maintain(ctx, maintainRequestToProto(req))
	if err != nil {
		return nil, errorFromStatus(ctx, "maintain installation", err)
	}
	st := installStateFromProto(resp)
	return &st, nil
}
