// Code blocks and tables that are wider than the text scroll sideways in
// their own box (the stylesheet lets them, rather than widen the page).
// A box that scrolls is made reachable from the keyboard (tabindex=0: once
// focused, the arrow keys scroll it), and one that no longer scrolls, on
// a wider window, leaves the tab order again. Without scripts, browsers
// that make scrolling boxes focusable by themselves still do.
;(() => {
  const boxes = document.querySelectorAll('main pre, main table')
  if (!boxes.length || !window.ResizeObserver) return
  const update = box => {
    const scrolls = box.scrollWidth > box.clientWidth + 1
    if (scrolls && !box.hasAttribute('tabindex')) {
      box.tabIndex = 0
      box.dataset.scrollbox = ''
    } else if (!scrolls && box.hasAttribute('data-scrollbox')) {
      box.removeAttribute('tabindex')
      delete box.dataset.scrollbox
    }
  }
  // The observer also reports each box once as it starts observing it.
  const observer = new ResizeObserver(entries => entries.forEach(e => update(e.target)))
  boxes.forEach(box => observer.observe(box))
})()
