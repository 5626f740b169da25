package search

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
)

// A posting file holds what the JSON postings of a shard would: both
// encodings of the same random postings read back the same.
func TestPostingFileMatchesJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		docs := 1 + rng.IntN(5000)
		li := &langIndex{docs: make([]docInfo, docs)}
		for i := range li.docs {
			li.docs[i].length = 1 + rng.IntN(3000)
		}
		e := encoderWithAverage(li, 50+500*rng.Float64())
		var postings []posting
		for doc := 0; doc < docs; doc += 1 + rng.IntN(1+rng.IntN(400)) {
			postings = append(postings, posting{doc: int32(doc), tf: uint16(rng.IntN(1 << 16)), forms: uint16(rng.IntN(1 << 16))})
		}
		numbers := formNumbers{remap: rng.Perm(1 + rng.IntN(otherForm))}
		masks := round%2 == 0

		var fromJSON, fromFile Postings
		js := append(e.appendPostings([]byte{'{'}, postings, masks, numbers), '}')
		if err := json.Unmarshal(js, &fromJSON); err != nil {
			t.Fatal(err)
		}
		if err := fromFile.UnmarshalBinary(e.appendPostingFile(nil, postings, masks, numbers)); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fromFile, fromJSON) {
			t.Fatalf("round %d: the posting file reads\n%v\nthe JSON\n%v", round, fromFile, fromJSON)
		}
	}
}

// A damaged posting file is an error, never a panic or a wrong list.
func TestPostingFileDamaged(t *testing.T) {
	li := &langIndex{docs: make([]docInfo, 300)}
	e := encoderWithAverage(li, 10)
	var postings []posting
	for doc := int32(0); doc < 300; doc += 3 {
		postings = append(postings, posting{doc: doc, tf: 4, forms: 3})
	}
	good := e.appendPostingFile(nil, postings, true, formNumbers{remap: []int{1, 0}})
	var p Postings
	if err := p.UnmarshalBinary(good); err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{
		nil,
		[]byte("HBP"),
		[]byte(`{"docs":[1]}`),
		good[:len(good)-1],
		append(append([]byte(nil), good...), 0),
		append([]byte("HBP\x02"), good[4:]...),
	} {
		if err := p.UnmarshalBinary(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzPostingFile(f *testing.F) {
	e := encoderWithAverage(&langIndex{docs: make([]docInfo, 10)}, 1)
	f.Add(e.appendPostingFile(nil, []posting{{doc: 1, tf: 4, forms: 1}, {doc: 7, tf: 9, forms: 2}}, true, formNumbers{remap: []int{0, 1}}))
	f.Add([]byte("HBP\x01\xff\xff\xff\xff\x0f\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Postings
		if p.UnmarshalBinary(data) == nil && (len(p.Scores) != len(p.Docs) || p.Masks != nil && len(p.Masks) != len(p.Docs)) {
			t.Fatalf("%d docs, %d scores, %d masks", len(p.Docs), len(p.Scores), len(p.Masks))
		}
	})
}

// encoderWithAverage is an encoder of li's postings that scores them as if
// its documents had avgdl words on average.
func encoderWithAverage(li *langIndex, avgdl float64) *shardEncoder {
	lengths := make([]float64, len(li.docs))
	for doc, d := range li.docs {
		lengths[doc] = relativeLength(float64(d.length), avgdl)
	}
	return &shardEncoder{li: li, lengths: lengths}
}
