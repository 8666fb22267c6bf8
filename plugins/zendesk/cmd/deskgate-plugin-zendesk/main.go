// Command deskgate-plugin-zendesk is the Zendesk desk plugin. The gateway
// starts it through go-plugin; run by hand it only answers -version.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"

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
	if os.Getenv("GOMAXPROCS") == "" {
		// The gateway verifies Zendesk deliveries itself (the plugin's
		// recipe), so this process only serves the workers' calls, each
		// waiting on the desk. With one P it hands a call's goroutines
		// (gRPC, the HTTP client's loops) to each other without waking
		// a thread per core. BenchmarkGetTicket_missingRoundTrip, six
		// interleaved runs each: the plugin's CPU per call, medians, 115
		// -> 94 µs with four callers (every run lower), 145 -> 133 µs
		// with one; time per call no worse. GOMAXPROCS in the plugin's
		// environment still decides.
		runtime.GOMAXPROCS(1)
	}
	sdk.Serve(zendesk.New(zendesk.WithLogger(sdk.Logger())))
}
