package sdk

import (
	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

func checkResultsToProto(rs []CheckResult) *platformv1.CheckResponse {
	resp := &platformv1.CheckResponse{}
	for _, r := range rs {
		resp.Results = append(resp.Results, &platformv1.CheckResult{
			Name: r.Name, Ok: r.OK, Detail: r.Detail, Fix: r.Fix,
		})
	}
	return resp
}

func checkResultsFromProto(p *platformv1.CheckResponse) []CheckResult {
	var rs []CheckResult
	for _, r := range p.GetResults() {
		rs = append(rs, CheckResult{Name: r.GetName(), OK: r.GetOk(), Detail: r.GetDetail(), Fix: r.GetFix()})
	}
	return rs
}
