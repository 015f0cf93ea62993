import type { ApiError } from './console-api.ts'
import { csrfField, errorSummary } from './forms.ts'
import { html, queryString, type Html } from './html.ts'
import { clockSection, type ClockForms, type ClockState } from './sandbox-clock.view.ts'
import { EMPTY_FORM, type SandboxForm } from './sandbox-controls.view.ts'
import { faultsSection, type FaultRuleItem } from './sandbox-faults.view.ts'
import { snapshotsSection, type SnapshotItem } from './sandbox-snapshots.view.ts'

// `/console/sandbox`: reset, snapshots, faults and the clock on one page, and the notice an action
// leaves (after its redirect) from the few query values it sets: names and counts, never free text.

export type SandboxPart = 'reset' | 'snapshots' | 'faults' | 'clock'

export interface SandboxData {
  snapshots: readonly SnapshotItem[] | ApiError
  faults: readonly FaultRuleItem[] | ApiError
  clock: ClockState | ApiError
}

/** Forms sent back refused, and actions refused (restore, delete...) per part of the page. */
export interface SandboxForms {
  snapshot: SandboxForm
  fault: SandboxForm
  clock: ClockForms
  problems: Partial<Record<SandboxPart, ApiError>>
}

export const NO_FORMS: SandboxForms = {
  snapshot: EMPTY_FORM,
  fault: EMPTY_FORM,
  clock: { set: EMPTY_FORM, advance: EMPTY_FORM },
  problems: {},
}

export interface ResetAnswer {
  Source: string
  Tables: number
  Companies: number
  Vendors: number
  Warehouses: number
  PaymentTerms: number
  Products: number
  Users: number
}

const RESET_COUNTS = [
  ['Companies', 'companies'],
  ['Vendors', 'vendors'],
  ['Warehouses', 'warehouses'],
  ['PaymentTerms', 'payment terms'],
  ['Products', 'products'],
  ['Users', 'users'],
] as const

/** Where a reset redirects: its answer's counts in the query. */
export function resetDoneHref(answer: ResetAnswer): string {
  const counts = Object.fromEntries(RESET_COUNTS.map(([key]) => [key, answer[key]]))
  return `/console/sandbox${queryString({ done: 'reset', Source: answer.Source, Tables: answer.Tables, ...counts })}#reset`
}

const count = (value: string | undefined) => (/^\d{1,9}$/.test(value ?? '') ? value : '?')
const NAME = /^[A-Za-z0-9._-]{1,64}$/

/** The notice for the action named by `done` (nothing for an unknown one). */
export function doneNotice(query: Record<string, string>): string | undefined {
  const name = NAME.test(query['name'] ?? '') ? query['name'] : '?'
  switch (query['done'] ?? '') {
    case 'reset': {
      const source = query['Source'] === 'fixtures' ? 'the configured fixtures' : 'the demo set'
      const loaded = RESET_COUNTS.map(([key, label]) => `${count(query[key])} ${label}`)
      return `Sandbox reset to ${source}: ${count(query['Tables'])} tables emptied, loaded ${loaded.join(', ')}.`
    }
    case 'snapshot-taken':
      return `Snapshot ${name} taken: ${count(query['Tables'])} tables, ${count(query['Rows'])} rows.`
    case 'snapshot-restored':
      return `Snapshot ${name} restored: ${count(query['Tables'])} tables, ${count(query['Rows'])} rows.`
    case 'snapshot-deleted':
      return `Snapshot ${name} deleted.`
    case 'fault-added':
      return `Fault rule ${count(query['id'])} added.`
    case 'fault-removed':
      return `Fault rule ${count(query['id'])} removed.`
    case 'faults-cleared':
      return `${count(query['count'])} fault rules removed.`
    case 'clock':
      return 'Clock changed.'
    default:
      return undefined
  }
}

function resetSection(csrf: string, problem: ApiError | undefined): Html {
  return html`<section class="card" id="reset" aria-labelledby="reset-title">
    <h2 id="reset-title">Reset</h2>
    <p>
      Empties every data table (orders, POs, products, users but the admins…) and loads the fixtures
      again, IDs from 1. Snapshots, fault rules, the clock and the request journal stay.
    </p>
    ${errorSummary(problem)}
    <form
      method="post"
      action="/console/sandbox/reset"
      data-confirm="Reset the sandbox? Every order, PO and change since the fixtures is lost."
    >
      ${csrfField(csrf)}
      <button type="submit" class="danger">Reset sandbox</button>
    </form>
  </section>`
}

export function sandboxView(csrf: string, data: SandboxData, forms: SandboxForms): Html {
  const p = forms.problems
  return html`<h1>Sandbox</h1>
    <nav aria-label="Sandbox parts">
      <ul class="sandbox-parts">
        <li><a href="#reset">Reset</a></li>
        <li><a href="#snapshots">Snapshots</a></li>
        <li><a href="#faults">Faults</a></li>
        <li><a href="#clock">Clock</a></li>
      </ul>
    </nav>
    ${resetSection(csrf, p.reset)}
    ${snapshotsSection(csrf, data.snapshots, forms.snapshot, p.snapshots)}
    ${faultsSection(csrf, data.faults, forms.fault, p.faults)}
    ${clockSection(csrf, data.clock, forms.clock, p.clock)}`
}
