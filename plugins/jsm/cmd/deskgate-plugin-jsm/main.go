// Command deskgate-plugin-jsm is the Jira Service Management desk plugin.
// The gateway starts it through go-plugin; run by hand it only answers
// -version.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sigsentry/deskgate/plugins/jsm"
	"github.com/sigsentry/deskgate/sdk"
)

func main() {
	version := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *version {
		fmt.Println("deskgate-plugin-jsm", jsm.Version)
		os.Exit(0)
	}
	sdk.Serve(jsm.New(jsm.WithLogger(sdk.Logger())))
}
