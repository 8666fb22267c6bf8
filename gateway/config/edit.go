package config

import (
	"sort"
	"strconv"

	"github.com/zclconf/go-cty/cty"
)

// BindingEdit is a change to a binding's settings, as the Configure page
// makes it. A nil field (or a nil CustomFields) leaves the setting as it is
// in the file.
type BindingEdit struct {
	PostingMode          *string
	AutoAnalyzeThreshold *string
	// DefaultTimeBuffer as the user wrote it: a number of hours ("2",
	// "1.5"), written as a number, or a Go duration ("90m"), written as a
	// string.
	DefaultTimeBuffer  *string
	Timezone           *string
	RateLimitPerMinute *int
	// CustomFields replaces the custom_fields block: field ids by key
	// (FieldSeverity …) as ParseFieldID returns them, a key left out has no
	// field. A whole number is written as a number, any other id as a
	// string. A non-nil map with no ids removes the block.
	CustomFields map[string]string
	// PublicReplyTemplate "" removes the attribute, so the default template
	// applies.
	PublicReplyTemplate *string
}

// Names lists the attributes the edit changes, sorted.
func (e BindingEdit) Names() []string {
	set := e.attributes()
	names := make([]string, 0, len(set))
	for k := range set {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Empty reports whether the edit changes nothing.
func (e BindingEdit) Empty() bool { return len(e.attributes()) == 0 }

// Rewrite applies the edit to the block `binding "platform" "name"` in
// file, as RewriteBinding does, and returns the new file.
func (e BindingEdit) Rewrite(file []byte, platform, name string) ([]byte, error) {
	return RewriteBinding(file, platform, name, e.attributes())
}

// attributes is the edit in the shape RewriteBinding takes: HCL values by
// attribute name, null to remove one.
func (e BindingEdit) attributes() map[string]cty.Value {
	set := map[string]cty.Value{}
	str := func(name string, v *string) {
		if v != nil {
			set[name] = cty.StringVal(*v)
		}
	}
	str("posting_mode", e.PostingMode)
	str("auto_analyze_threshold", e.AutoAnalyzeThreshold)
	str("timezone", e.Timezone)
	if e.DefaultTimeBuffer != nil {
		set["default_time_buffer"] = cty.StringVal(*e.DefaultTimeBuffer)
		if _, err := strconv.ParseFloat(*e.DefaultTimeBuffer, 64); err == nil {
			if n, err := cty.ParseNumberVal(*e.DefaultTimeBuffer); err == nil {
				set["default_time_buffer"] = n
			}
		}
	}
	if e.RateLimitPerMinute != nil {
		set["rate_limit_per_minute"] = cty.NumberIntVal(int64(*e.RateLimitPerMinute))
	}
	if e.CustomFields != nil {
		set["custom_fields"] = cty.NullVal(cty.DynamicPseudoType)
		if len(e.CustomFields) > 0 {
			fields := map[string]cty.Value{}
			for _, k := range CustomFieldKeys {
				fields[k] = cty.NullVal(cty.Number)
				if id, ok := e.CustomFields[k]; ok {
					fields[k] = fieldIDValue(id)
				}
			}
			set["custom_fields"] = cty.ObjectVal(fields)
		}
	}
	if e.PublicReplyTemplate != nil {
		set["public_reply_template"] = cty.NullVal(cty.String)
		if *e.PublicReplyTemplate != "" {
			set["public_reply_template"] = cty.StringVal(*e.PublicReplyTemplate)
		}
	}
	return set
}

// fieldIDValue is how a field id is written: a whole number as a number,
// anything else as a string.
func fieldIDValue(id string) cty.Value {
	if n, err := strconv.ParseInt(id, 10, 64); err == nil {
		return cty.NumberIntVal(n)
	}
	return cty.StringVal(id)
}
