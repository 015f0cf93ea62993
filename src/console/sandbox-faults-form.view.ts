import { FAULT_PRESETS } from '../modules/faults/index.ts'
import type { ApiError } from './console-api.ts'
import { csrfField, errorSummary, field, formValue, type FormBody } from './forms.ts'
import { html, type Html } from './html.ts'
import { checkbox, textArea, type SandboxForm } from './sandbox-controls.view.ts'

// The "add a fault rule" form and its mapping to POST /admin/faults. The form only shapes the
// body: numbers typed are sent as numbers, anything else as typed, so the API's own checks (and
// messages) apply. Only JSON that does not parse is refused here: it cannot be sent at all.

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

export const FAULT_FIELDS = [
  'Preset',
  'Method',
  'PathPattern',
  'Route',
  'User',
  'Body',
  'Times',
  'Every',
  'Skip',
  'Probability',
  'When',
  'DelayMs',
  'Drop',
  'Status',
  'ResponseHeaders',
  'ResponseBody',
] as const

/** The ModelState keys each control shows (the rest go in the summary above the form). */
const KEYS = {
  Preset: ['Preset'],
  Drop: ['Drop'],
  Method: ['Method'],
  PathPattern: ['PathPattern'],
  Route: ['Route'],
  User: ['User'],
  Body: ['Body'],
  Times: ['Times'],
  Skip: ['Skip'],
  Probability: ['Probability'],
  When: ['When'],
  DelayMs: ['DelayMs'],
  Status: ['Response', 'Response.Status'],
  ResponseHeaders: ['Response.Headers'],
  ResponseBody: ['Response.Body'],
} as const
const CLAIMED = Object.values(KEYS).flat()

export function faultFormValues(form: FormBody): Record<string, string> {
  return Object.fromEntries(FAULT_FIELDS.map((name) => [name, formValue(form, name)]))
}

/** A typed number as a number; other text as typed (for the API to refuse); blank as absent. */
export function numberOrText(text: string): number | string | undefined {
  if (text === '') {
    return undefined
  }
  return /^-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?$/i.test(text) ? Number(text) : text
}

function json(text: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return { problem: 'Not JSON: write an object as {"Key": "value"}, a text in quotes.' }
  }
}

/** The POST /admin/faults body for the form, or the fields whose JSON does not parse. */
export function faultBody(values: Record<string, string>): { body: object } | { error: ApiError } {
  const v = (name: string) => values[name] ?? ''
  const body: Record<string, unknown> = {}
  const problems: Record<string, string[]> = {}
  const text = (name: string, key = name) => {
    if (v(name) !== '') {
      body[key] = v(name)
    }
  }
  const num = (name: string) => {
    const value = numberOrText(v(name))
    if (value !== undefined) {
      body[name] = value
    }
  }
  text('Preset')
  text('Method')
  text('PathPattern')
  text('Route')
  text('User')
  if (v('Body') !== '') {
    const parsed = json(v('Body'))
    if ('problem' in parsed) {
      problems['Body'] = [parsed.problem]
    } else {
      body['Body'] = parsed.value
    }
  }
  if (v('Every') === 'true') {
    body['Times'] = null
  } else {
    num('Times')
  }
  num('Skip')
  num('Probability')
  text('When')
  num('DelayMs')
  text('Drop')
  if (v('Status') !== '' || v('ResponseBody') !== '' || v('ResponseHeaders') !== '') {
    const response: Record<string, unknown> = { Status: numberOrText(v('Status')) ?? '' }
    if (v('ResponseHeaders') !== '') {
      const parsed = json(v('ResponseHeaders'))
      if ('problem' in parsed) {
        problems['Response.Headers'] = [parsed.problem]
      } else {
        response['Headers'] = parsed.value
      }
    }
    if (v('ResponseBody') !== '') {
      const parsed = json(v('ResponseBody'))
      if ('problem' in parsed) {
        problems['Response.Body'] = [parsed.problem]
      } else {
        response['Body'] = parsed.value
      }
    }
    body['Response'] = response
  }
  if (Object.keys(problems).length > 0) {
    return { error: { Message: 'The form is invalid.', ModelState: problems } }
  }
  return { body }
}

const PRESET_OPTIONS = [
  ['', 'None (a response below)'],
  ...FAULT_PRESETS.map((p) => [p, p] as const),
] as const
const METHOD_OPTIONS = [['', 'Any method'], ...METHODS.map((m) => [m, m] as const)] as const
const DROP_OPTIONS = [
  ['', 'No: answer'],
  ['Reset', 'Reset the connection'],
  ['Hang', 'No answer until the client times out'],
] as const
const WHEN_OPTIONS = [
  ['Before', 'Before (nothing written)'],
  ['After', 'After (work committed)'],
] as const

export function faultForm(csrf: string, state: SandboxForm): Html {
  const { values, error } = state
  const f = (name: keyof typeof KEYS, label: string, extra: Partial<Parameters<typeof field>[0]>) =>
    field({ label, name, value: values[name], error, errorKeys: KEYS[name], ...extra })
  return html`<h3 id="fault-add-title">Add a rule</h3>
    ${errorSummary(error, CLAIMED)}
    <form class="fault-add" id="fault-add" method="post" action="/console/sandbox/faults">
      ${csrfField(csrf)}
      <fieldset>
        <legend>Requests it matches</legend>
        ${f('Method', 'Method', { options: METHOD_OPTIONS })}
        ${f('PathPattern', 'Path pattern', { placeholder: '/Orders/*' })}
        ${f('Route', 'Route template', { placeholder: '/Orders/{id}' })}
        ${f('User', 'User', { autocomplete: 'off' })}
        ${textArea({
          label: 'Request body contains (JSON)',
          name: 'Body',
          value: values['Body'],
          error,
          errorKeys: KEYS.Body,
          placeholder: '{"CompanyID": 1}',
        })}
      </fieldset>
      <fieldset>
        <legend>How often</legend>
        ${f('Times', 'Times (default 1)', { type: 'number', min: '1' })}
        ${checkbox({ label: 'Every match (no limit)', name: 'Every', checked: values['Every'] === 'true' })}
        ${f('Skip', 'Skip first matches', { type: 'number', min: '0' })}
        ${f('Probability', 'Probability (0–1]', { type: 'number', step: 'any' })}
        ${f('When', 'When', { value: values['When'] || 'Before', options: WHEN_OPTIONS })}
      </fieldset>
      <fieldset>
        <legend>What they get</legend>
        ${f('Preset', 'Preset', { options: PRESET_OPTIONS })}
        ${f('Status', 'Response status', { type: 'number', placeholder: '503' })}
        ${textArea({
          label: 'Response headers (JSON)',
          name: 'ResponseHeaders',
          value: values['ResponseHeaders'],
          error,
          errorKeys: KEYS.ResponseHeaders,
          placeholder: '{"Retry-After": "30"}',
        })}
        ${textArea({
          label: 'Response body (JSON)',
          name: 'ResponseBody',
          value: values['ResponseBody'],
          error,
          errorKeys: KEYS.ResponseBody,
          placeholder: '{"Message": "Down for maintenance."}',
        })}
        ${f('DelayMs', 'Delay (ms)', { type: 'number', min: '1' })}
        ${f('Drop', 'Drop the connection', { options: DROP_OPTIONS })}
      </fieldset>
      <div class="actions"><button type="submit" class="primary">Add rule</button></div>
    </form>`
}
