package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// reloadCmd is `deskgate reload`: the running gateway re-reads its config
// files (as on SIGHUP). A refused config is printed with file:line and the
// gateway keeps running with the config it had.
func reloadCmd(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("reload", flag.ContinueOnError)
	cfgPath := fs.String("config", os.Getenv("DESKGATE_CONFIG"), "config file (for the default --addr)")
	addr := fs.String("addr", "", "gateway admin address, e.g. http://127.0.0.1:8080")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageError{"usage: deskgate reload [--addr URL] [--config FILE]"}
	}
	if *addr == "" {
		*addr = defaultAddr(*cfgPath)
	}
	c := &client{addr: *addr, token: os.Getenv("DESKGATE_ADMIN_TOKEN"), http: &http.Client{Timeout: 60 * time.Second}}
	var out struct {
		Bindings int
		Warnings []string
	}
	if err := c.do(http.MethodPost, "/api/reload", nil, &out); err != nil {
		return fmt.Errorf("config not reloaded: %w", err)
	}
	for _, w := range out.Warnings {
		fmt.Fprintln(stdout, w)
	}
	fmt.Fprintf(stdout, "config reloaded: %d binding(s)\n", out.Bindings)
	return nil
}
