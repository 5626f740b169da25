package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// The CI files of the repository, from this folder.
var (
	ciWorkflows = []string{"../../.github/workflows/handbook.yml", "../../.gitlab-ci.yml"}
	ciScript    = "../../.ci/run"
)

// TestCIWorkflowsCallRealCommands reads the CI workflows (and the script
// they run) and checks that every handbook command they call exists and
// accepts its flags and arguments, so a renamed flag cannot break the
// pipeline on the next merge.
func TestCIWorkflowsCallRealCommands(t *testing.T) {
	for _, file := range ciWorkflows {
		t.Run(filepath.Base(file), func(t *testing.T) {
			scripts := workflowScripts(t, file)
			calls := handbookCalls(strings.Join(scripts, "\n"))
			var names []string
			for _, args := range calls {
				if err := validateCall(args); err != nil {
					t.Errorf("%s: handbook %s: %v", file, strings.Join(args, " "), err)
				}
				names = append(names, args[0])
			}
			for _, want := range []string{"check", "build", "publish"} {
				if !slices.Contains(names, want) {
					t.Errorf("%s never runs handbook %s (it runs %v)", file, want, names)
				}
			}
			if !slices.ContainsFunc(scripts, func(s string) bool { return strings.Contains(s, ".ci/run") }) {
				t.Errorf("%s does not run .ci/run, the tests", file)
			}
		})
	}
	data, err := os.ReadFile(ciScript)
	if err != nil {
		t.Fatal(err)
	}
	calls := handbookCalls(string(data))
	if len(calls) < 2 {
		t.Errorf(".ci/run: %d handbook commands found", len(calls))
	}
	for _, args := range calls {
		if err := validateCall(args); err != nil {
			t.Errorf(".ci/run: handbook %s: %v", strings.Join(args, " "), err)
		}
	}
}

// workflowScripts returns the shell scripts of a GitHub Actions workflow
// (steps' run) or a GitLab CI file (jobs' script, before_script and
// after_script).
func workflowScripts(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				switch k {
				case "run", "script", "before_script", "after_script":
					out = append(out, scriptText(e)...)
				default:
					walk(e)
				}
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(doc)
	if len(out) == 0 {
		t.Fatalf("%s: no scripts found", file)
	}
	return out
}

func scriptText(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, scriptText(e)...)
		}
		return out
	}
	return nil
}

// handbookCalls finds the handbook commands a shell script runs, as
// "handbook ARGS", "./handbook ARGS" or "go run ./cmd/handbook ARGS", and
// returns their arguments.
func handbookCalls(script string) [][]string {
	script = strings.ReplaceAll(script, "\\\n", " ")
	var calls [][]string
	for _, line := range strings.Split(script, "\n") {
		words := shellWords(line)
		for i := 0; i < len(words); i++ {
			start := -1
			switch {
			case words[i] == "handbook" || strings.HasSuffix(words[i], "/handbook") && !strings.HasSuffix(words[i], "cmd/handbook"):
				start = i + 1
			case i >= 2 && words[i-2] == "go" && words[i-1] == "run" && strings.HasSuffix(words[i], "cmd/handbook"):
				start = i + 1
			}
			if start < 0 {
				continue
			}
			end := start
			for end < len(words) && !isOperator(words[end]) {
				end++
			}
			if end > start {
				calls = append(calls, words[start:end])
			}
			i = end
		}
	}
	return calls
}

// shellWords splits a line of shell into words and operators, with the
// quoting the CI files use. A file descriptor before a redirection
// ("2>") is left out, so that it is not taken for an argument.
func shellWords(line string) []string {
	var (
		words []string
		word  strings.Builder
		in    bool // a word has started (it may be "")
		quote rune
	)
	flush := func() {
		if in {
			words = append(words, word.String())
		}
		word.Reset()
		in = false
	}
	rs := []rune(line)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				word.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == '#' && !in:
			flush()
			return words
		case unicode.IsSpace(r):
			flush()
		case strings.ContainsRune("&|;<>()", r):
			if (r == '<' || r == '>') && in && strings.Trim(word.String(), "0123456789") == "" {
				word.Reset()
				in = false
			}
			flush()
			op := string(r)
			for i+1 < len(rs) && strings.ContainsRune("&|;<>", rs[i+1]) {
				i++
				op += string(rs[i])
			}
			words = append(words, op)
		default:
			word.WriteRune(r)
			in = true
		}
	}
	flush()
	return words
}

func isOperator(w string) bool {
	return w != "" && strings.Trim(w, "&|;<>()") == ""
}

// callRules are, per command, its flags and how many arguments it takes.
var callRules = map[string]struct {
	register func(*flag.FlagSet)
	args     func(n int) bool
}{
	"build":        {func(fs *flag.FlagSet) { new(buildFlags).register(fs) }, none},
	"check":        {func(fs *flag.FlagSet) { new(checkFlags).register(fs) }, none},
	"publish":      {func(fs *flag.FlagSet) { new(publishFlags).register(fs) }, none},
	"translations": {func(fs *flag.FlagSet) { new(translationsFlags).register(fs) }, func(int) bool { return true }},
	"search":       {func(fs *flag.FlagSet) { new(searchFlags).register(fs) }, func(n int) bool { return n > 0 }},
	"version":      {func(*flag.FlagSet) {}, none},
}

func none(n int) bool { return n == 0 }

// validateCall parses a command's arguments as the command does.
func validateCall(args []string) error {
	if len(args) == 0 {
		return errors.New("no command")
	}
	if _, ok := commands()[args[0]]; !ok {
		return fmt.Errorf("no command %q", args[0])
	}
	rules, ok := callRules[args[0]]
	if !ok {
		return fmt.Errorf("the CI calls %s: add its flags to callRules", args[0])
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	rules.register(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if !rules.args(fs.NArg()) {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return nil
}

func TestHandbookCallsAndValidation(t *testing.T) {
	script := `set -e
go run ./cmd/handbook check --strict --format github && echo ok
./handbook build --dest "$out/public" 2>"$out/stderr" || exit 1
handbook publish --to '/srv/my site' \
  --keep 3 # keep a few
go build ./cmd/handbook
echo handbook`
	want := [][]string{
		{"check", "--strict", "--format", "github"},
		{"build", "--dest", "$out/public"},
		{"publish", "--to", "/srv/my site", "--keep", "3"},
	}
	got := handbookCalls(script)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("calls:\n%q\nwant\n%q", got, want)
	}
	for _, args := range want {
		if err := validateCall(args); err != nil {
			t.Errorf("%v: %v", args, err)
		}
	}
	for _, bad := range [][]string{
		{"deploy"},
		{"publish", "--too", "x"},
		{"publish", "--keep", "many"},
		{"check", "extra"},
		{"search"},
	} {
		if err := validateCall(bad); err == nil {
			t.Errorf("%v: accepted", bad)
		}
	}
}
