package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// Event is one message to the browsers: a Server-Sent Event whose data
// is JSON.
type Event struct {
	Name string
	Data any
}

// The events a browser receives.
const (
	// eventHello opens every stream with the server's identity: a page
	// that sees a new one after reconnecting reloads, as the server
	// behind it restarted.
	eventHello = "hello"
	// eventReload follows a rebuild that changed the site (reloadData).
	eventReload = "reload"
	// eventDiagnostics carries the site's errors (diagnosticsData); an
	// empty list clears the overlay.
	eventDiagnostics = "diagnostics"
)

// reloadData tells a page what changed.
type reloadData struct {
	// URL is the page just edited, which a browser following the writer
	// (--navigate) goes to.
	URL string `json:"url,omitempty"`
	// CSS lists the stylesheets that changed when nothing else did: the
	// page swaps them in without reloading.
	CSS []string `json:"css,omitempty"`
}

// diagnosticsData is the overlay's content.
type diagnosticsData struct {
	Errors []diagnostic `json:"errors"`
}

type diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	// Text is the diagnostic as the terminal shows it, file:line: message.
	Text string `json:"text"`
}

// hub sends events to every connected browser, in order.
type hub struct {
	// greeting returns the events a browser gets on connecting: hello,
	// and the current diagnostics.
	greeting func() []Event

	mu      sync.Mutex
	clients map[chan Event]bool
	closed  bool
}

func newHub(greeting func() []Event) *hub {
	return &hub{greeting: greeting, clients: map[chan Event]bool{}}
}

// clientBuffer is how many events may wait for a slow browser; one that
// falls further behind is dropped, and reconnects.
const clientBuffer = 64

// subscribe returns a channel of the events published from now on, and
// the function that ends the subscription. The channel is closed when
// the hub closes or the subscriber fell behind.
func (h *hub) subscribe() (<-chan Event, func()) {
	ch := make(chan Event, clientBuffer)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(ch)
		return ch, func() {}
	}
	h.clients[ch] = true
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.clients[ch] {
			delete(h.clients, ch)
			close(ch)
		}
	}
}

// publish sends events to every subscriber, without waiting for any.
func (h *hub) publish(events ...Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		if !offer(ch, events) {
			delete(h.clients, ch)
			close(ch)
		}
	}
}

// offer queues events for one subscriber; false when its buffer is full.
func offer(ch chan Event, events []Event) bool {
	for _, ev := range events {
		select {
		case ch <- ev:
		default:
			return false
		}
	}
	return true
}

// close ends every stream, so that a server shutting down is not held
// by streams that never end.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.clients {
		delete(h.clients, ch)
		close(ch)
	}
}

// ServeHTTP streams the events to one browser.
func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	events, cancel := h.subscribe()
	defer cancel()
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	for _, ev := range h.greeting() {
		if writeEvent(w, ev) != nil {
			return
		}
	}
	if rc.Flush() != nil {
		return
	}
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				return
			}
			if writeEvent(w, ev) != nil || rc.Flush() != nil {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}

// writeEvent writes one event in the text/event-stream format.
func writeEvent(w http.ResponseWriter, ev Event) error {
	data, err := json.Marshal(ev.Data)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Name, data)
	return err
}
