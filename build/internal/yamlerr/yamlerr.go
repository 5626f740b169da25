package yamlerr

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var lineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// Locate returns the 1-based line of src that err, from decoding src,
// is on (0 when it names none) and its message without the library's
// prefix. The YAML library counts the lines of its parser's errors ("did
// not find expected …") from 0 and those of its scanner's from 1; the
// line is made the same for both, and never past src's last line.
func Locate(src []byte, err error) (int, string) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	m := lineRE.FindStringSubmatch(msg)
	if m == nil {
		msg = strings.TrimPrefix(msg, "yaml: ")
		if isParserError(msg) {
			return 1, msg
		}
		return 0, msg
	}
	line, _ := strconv.Atoi(m[1])
	msg = m[2]
	if strings.HasPrefix(msg, "did not find expected ',' or") {
		if open := unclosedFlow(src); open > 0 {
			return open, msg
		}
	}
	if isParserError(msg) {
		line++
	}
	return min(line, lastLine(src)), msg
}

// unclosedFlow is the line of the first "[" or "{" of src that is never
// closed, outside quotes and comments, or 0. The library names the line
// a flow collection it cannot close starts on only when it is not the
// first, so it is found here.
func unclosedFlow(src []byte) int {
	var open []int // the lines of the openers not yet closed
	line, quote := 1, byte(0)
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
			if len(open) == 0 {
				quote = 0 // outside a flow, a quote is not read past its line
			}
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n'):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case c == '[' || c == '{':
			open = append(open, line)
		case (c == ']' || c == '}') && len(open) > 0:
			open = open[:len(open)-1]
		}
	}
	if len(open) == 0 {
		return 0
	}
	return open[0]
}

// isParserError tells the parser's messages from the scanner's.
func isParserError(msg string) bool {
	for _, p := range []string{"did not find expected", "found duplicate %", "found incompatible YAML", "found undefined tag handle"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// lastLine is the number of src's last line that has text.
func lastLine(src []byte) int {
	n := strings.Count(strings.TrimRight(string(src), "\n"), "\n") + 1
	return max(n, 1)
}
