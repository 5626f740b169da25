package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"

	"handbook/build/diag"
	"handbook/build/internal/files"
	"handbook/build/internal/yamlerr"
)

// readFile reads file, relative to root, refusing anything but a regular
// file of a sane size.
func readFile(root, file string) ([]byte, error) {
	data, err := files.Read(filepath.Join(root, filepath.FromSlash(file)), files.DefaultLimit)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, files.WithoutPath(err))
	}
	return data, nil
}

// decodeConfig decodes a configuration file as its extension says (TOML,
// YAML or JSON) and returns its keys' positions, dotted and in lower
// case. A file that cannot be decoded is reported at its line, and ok is
// false.
func decodeConfig(file string, data []byte, diags *diag.List) (m map[string]any, lines map[string]keyPos, ok bool) {
	var err error
	switch path.Ext(file) {
	case ".toml":
		if err = toml.Unmarshal(data, &m); err != nil {
			reportTOMLError(file, err, diags)
			return nil, nil, false
		}
		lines = keyLines(file, tomlKeys(data))
	case ".json":
		if err = json.Unmarshal(data, &m); err != nil {
			diags.Errorf(file, jsonErrorLine(data, err), "%s", strings.TrimPrefix(err.Error(), "json: "))
			return nil, nil, false
		}
		lines = yamlKeyLines(file, data)
	default:
		if err = yaml.Unmarshal(data, &m); err != nil {
			line, msg := yamlerr.Locate(data, err)
			diags.Errorf(file, line, "%s", msg)
			return nil, nil, false
		}
		lines = yamlKeyLines(file, data)
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, lines, true
}

// jsonErrorLine is the line of data at which encoding/json stopped.
func jsonErrorLine(data []byte, err error) int {
	var offset int64
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	default:
		return 0
	}
	offset = min(offset, int64(len(data)))
	return 1 + bytes.Count(data[:offset], []byte("\n"))
}

// yamlKeyLines maps the keys of a YAML document (or a JSON one, which
// YAML reads too) to their lines. A document YAML cannot read maps
// nothing: the positions only sharpen messages.
func yamlKeyLines(file string, data []byte) map[string]keyPos {
	lines := map[string]keyPos{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return lines
	}
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := prefix + strings.ToLower(n.Content[i].Value)
			if _, seen := lines[k]; !seen {
				lines[k] = keyPos{file, n.Content[i].Line}
			}
			walk(k+".", n.Content[i+1])
		}
	}
	walk("", doc.Content[0])
	return lines
}
