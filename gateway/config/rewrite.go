package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// RewriteBinding sets attributes of the block `binding "platform" "name"` in
// file and returns the new file. Everything else (comments, formatting,
// other blocks) is kept byte for byte. A null value removes the attribute.
// "custom_fields" takes an object or map and edits the nested
// custom_fields block the same way (a null removes the block). Multi-line
// strings ending in a newline are written as heredocs. The result is not validated beyond being
// HCL: callers run it through Parse before saving it.
func RewriteBinding(file []byte, platform, name string, set map[string]cty.Value) ([]byte, error) {
	f, diags := hclwrite.ParseConfig(file, "binding.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("rewrite binding %q %q: parse file: %w", platform, name, diags)
	}
	var blk *hclwrite.Block
	for _, b := range f.Body().Blocks() {
		if l := b.Labels(); b.Type() == "binding" && len(l) == 2 && l[0] == platform && l[1] == name {
			blk = b
			break
		}
	}
	if blk == nil {
		return nil, fmt.Errorf("rewrite binding %q %q: no such block in the file", platform, name)
	}
	body := blk.Body()
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := set[k]
		if !hclsyntax.ValidIdentifier(k) {
			return nil, fmt.Errorf("rewrite binding %q %q: %q is not an attribute name", platform, name, k)
		}
		if k == "custom_fields" {
			if err := rewriteCustomFields(body, v); err != nil {
				return nil, fmt.Errorf("rewrite binding %q %q: %w", platform, name, err)
			}
			continue
		}
		if err := setValue(body, k, v); err != nil {
			return nil, fmt.Errorf("rewrite binding %q %q: %w", platform, name, err)
		}
	}
	out := f.Bytes()
	if _, diags := hclsyntax.ParseConfig(out, "binding.hcl", hcl.InitialPos); diags.HasErrors() {
		return nil, fmt.Errorf("rewrite binding %q %q: result does not parse: %w", platform, name, diags)
	}
	return out, nil
}

func rewriteCustomFields(body *hclwrite.Body, v cty.Value) error {
	cf := body.FirstMatchingBlock("custom_fields", nil)
	if v.IsNull() {
		if cf != nil {
			body.RemoveBlock(cf)
		}
		return nil
	}
	if !v.IsWhollyKnown() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		return fmt.Errorf("custom_fields must be an object or map")
	}
	if cf == nil {
		cf = body.AppendNewBlock("custom_fields", nil)
	}
	fields := v.AsValueMap()
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !hclsyntax.ValidIdentifier(k) {
			return fmt.Errorf("custom_fields: %q is not an attribute name", k)
		}
		if err := setValue(cf.Body(), k, fields[k]); err != nil {
			return fmt.Errorf("custom_fields: %w", err)
		}
	}
	return nil
}

func setValue(body *hclwrite.Body, k string, v cty.Value) error {
	switch {
	case !v.IsWhollyKnown():
		return fmt.Errorf("%s: value is not known", k)
	case v.IsNull():
		body.RemoveAttribute(k)
	case v.Type() == cty.String && strings.HasSuffix(v.AsString(), "\n") && !strings.Contains(v.AsString(), "\r"):
		// A heredoc's value always ends in a newline, so only such strings
		// can be written as one without changing them.
		body.SetAttributeRaw(k, heredoc(v.AsString()))
	default:
		body.SetAttributeValue(k, v)
	}
	return nil
}

// heredoc writes s as <<EOT … EOT, escaping template sequences and picking
// a delimiter that no line of s equals.
func heredoc(s string) hclwrite.Tokens {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	delim := "EOT"
	for i := 1; containsLine(lines, delim); i++ {
		delim = fmt.Sprintf("EOT%d", i)
	}
	content := strings.NewReplacer("${", "$${", "%{", "%%{").Replace(strings.Join(lines, "\n")) + "\n"
	return hclwrite.Tokens{
		{Type: hclsyntax.TokenOHeredoc, Bytes: []byte("<<" + delim + "\n")},
		{Type: hclsyntax.TokenStringLit, Bytes: []byte(content)},
		{Type: hclsyntax.TokenCHeredoc, Bytes: []byte(delim)},
	}
}

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) == s {
			return true
		}
	}
	return false
}
