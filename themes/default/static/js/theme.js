// The light/dark switch in the header of every page. Until the reader
// chooses, the page follows the system's colour scheme (the stylesheet's
// prefers-color-scheme); a choice that differs from the system's is kept in
// this browser (localStorage "handbook-theme") and applied before the first
// paint by the small script in each page's <head> (partials/theme.html).
// The button stays hidden where scripts do not run, since it could do
// nothing there.
;(() => {
  const KEY = 'handbook-theme'
  const root = document.documentElement
  const button = document.querySelector('[data-theme-toggle]')
  if (!button) return
  const system = matchMedia('(prefers-color-scheme: dark)')
  const systemTheme = () => (system.matches ? 'dark' : 'light')
  const current = () => root.dataset.theme || systemTheme()
  const show = () => button.setAttribute('aria-pressed', String(current() === 'dark'))

  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark'
    // A choice equal to the system's is not kept, so that the page
    // follows the system again when it changes (at nightfall, say).
    const keep = next !== systemTheme()
    if (keep) root.dataset.theme = next
    else delete root.dataset.theme
    try {
      if (keep) localStorage.setItem(KEY, next)
      else localStorage.removeItem(KEY)
    } catch {
      // Storage is off (a private window, a policy): the choice then
      // lasts as long as the page.
    }
    show()
  })
  system.addEventListener('change', show)
  show()
  button.hidden = false
})()
