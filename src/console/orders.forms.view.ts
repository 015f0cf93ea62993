import type { ApiError } from './console-api.ts'
import { csrfField, errorSummary, field, messagesFor, type FormBody } from './forms.ts'
import { html, type Html } from './html.ts'
import { NOTE_CATEGORY, enumChoices } from './orders.names.view.ts'

// The actions of an order's page: ship it with tracking (PUT /Orders/ShippingStatus) and add a
// note (POST /Orders/{id}/Notes). Each control shows the API's own messages for its field.

/** A form as it was sent, and what the API said of it (nothing before a refusal). */
export interface FormState {
  values: Readonly<Record<string, string>>
  error: ApiError | null
}

export const EMPTY_FORM: FormState = { values: {}, error: null }

/** The ship form's fields: [form/body name, label, input type]. The names are the API's. */
export const SHIP_FIELDS = [
  ['ShippingCarrier', 'Carrier', 'text'],
  ['ShippingService', 'Service', 'text'],
  ['TrackingNumber', 'Tracking number', 'text'],
  ['ShipDate', 'Ship date (UTC, empty: now)', 'datetime-local'],
  ['ShippingCost', 'Shipping cost', 'text'],
  ['Weight', 'Weight (lb)', 'text'],
] as const

const REQUIRED = new Set(['ShippingCarrier', 'ShippingService'])

/**
 * The PUT /Orders/ShippingStatus body of the ship form: the carrier and service as typed (the API
 * says when they are missing), the optional fields only when filled in; numbers as typed, for the
 * API to validate.
 * @example shipBody(12, { ShippingCarrier: 'UPS', ShippingService: 'Ground', Weight: '' })
 */
export function shipBody(orderId: number, form: FormBody): Record<string, unknown> {
  const body: Record<string, unknown> = { OrderID: orderId }
  for (const [name] of SHIP_FIELDS) {
    const raw = form[name]
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? ''
    if (value !== '' || REQUIRED.has(name)) {
      body[name] = value
    }
  }
  return body
}

export function shipForm(orderId: number, csrf: string, shipped: boolean, state: FormState): Html {
  const keys = SHIP_FIELDS.map(([name]) => name)
  return html`<section class="card" aria-labelledby="order-ship">
    <h2 id="order-ship">${shipped ? 'Update tracking' : 'Ship this order'}</h2>
    ${errorSummary(state.error, keys)}
    <form class="filters" method="post" action="/console/orders/${orderId}/ship">
      ${csrfField(csrf)}
      ${SHIP_FIELDS.map(([name, label, type]) =>
        field({
          label,
          name,
          type,
          value: state.values[name] ?? '',
          error: state.error,
          errorKeys: [name],
          ...(REQUIRED.has(name) ? { required: true } : {}),
        }),
      )}
      <div class="actions">
        <button type="submit" class="primary">${shipped ? 'Update tracking' : 'Ship order'}</button>
      </div>
    </form>
  </section>`
}

const NOTE_CATEGORIES = enumChoices(NOTE_CATEGORY).slice(1)

export function noteForm(orderId: number, csrf: string, state: FormState): Html {
  const messages = messagesFor(state.error, ['Message'])
  const invalid = messages.length > 0
  return html`${errorSummary(state.error, ['Message', 'Category'])}
    <form class="note-form" method="post" action="/console/orders/${orderId}/notes">
      ${csrfField(csrf)}
      <div class="field${invalid ? ' invalid' : ''}">
        <label for="f-Message">Note</label>
        <textarea
          id="f-Message"
          name="Message"
          rows="3"
          ${invalid ? html`aria-invalid="true" aria-describedby="f-Message-error"` : ''}
        >
${state.values['Message'] ?? ''}</textarea>
        ${invalid ? html`<p class="field-error" id="f-Message-error">${messages.join(' ')}</p>` : ''}
      </div>
      ${field({
        label: 'Category',
        name: 'Category',
        value: state.values['Category'] ?? '0',
        options: NOTE_CATEGORIES,
        error: state.error,
        errorKeys: ['Category'],
      })}
      <div class="actions"><button type="submit">Add note</button></div>
    </form>`
}
