package shortcode

import "fmt"

// node is a shortcode of a page: its opening tag, its closing tag when
// it has one, and the shortcodes (and escaped tags) written inside it.
type node struct {
	open     tag
	close    *tag
	children []*node
}

// end is where the shortcode's last tag ends.
func (n *node) end() int {
	if n.close != nil {
		return n.close.end
	}
	return n.open.end
}

// innerSpan is the source between the opening and the closing tag.
func (n *node) innerSpan() span {
	if n.close == nil {
		return span{n.open.end, n.open.end}
	}
	return span{n.open.end, n.close.start}
}

// treeError is a closing tag with no opening tag, at an offset of the body.
type treeError = lexError

// buildTree pairs the tags into shortcodes: an opening tag is closed by
// the next closing tag of its name at its level; one never closed stands
// alone, and what was written after it belongs to its parent.
func buildTree(tags []tag) ([]*node, []treeError) {
	root := &node{}
	stack := []*node{root}
	// open counts the names on the stack, so that a closing tag with no
	// opening tag is known without going down the stack.
	open := map[string]int{}
	var errs []treeError
	for _, t := range tags {
		top := stack[len(stack)-1]
		switch {
		case t.escaped || t.selfClosing:
			top.children = append(top.children, &node{open: t})
		case !t.closing:
			n := &node{open: t}
			top.children = append(top.children, n)
			stack = append(stack, n)
			open[t.name]++
		default:
			if open[t.name] == 0 {
				errs = append(errs, treeError{t.start, fmt.Sprintf("closing shortcode {{< /%s >}} has no opening tag", t.name)})
				continue
			}
			k := len(stack) - 1
			for stack[k].open.name != t.name {
				k--
			}
			standAlone(stack, k, open)
			closing := t
			stack[k].close = &closing
			open[t.name]--
			stack = stack[:k]
		}
	}
	standAlone(stack, 0, open)
	return root.children, errs
}

// standAlone makes the shortcodes on the stack above stack[k] ones
// without a closing tag: what was read as inside each follows it, in
// order, in stack[k]. Each one is the last child of the one below it, so
// appending their children in turn keeps the order they were written in.
func standAlone(stack []*node, k int, open map[string]int) {
	for _, n := range stack[k+1:] {
		stack[k].children = append(stack[k].children, n.children...)
		n.children = nil
		open[n.open.name]--
	}
}
