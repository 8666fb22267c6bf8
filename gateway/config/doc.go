// Package config reads the gateway's HCL configuration (design.md §2): the
// main file plus every *.hcl in a bindings/ folder beside it. It decodes into
// private HCL-shaped structs, converts them to the types the gateway uses and
// validates them, reporting every problem as an hcl.Diagnostic with its source
// range so `deskgate validate` can point at file:line:column.
//
// It also owns the public-reply template language ({{requesterName}} …), the
// severity ordering used by auto_analyze_threshold, and RewriteBinding, which
// edits one binding block in place for the web UI.
//
// config must not do I/O beyond reading the files it is given (no network,
// no plugin calls, no store), and must never put a secret's value into a
// diagnostic: it names the attribute or environment variable instead.
package config
