package main

import (
	"os"

	"github.com/sigsentry/deskgate/sdk"
)

func main() {
	sdk.Serve(&platform{log: sdk.Logger().Named("fake"), flaw: os.Getenv("FAKEPLUGIN_FLAW")})
}
