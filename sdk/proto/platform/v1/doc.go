// Package platformv1 is the generated wire form (protobuf + gRPC) of version 1
// of the deskgate plugin protocol. Edit platform.proto and run `make proto`;
// never edit the .pb.go files by hand.
//
// Only package sdk should import this: plugin authors and the gateway use the
// Go types of sdk, and the conversions in sdk/convert_*.go are the one place
// that knows both forms.
package platformv1
