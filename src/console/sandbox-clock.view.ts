import type { ApiError } from './console-api.ts'
import { csrfField, errorSummary, field } from './forms.ts'
import { html, type Html } from './html.ts'
import { checkbox, type SandboxForm } from './sandbox-controls.view.ts'

// The sandbox clock (GET /admin/clock): its now and whether it is frozen, and the forms that
// freeze it, set it, advance it and put it back to real time.

export interface ClockState {
  Now: string
  Frozen: boolean
  OffsetSeconds: number
}

export interface ClockForms {
  set: SandboxForm
  advance: SandboxForm
}

/** A datetime-local value (UTC, seconds) for an ISO instant. */
export function localValue(iso: string): string {
  return iso.slice(0, 19)
}

/** The offset from real time in words. */
export function offsetText(seconds: number): string {
  if (seconds === 0) {
    return 'real time'
  }
  const sign = seconds > 0 ? 'ahead' : 'behind'
  const a = Math.abs(seconds)
  const d = Math.floor(a / 86_400)
  const h = Math.floor((a % 86_400) / 3600)
  const m = Math.floor((a % 3600) / 60)
  const s = a % 60
  const parts = [d && `${d} d`, h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean)
  return `${parts.join(' ')} ${sign}`
}

const button = (csrf: string, action: string, label: string) =>
  html`<form class="inline" method="post" action="/console/sandbox/clock/${action}">
    ${csrfField(csrf)}
    <button type="submit">${label}</button>
  </form>`

function clockFacts(clock: ClockState | ApiError): Html {
  if (!('Now' in clock)) {
    return errorSummary(clock)
  }
  return html`<dl class="props">
    <dt>Now</dt>
    <dd><time id="clock-now" datetime="${clock.Now}">${clock.Now}</time></dd>
    <dt>Frozen</dt>
    <dd id="clock-frozen">${clock.Frozen ? 'yes' : 'no'}</dd>
    <dt>Offset</dt>
    <dd id="clock-offset">${offsetText(clock.OffsetSeconds)}</dd>
  </dl>`
}

export function clockSection(
  csrf: string,
  clock: ClockState | ApiError,
  forms: ClockForms,
  problem: ApiError | undefined,
): Html {
  const set = forms.set
  const now = set.values['Now'] ?? ('Now' in clock ? localValue(clock.Now) : '')
  return html`<section class="card" id="clock" aria-labelledby="clock-title">
    <h2 id="clock-title">Clock</h2>
    ${errorSummary(problem)} ${clockFacts(clock)}
    <p>${button(csrf, 'freeze', 'Freeze at now')} ${button(csrf, 'real', 'Back to real time')}</p>
    <div class="grid2">
      <div>
        ${errorSummary(set.error, ['Now', 'Frozen'])}
        <form id="clock-set" method="post" action="/console/sandbox/clock/set">
          ${csrfField(csrf)}
          ${field({
            label: 'Set now to (UTC)',
            name: 'Now',
            type: 'datetime-local',
            step: '1',
            value: now,
            error: set.error,
            errorKeys: ['Now'],
            required: true,
          })}
          ${checkbox({
            label: 'Frozen (stays at this time)',
            name: 'Frozen',
            checked: set.values['Frozen'] === 'true',
            error: set.error,
            errorKeys: ['Frozen'],
          })}
          <div class="actions"><button type="submit">Set clock</button></div>
        </form>
      </div>
      <div>
        ${errorSummary(forms.advance.error, ['Seconds'])}
        <form id="clock-advance" method="post" action="/console/sandbox/clock/advance">
          ${csrfField(csrf)}
          ${field({
            label: 'Advance by (seconds, negative goes back)',
            name: 'Seconds',
            type: 'number',
            step: '1',
            value: forms.advance.values['Seconds'] ?? '3600',
            error: forms.advance.error,
            errorKeys: ['Seconds'],
            required: true,
          })}
          <div class="actions"><button type="submit">Advance clock</button></div>
        </form>
      </div>
    </div>
  </section>`
}
