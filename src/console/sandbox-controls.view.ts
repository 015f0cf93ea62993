import type { ApiAnswer, ApiError } from './console-api.ts'
import { messagesFor } from './forms.ts'
import { html, type Html } from './html.ts'

// Controls the sandbox forms need beyond `field()`: a JSON text area and a checkbox, each labelled,
// with the API's messages beside them; and what a refused form carries back to the page.

/** A form sent back to the page: what was typed, and what the API (or the JSON parse) refused. */
export interface SandboxForm {
  values: Record<string, string>
  error: ApiError | null
}

/** Whether a list read answered its items (rather than the API's error). */
export function isList<T>(value: readonly T[] | ApiError): value is readonly T[] {
  return Array.isArray(value)
}

export const EMPTY_FORM: SandboxForm = { values: {}, error: null }

/** The status a refused action answers: 400 for the API's 4xx, 502 when the API failed itself. */
export function refusalStatus(answer: Pick<ApiAnswer, 'status'>): number {
  return answer.status >= 500 ? 502 : 400
}

const idOf = (name: string) => `f-${name}`.replace(/[^A-Za-z0-9_-]/g, '-')

function errorText(id: string, messages: string[]): Html {
  return messages.length === 0
    ? html``
    : html`<p class="field-error" id="${id}-error">${messages.join(' ')}</p>`
}

export function textArea(options: {
  label: string
  name: string
  value: string | undefined
  error: ApiError | null
  errorKeys: readonly string[]
  placeholder?: string
}): Html {
  const id = idOf(options.name)
  const messages = messagesFor(options.error, options.errorKeys)
  const invalid = messages.length > 0
  return html`<div class="field${invalid ? ' invalid' : ''}">
    <label for="${id}">${options.label}</label>
    <textarea
      id="${id}"
      name="${options.name}"
      rows="2"
      ${options.placeholder === undefined ? '' : html`placeholder="${options.placeholder}"`}
      ${invalid ? html`aria-invalid="true" aria-describedby="${id}-error"` : ''}
    >
${options.value ?? ''}</textarea>
    ${errorText(id, messages)}
  </div>`
}

export function checkbox(options: {
  label: string
  name: string
  checked: boolean
  error?: ApiError | null
  errorKeys?: readonly string[]
}): Html {
  const id = idOf(options.name)
  const messages = messagesFor(options.error, options.errorKeys ?? [])
  return html`<div class="field check${messages.length > 0 ? ' invalid' : ''}">
    <label for="${id}"
      ><input
        id="${id}"
        type="checkbox"
        name="${options.name}"
        value="true"
        ${options.checked ? html`checked` : ''}
      />
      ${options.label}</label
    >
    ${errorText(id, messages)}
  </div>`
}
