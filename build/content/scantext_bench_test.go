package content

import (
	"strings"
	"testing"
)

// BenchmarkScanText checks the texts of a handbook as loading does: a
// French page, accented every few words, and a Vietnamese one, where
// nearly every word has a letter of more than one byte.
//
//	go test ./build/content -run X -bench ScanText -count 8 | benchstat -
func BenchmarkScanText(b *testing.B) {
	texts := map[string]string{
		"fr": strings.Repeat("L’expérience client décide le serveur bas grâce à l’idée. L’immobilisme livre chaque indicateur. ", 80),
		"vi": strings.Repeat("Khách hàng quyết định máy chủ thấp nhờ ý tưởng. Sự trì trệ mang lại mọi chỉ số. ", 80),
	}
	for _, lang := range []string{"fr", "vi"} {
		data := []byte(texts[lang])
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if valid, nfc := scanText(data); !valid || nfc {
					b.Fatalf("scanText = %v, %v", valid, nfc)
				}
			}
		})
	}
}
