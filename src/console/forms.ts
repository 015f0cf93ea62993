import { html, type Html } from './html.ts'
import type { ApiError } from './console-api.ts'

// Form controls with their label and the API's own validation messages beside them. A control
// names the ModelState keys it shows (`TrackingNumber`, `model.Products[0].QtyReceived`, ...):
// they match without case and with or without Sellercloud's `model.` / `request.` prefix.

const bare = (key: string) => key.replace(/^(?:model|request)\./i, '').toLowerCase()

/** The messages of `error` for any of `keys`. */
export function messagesFor(error: ApiError | null | undefined, keys: readonly string[]): string[] {
  const modelState = error?.ModelState
  if (modelState === undefined || modelState === null) {
    return []
  }
  const wanted = new Set(keys.map(bare))
  return Object.entries(modelState)
    .filter(([key]) => wanted.has(bare(key)))
    .flatMap(([, messages]) => messages)
}

/** What the API said that no control shows: the message, and ModelState keys no control claims. */
export function unclaimedMessages(
  error: ApiError | null | undefined,
  claimed: readonly string[],
): string[] {
  if (error === null || error === undefined) {
    return []
  }
  const taken = new Set(claimed.map(bare))
  const rest = Object.entries(error.ModelState ?? {})
    .filter(([key]) => !taken.has(bare(key)))
    .flatMap(([key, messages]) => messages.map((m) => `${key}: ${m}`))
  return [...(error.Message === undefined ? [] : [error.Message]), ...rest]
}

export interface FieldOptions {
  label: string
  name: string
  value?: string | number | null
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'password' | 'email' | 'search'
  /** ModelState keys whose messages belong to this control (default: none). */
  errorKeys?: readonly string[]
  error?: ApiError | null
  required?: boolean
  /** A select instead of an input: [value, label] pairs. */
  options?: readonly (readonly [string, string])[]
  placeholder?: string
  step?: string
  min?: string
  autocomplete?: string
  /** Makes ids unique when a form repeats (per line). */
  idSuffix?: string
}

export function field(options: FieldOptions): Html {
  const id = `f-${options.name}${options.idSuffix ?? ''}`.replace(/[^A-Za-z0-9_-]/g, '-')
  const messages = messagesFor(options.error, options.errorKeys ?? [])
  const invalid = messages.length > 0
  const value = options.value === null || options.value === undefined ? '' : String(options.value)
  const describedBy = invalid ? `${id}-error` : undefined
  const control =
    options.options === undefined
      ? html`<input
          id="${id}"
          name="${options.name}"
          type="${options.type ?? 'text'}"
          value="${value}"
          ${options.required === true ? html`required` : ''}
          ${options.placeholder === undefined ? '' : html`placeholder="${options.placeholder}"`}
          ${options.step === undefined ? '' : html`step="${options.step}"`}
          ${options.min === undefined ? '' : html`min="${options.min}"`}
          ${options.autocomplete === undefined ? '' : html`autocomplete="${options.autocomplete}"`}
          ${invalid ? html`aria-invalid="true" aria-describedby="${describedBy}"` : ''}
        />`
      : html`<select
          id="${id}"
          name="${options.name}"
          ${invalid ? html`aria-invalid="true" aria-describedby="${describedBy}"` : ''}
        >
          ${options.options.map(
            ([v, label]) =>
              html`<option value="${v}" ${v === value ? html`selected` : ''}>${label}</option>`,
          )}
        </select>`
  return html`<div class="field${invalid ? ' invalid' : ''}">
    <label for="${id}">${options.label}</label>
    ${control}
    ${invalid ? html`<p class="field-error" id="${describedBy}">${messages.join(' ')}</p>` : ''}
  </div>`
}

/** The hidden CSRF field every console form carries. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}" />`
}

/** A box with what the API refused that no control shows (nothing when there is nothing). */
export function errorSummary(
  error: ApiError | null | undefined,
  claimed: readonly string[] = [],
): Html {
  const messages = unclaimedMessages(error, claimed)
  if (messages.length === 0) {
    return html``
  }
  return html`<div class="alert error" role="alert">
    ${
      messages.length === 1
        ? messages[0]
        : html`<ul>
            ${messages.map((m) => html`<li>${m}</li>`)}
          </ul>`
    }
  </div>`
}

/** A form field's value as one string ('' when absent; the first of repeated values). */
export function formValue(form: FormBody, name: string): string {
  const value = form[name]
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
}

export type FormBody = Record<string, string | string[] | undefined>
