// Command deskgate-plugin-zendesk is the Zendesk desk plugin. The gateway
// starts it through go-plugin; run by hand it only answers -version.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sigsentry/deskgate/plugins/zendesk"
	"github.com/sigsentry/deskgate/sdk"
)

func main() {
	version := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *version {
		fmt.Println("deskgate-plugin-zendesk", zendesk.Version)
		os.Exit(0)
	}
	sdk.Serve(zendesk.New(zendesk.WithLogger(sdk.Logger())))
}
