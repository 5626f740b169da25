package output

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// isMountPoint reports whether dir is where a file system is mounted (a
// container's volume, a bind mount): such a folder cannot be renamed or
// replaced, only its entries can.
func isMountPoint(dir string) bool {
	if devDiffers(dir) {
		return true
	}
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		// The fifth field is the mount point, with spaces and other
		// odd bytes written as octal escapes (\040).
		fields := strings.Fields(sc.Text())
		if len(fields) > 4 && unescapeOctal(fields[4]) == dir {
			return true
		}
	}
	return false
}

// unescapeOctal turns mountinfo's \ooo escapes back into bytes.
func unescapeOctal(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
