package themes_test

import (
	"bytes"
	"encoding/base64"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"handbook/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite SCORE_WASM in search.js from wasm/score.wat")

// scoreWasm is the line of search.js that holds the scoring module.
var scoreWasm = regexp.MustCompile(`(?m)^const SCORE_WASM = '([A-Za-z0-9+/=]*)'$`)

// TestScoreWasm checks that the WebAssembly the search client carries is
// wasm/score.wat as wat2wasm builds it, so that the source in the
// repository is what readers' browsers run; -update writes it.
func TestScoreWasm(t *testing.T) {
	wat2wasm := sitetest.NeedTool(t, "wat2wasm (Debian's wabt)", "wat2wasm")
	out := filepath.Join(t.TempDir(), "score.wasm")
	if msg, err := exec.Command(wat2wasm, filepath.Join("wasm", "score.wat"), "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm wasm/score.wat: %v\n%s", err, msg)
	}
	module, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := base64.StdEncoding.EncodeToString(module)
	path := filepath.Join("default", "static", "js", "search.js")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := scoreWasm.FindSubmatchIndex(src)
	if m == nil {
		t.Fatalf("%s has no line const SCORE_WASM = '…'", path)
	}
	if got := string(src[m[2]:m[3]]); got == want {
		return
	}
	if !*update {
		t.Fatalf("%s: SCORE_WASM is not wasm/score.wat as built by wat2wasm: run go test ./themes -run TestScoreWasm -update", path)
	}
	src = bytes.Join([][]byte{src[:m[2]], []byte(want), src[m[3]:]}, nil)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
}
