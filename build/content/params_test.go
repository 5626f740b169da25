package content

import (
	"reflect"
	"testing"
)

func TestParams(t *testing.T) {
	ps := ParamsOf(map[string]any{"tags": []any{"a", "b"}, "Icon": "sun", "duration": "5 minutes"})
	if ps.Len() != 3 || ps.Get("Icon") != "sun" || ps.Get("icon") != nil {
		t.Errorf("Params %v: Len %d, Icon %v, icon %v", ps, ps.Len(), ps.Get("Icon"), ps.Get("icon"))
	}
	if _, ok := ps.Lookup("absent"); ok {
		t.Error("Lookup found a field that is not there")
	}
	want := map[string]any{"tags": []any{"a", "b"}, "Icon": "sun", "duration": "5 minutes"}
	if m := ps.Map(); !reflect.DeepEqual(m, want) {
		t.Errorf("Map = %v, want %v", m, want)
	}
	// A template that changes the map it was given changes no page's.
	ps.Map()["Icon"] = "moon"
	if ps.Get("Icon") != "sun" {
		t.Errorf("a change to Map's map reached the Params: Icon %v", ps.Get("Icon"))
	}
	var none Params
	if none.Len() != 0 || none.Get("x") != nil || none.Map() == nil || len(none.Map()) != 0 {
		t.Errorf("the zero Params: Len %d, Map %v", none.Len(), none.Map())
	}
}

// TestParamsSetLeavesOthersAlone: a cascade sets a field of a page whose
// Params another page may share; the other keeps its own.
func TestParamsSetLeavesOthersAlone(t *testing.T) {
	a := ParamsOf(map[string]any{"banner": "docs", "z": 1})
	b := a
	b.set("color", "red")
	b.set("banner", "sub")
	if a.Len() != 2 || a.Get("banner") != "docs" || a.Get("color") != nil {
		t.Errorf("set changed the Params it was copied from: %v", a)
	}
	if b.Len() != 3 || b.Get("banner") != "sub" || b.Get("color") != "red" || b.Get("z") != 1 {
		t.Errorf("after set: %v", b)
	}
}

// TestParamsOfTakenKey: a field taken and set again (url, on a site
// that is not Hugo's) is one parameter, not two.
func TestParamsOfTakenKey(t *testing.T) {
	p, _, errs := ParsePage("vi", "content/vi/a.md", "a.md", []byte("---\ntitle: A\nurl: /x/\ntags: [a]\n---\n"))
	if len(errs) != 0 || p.Params.Len() != 2 || p.Params.Get("url") != "/x/" {
		t.Errorf("Params %v (%d fields), errors %v", p.Params, p.Params.Len(), errs)
	}
}

// TestHugoFieldsOfACopy: a copy of a page, as the preview keeps of each
// page it read, keeps its Hugo fields when a cascade then sets the
// page's.
func TestHugoFieldsOfACopy(t *testing.T) {
	p := &Page{hugo: true}
	p.hugoOwn().headless = true
	kept := *p
	p.takeCascade([]cascadeEntry{{build: &buildOptions{render: "never", set: true}}})
	if kept.buildOpts().set || !kept.hugoRead().headless {
		t.Errorf("the copy's fields changed with the page's: %+v", kept.hugoRead())
	}
	if !p.buildOpts().set || !p.hugoRead().headless {
		t.Errorf("the page's fields: %+v", p.hugoRead())
	}
}
