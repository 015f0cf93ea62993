// Crossdock console: the few behaviours HTML does not have. No inline handlers (the page's
// Content-Security-Policy runs only this file and htmx).
'use strict'

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null
  if (button === null) return
  const source = document.getElementById(button.getAttribute('data-copy'))
  if (source === null) return
  const text = source.textContent ?? ''
  const done = () => {
    button.setAttribute('data-copied', 'true')
    const label = button.textContent
    button.textContent = 'Copied'
    setTimeout(() => {
      button.textContent = label
    }, 1500)
  }
  if (navigator.clipboard !== undefined && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => selectText(source))
  } else {
    selectText(source)
  }
})

function selectText(element) {
  const range = document.createRange()
  range.selectNodeContents(element)
  const selection = window.getSelection()
  selection.removeAllRanges()
  selection.addRange(range)
}

// A form with data-confirm asks first (reset, restore, delete).
document.addEventListener(
  'submit',
  (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement)) return
    const question = form.getAttribute('data-confirm')
    if (question !== null && !window.confirm(question)) {
      event.preventDefault()
    }
  },
  true,
)

// A live table (data-max-rows, the request journal) drops its oldest rows as htmx adds new ones.
document.addEventListener('htmx:afterSwap', (event) => {
  const body = event.target
  if (!(body instanceof HTMLTableSectionElement)) return
  const max = Number(body.getAttribute('data-max-rows'))
  if (!Number.isInteger(max) || max < 1) return
  while (body.rows.length > max) {
    body.deleteRow(-1)
  }
})
