package main

import (
	"bufio"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

// listen connects to the server's reload messages; the channel gets nil
// for each reload message, and an error if the connection fails.
func listen(tool, addr string) (<-chan error, error) {
	if tool == "hugo" {
		return listenLiveReload(addr)
	}
	return listenEvents(addr)
}

// listenEvents follows handbook's Server-Sent Events and reports its
// "reload" events.
func listenEvents(addr string) (<-chan error, error) {
	resp, err := http.Get("http://" + addr + "/_handbook/events")
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("events: %s", resp.Status)
	}
	out := make(chan error, 16)
	go func() {
		defer resp.Body.Close()
		lines := bufio.NewScanner(resp.Body)
		for lines.Scan() {
			if lines.Text() == "event: reload" {
				out <- nil
			}
		}
		out <- fmt.Errorf("events stream ended: %v", lines.Err())
	}()
	return out, nil
}

// listenLiveReload speaks Hugo's livereload protocol over a WebSocket:
// the client says hello, then the server sends {"command":"reload"} after
// each rebuild. The few lines of WebSocket it needs are written here
// rather than adding a dependency for them.
func listenLiveReload(addr string) (<-chan error, error) {
	conn, r, err := dialWebSocket(addr, "/livereload")
	if err != nil {
		return nil, err
	}
	hello := `{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}`
	if err := writeFrame(conn, opText, []byte(hello)); err != nil {
		conn.Close()
		return nil, err
	}
	out := make(chan error, 16)
	go func() {
		defer conn.Close()
		for {
			op, payload, err := readFrame(r)
			if err != nil {
				out <- fmt.Errorf("livereload: %w", err)
				return
			}
			switch op {
			case opPing:
				_ = writeFrame(conn, opPong, payload)
			case opText:
				var msg struct{ Command string }
				if json.Unmarshal(payload, &msg) == nil && msg.Command == "reload" {
					out <- nil
				}
			case opClose:
				out <- errors.New("livereload: closed by the server")
				return
			}
		}
	}()
	return out, nil
}

// WebSocket opcodes (RFC 6455).
const (
	opText  = 0x1
	opClose = 0x8
	opPing  = 0x9
	opPong  = 0xA
)

// dialWebSocket opens a WebSocket with the HTTP upgrade handshake.
func dialWebSocket(addr, path string) (net.Conn, *bufio.Reader, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, nil, err
	}
	key := make([]byte, 16)
	rand.Read(key)
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", path, addr, base64.StdEncoding.EncodeToString(key))
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols || !strings.EqualFold(resp.Header.Get("Upgrade"), "websocket") {
		conn.Close()
		return nil, nil, fmt.Errorf("websocket %s: %s", path, resp.Status)
	}
	return conn, r, nil
}

// writeFrame writes one final frame, masked as a client must.
func writeFrame(w io.Writer, op byte, payload []byte) error {
	header := []byte{0x80 | op}
	switch n := len(payload); {
	case n < 126:
		header = append(header, 0x80|byte(n))
	case n <= 0xFFFF:
		header = append(header, 0x80|126)
		header = binary.BigEndian.AppendUint16(header, uint16(n))
	default:
		header = append(header, 0x80|127)
		header = binary.BigEndian.AppendUint64(header, uint64(n))
	}
	mask := make([]byte, 4)
	rand.Read(mask)
	masked := make([]byte, len(payload))
	for i, b := range payload {
		masked[i] = b ^ mask[i%4]
	}
	_, err := w.Write(append(append(header, mask...), masked...))
	return err
}

// readFrame reads one frame; the server's messages fit in one.
func readFrame(r *bufio.Reader) (op byte, payload []byte, err error) {
	var head [2]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return 0, nil, err
	}
	op = head[0] & 0x0F
	n := uint64(head[1] & 0x7F)
	switch n {
	case 126:
		var b [2]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return 0, nil, err
		}
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return 0, nil, err
		}
		n = binary.BigEndian.Uint64(b[:])
	}
	var mask [4]byte
	masked := head[1]&0x80 != 0
	if masked {
		if _, err := io.ReadFull(r, mask[:]); err != nil {
			return 0, nil, err
		}
	}
	payload = make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, nil, err
	}
	if masked {
		for i := range payload {
			payload[i] ^= mask[i%4]
		}
	}
	return op, payload, nil
}
