// Exercise pages as worksheets. Under each question (the items of the
// ordered list that follows the "Questions" heading, whose text the page's
// strings give) the reader gets an answer field. Answers stay in this
// browser: they are saved in localStorage as the reader types, one entry
// per page path and question number, restored when the page is opened
// again, and never sent anywhere. Buttons print the answers (the print
// stylesheet shows them, or ruled space to write in where there is none),
// download them as a Markdown file, and clear them. Without scripts the
// page reads as it always did. No dependencies, no build step.

// PREFIX starts every key this module writes in localStorage; a key is
// PREFIX + the page's path + ":" + the question's number.
const PREFIX = 'handbook-worksheet:'

// start turns the questions under root into a worksheet, if it has any.
function start(root) {
  const strings = JSON.parse(root.querySelector('.worksheet-strings')?.textContent || '{}')
  const list = questionList(root, strings.heading)
  const items = list ? [...list.children].filter(e => e.tagName === 'LI') : []
  if (!items.length) return
  const page = pagePath()
  // The questions' text is read before the fields are added to them.
  const questions = items.map(li => li.textContent.replace(/\s+/g, ' ').trim())
  const fields = items.map((li, i) => addField(li, i + 1, strings, `${PREFIX}${page}:${i + 1}`))
  list.classList.add('worksheet-questions')

  const tools = toolbar(strings, [
    ['print', strings.print, () => window.print()],
    ['download', strings.download, () => {
      const name = fileName(page)
      const text = markdown(pageTitle(), canonicalURL(), questions, fields.map(f => f.input.value))
      download(name, text)
      tools.status.textContent = format(strings.downloaded, { file: name })
    }],
    ['clear', strings.clear, () => {
      if (!window.confirm(strings.confirm)) return
      forget(`${PREFIX}${page}:`)
      for (const f of fields) show(f, '')
      tools.status.textContent = strings.cleared
    }],
  ])
  for (const f of fields) f.input.addEventListener('input', () => (tools.status.textContent = ''))
  list.after(tools.group)
  root.setAttribute('data-ready', '')
}

// questionList finds the ordered list of questions: the first one after
// the heading named heading, before the next heading; or, on a page
// without that heading, the first list of the text.
function questionList(root, heading) {
  const want = normalize(heading || '')
  for (const h of root.querySelectorAll('h2, h3')) {
    if (normalize(h.textContent) !== want) continue
    for (let e = h.nextElementSibling; e && !/^H[1-6]$/.test(e.tagName); e = e.nextElementSibling) {
      if (e.tagName === 'OL') return e
    }
  }
  return root.querySelector(':scope > ol')
}

const normalize = s => s.normalize('NFC').replace(/[\s:]+$/, '').trim().toLowerCase()

// addField adds question n's labelled answer field to its list item, with
// the saved answer, and saves what the reader types. Beside the field, a
// copy of the answer as plain text is what gets printed: a textarea
// prints as a box cut to its height.
function addField(li, n, strings, key) {
  const id = `worksheet-answer-${n}`
  const field = {
    input: el('textarea', { id, class: 'answer-input', rows: '4', 'aria-describedby': 'worksheet-note' }),
    print: el('div', { class: 'answer-print' }),
  }
  const box = el('div', { class: 'answer' })
  box.append(el('label', { class: 'answer-label', for: id }, format(strings.answer, { n })), field.input, field.print)
  li.append(box)
  show(field, load(key))
  field.input.addEventListener('input', () => {
    save(key, field.input.value)
    show(field, field.input.value)
  })
  return field
}

// show puts an answer in a field and in its printed copy, which stays
// empty (and so prints as ruled lines) when the answer is only spaces.
function show(field, answer) {
  if (field.input.value !== answer) field.input.value = answer
  field.print.textContent = answer.trim() ? answer : ''
}

// toolbar makes the group of buttons that follows the questions, with
// the note saying where answers are kept and a live region for what a
// button did.
function toolbar(strings, actions) {
  const group = el('div', { class: 'worksheet-tools', role: 'group', 'aria-label': strings.tools })
  const buttons = el('div', { class: 'worksheet-buttons' })
  for (const [name, label, run] of actions) {
    const b = el('button', { type: 'button', class: 'button', 'data-action': name }, label)
    b.addEventListener('click', run)
    buttons.append(b)
  }
  const status = el('p', { class: 'worksheet-status', role: 'status' })
  group.append(el('p', { id: 'worksheet-note', class: 'worksheet-note' }, strings.note), buttons, status)
  return { group, status }
}

// markdown writes the worksheet as Markdown: the page's title and
// address, then each question as a heading followed by its answer.
function markdown(title, url, questions, answers) {
  const parts = [`# ${title}`]
  if (url) parts.push(url)
  questions.forEach((q, i) => {
    parts.push(`## ${i + 1}. ${q}`)
    const a = (answers[i] || '').replace(/\r\n?/g, '\n').trim()
    if (a) parts.push(a)
  })
  return parts.join('\n\n') + '\n'
}

// download saves text as a file through a link to a Blob: the answers
// never leave the browser.
function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }))
  const a = el('a', { href: url, download: name, hidden: '' })
  document.body.append(a)
  a.click()
  a.remove()
  // The browser reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}

// The page's path identifies its answers. The canonical link names the
// page the same way whether it was opened as /x/ or /x/index.html.
function pagePath() {
  const href = canonicalURL()
  const path = href ? new URL(href, location.href).pathname : location.pathname
  return path.replace(/index\.html$/, '')
}

const canonicalURL = () => document.querySelector('link[rel=canonical]')?.href || ''

const pageTitle = () => (document.querySelector('main h1')?.textContent || document.title).trim()

const fileName = page => (page.split('/').filter(Boolean).pop() || 'answers') + '.md'

const format = (s, args) => String(s || '').replace(/\{(\w+)\}/g, (m, k) => (k in args ? args[k] : m))

// Storage can be turned off (a private window, a policy): the worksheet
// then works for as long as the page is open.
function load(key) {
  try {
    return localStorage.getItem(key) || ''
  } catch {
    return ''
  }
}

function save(key, value) {
  try {
    if (value) localStorage.setItem(key, value)
    else localStorage.removeItem(key)
  } catch {
    // See load.
  }
}

// forget removes every answer whose key starts with prefix, including
// those of questions the page no longer has.
function forget(prefix) {
  try {
    const keys = []
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)
      if (k.startsWith(prefix)) keys.push(k)
    }
    for (const k of keys) localStorage.removeItem(k)
  } catch {
    // See load.
  }
}

function el(tag, attrs, text) {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  if (text !== undefined) e.textContent = text
  return e
}

// Last, once every const above is defined.
const root = document.querySelector('[data-worksheet]')
if (root) start(root)
