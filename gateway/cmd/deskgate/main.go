// Command deskgate is the gateway: `deskgate serve` runs it, `validate`
// checks a config, `triage` dry-runs triage on one ticket, and the other
// commands talk to a running gateway's admin API.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/hashicorp/hcl/v2"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/app"
	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/doctor"
)

const usage = `deskgate connects support desks to log analysis.

Usage:
  deskgate serve      -config FILE [-log-json] [-log-level info]
  deskgate validate   -config FILE [-json] [-strict]
  deskgate connect    PLATFORM BINDING      prints the /connect URL to open
  deskgate disconnect PLATFORM BINDING
  deskgate bindings                         table: platform, name, project, status, installed at
  deskgate audit      [--binding B] [--ticket N] [--since 1h] [--limit N] [--json]
  deskgate doctor     PLATFORM BINDING      checks each troubleshooting symptom live
  deskgate jobs       [--dead] [--json]     queue inspection
  deskgate jobs replay ID                   requeue a dead job
  deskgate triage     -config FILE -binding PLATFORM/NAME [--explain] < ticket.json
  deskgate reload                           re-read the config of a running gateway (also SIGHUP)
  deskgate templates  [-format raw|jsonl|logfmt|text] [-summary] [FILE]   mines log templates (-h: details)

Commands other than serve, validate, triage and templates talk to a running gateway:
--addr (default: http://<listen> from -config, or $DESKGATE_ADDR), admin token
from $DESKGATE_ADMIN_TOKEN.

--binding (audit, triage) takes PLATFORM/NAME, or the bare NAME when only one
binding has it.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "serve":
		err = serve(rest, stderr)
	case "validate":
		return validate(rest, stdout, stderr)
	case "triage":
		err = triageCmd(rest, stdin, stdout, stderr)
	case "templates":
		err = templatesCmd(rest, stdin, stdout, stderr)
	case "reload":
		err = reloadCmd(rest, stdout)
	case "connect", "disconnect", "bindings", "audit", "doctor", "jobs":
		err = remote(cmd, rest, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "deskgate", version)
		return 0
	default:
		fmt.Fprintf(stderr, "deskgate: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "deskgate %s: %s\n", cmd, err)
		return 2
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintf(stderr, "deskgate %s: %s\n", cmd, err)
		return 1
	}
}

var version = "dev"

// errFailed ends a command with exit 1 after it printed its own report.
var errFailed = errors.New("failed")

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// parse parses flags that may come before, between or after positional
// arguments ("deskgate doctor helpdesk acme --json").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func loadConfig(path string, stderr io.Writer) (*config.Config, error) {
	if path == "" {
		return nil, usageError{"-config FILE is required"}
	}
	cfg, diags := config.Load(path)
	if diags.HasErrors() {
		_ = config.WriteDiagnostics(stderr, cfg, diags, false)
		return nil, errFailed
	}
	if len(diags) > 0 {
		_ = config.WriteDiagnostics(stderr, cfg, diags, false)
	}
	return cfg, nil
}

func serve(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfgPath := fs.String("config", os.Getenv("DESKGATE_CONFIG"), "config file")
	logJSON := fs.Bool("log-json", false, "log as JSON lines")
	level := fs.String("log-level", "info", "trace, debug, info, warn or error")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	log := hclog.New(&hclog.LoggerOptions{Name: "deskgate", Level: hclog.LevelFromString(*level), JSONFormat: *logJSON, Output: stderr})
	cfg, err := loadConfig(*cfgPath, stderr)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a, err := app.New(ctx, cfg, log)
	if err != nil {
		return err
	}
	if diags := a.CheckBindings(ctx); len(diags) > 0 {
		_ = config.WriteDiagnostics(stderr, cfg, diags, false)
		if diags.HasErrors() {
			a.Close()
			return errFailed
		}
	}
	return a.Run(ctx)
}

func validate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	cfgPath := fs.String("config", os.Getenv("DESKGATE_CONFIG"), "config file")
	asJSON := fs.Bool("json", false, "print diagnostics as JSON (the shape of terraform validate -json)")
	strict := fs.Bool("strict", false, "treat warnings (such as a plugin without plugin_sha256) as errors")
	if _, err := parse(fs, args); err != nil {
		fmt.Fprintf(stderr, "deskgate validate: %s\n", err)
		return 2
	}
	if *cfgPath == "" {
		fmt.Fprintln(stderr, "deskgate validate: -config FILE is required")
		return 2
	}
	cfg, diags := config.Load(*cfgPath)
	if !diags.HasErrors() {
		// Platform-specific binding attributes are checked against what
		// each plugin declares, when its binary is there.
		diags = append(diags, doctor.CheckBindingsOffline(context.Background(), cfg)...)
		diags = append(diags, doctor.PinDiagnostics(cfg)...)
	}
	if *strict {
		for _, d := range diags {
			d.Severity = hcl.DiagError
		}
	}
	out := stderr
	if *asJSON {
		out = stdout
	}
	_ = config.WriteDiagnostics(out, cfg, diags, *asJSON)
	if diags.HasErrors() {
		return 1
	}
	if !*asJSON {
		fmt.Fprintf(stdout, "%s: valid (%d binding(s))\n", *cfgPath, len(cfg.Bindings))
	}
	return 0
}

func triageCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("triage", flag.ContinueOnError)
	cfgPath := fs.String("config", os.Getenv("DESKGATE_CONFIG"), "config file")
	binding := fs.String("binding", "", "PLATFORM/NAME, or NAME when only one binding has it")
	explain := fs.Bool("explain", false, "write a human-readable account to stderr")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *binding == "" {
		return usageError{"-binding PLATFORM/NAME (or the bare NAME when only one binding has it) is required"}
	}
	cfg, err := loadConfig(*cfgPath, stderr)
	if err != nil {
		return err
	}
	b, err := cfg.ResolveBinding(*binding)
	if err != nil {
		return usageError{err.Error()}
	}
	body, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
	if err != nil {
		return fmt.Errorf("read ticket from stdin: %w", err)
	}
	res, account, err := assess.DryRunTriage(context.Background(), cfg, b.Platform, b.Name, body, *explain)
	if err != nil {
		return err
	}
	if *explain {
		fmt.Fprintln(stderr, account)
	}
	_, err = stdout.Write(append(res, '\n'))
	return err
}
