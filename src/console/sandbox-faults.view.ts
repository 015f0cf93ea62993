import type { ApiError } from './console-api.ts'
import { csrfField, errorSummary } from './forms.ts'
import { html, type Html } from './html.ts'
import { isList, type SandboxForm } from './sandbox-controls.view.ts'
import { faultForm } from './sandbox-faults-form.view.ts'

// The fault rules (GET /admin/faults): what each matches, how often it fires, what it answers and
// how many requests it has faulted; a remove button per rule, one for all, and the add form.

export interface FaultRuleItem {
  Id: number
  Method: string | null
  Route: string | null
  PathPattern: string | null
  User: string | null
  Body: unknown
  Times: number | null
  Skip: number
  Probability: number | null
  When: string
  Preset: string | null
  Response: { Status: number; Body?: unknown } | null
  DelayMs: number | null
  Drop: string | null
  Matches: number
  Hits: number
  Spent: boolean
}

/** What requests a rule matches, in words. */
export function matchText(rule: FaultRuleItem): string {
  const parts = [rule.Method ?? 'Any method']
  if (rule.PathPattern !== null) {
    parts.push(`path ${rule.PathPattern}`)
  }
  if (rule.Route !== null) {
    parts.push(`route ${rule.Route}`)
  }
  if (rule.User !== null) {
    parts.push(`user ${rule.User}`)
  }
  if (rule.Body !== null && rule.Body !== undefined) {
    parts.push(`body contains ${JSON.stringify(rule.Body)}`)
  }
  return parts.join(' · ')
}

/** How often a rule fires: times, skipped matches, probability. */
export function countText(rule: FaultRuleItem): string {
  const parts = [rule.Times === null ? 'every match' : `${rule.Times}×`]
  if (rule.Skip > 0) {
    parts.push(`after ${rule.Skip} skipped`)
  }
  if (rule.Probability !== null) {
    parts.push(`p ${rule.Probability}`)
  }
  return parts.join(', ')
}

/** What a faulted request gets. */
export function actionText(rule: FaultRuleItem): string {
  const parts: string[] = []
  if (rule.Preset !== null) {
    parts.push(rule.Preset)
  }
  if (rule.Response !== null) {
    const body = rule.Response.Body === undefined ? '' : ` ${JSON.stringify(rule.Response.Body)}`
    parts.push(`${rule.Response.Status}${body}`)
  }
  if (rule.Drop !== null) {
    parts.push(`drop (${rule.Drop})`)
  }
  if (rule.DelayMs !== null) {
    parts.push(`delay ${rule.DelayMs} ms`)
  }
  return parts.join(' + ')
}

function ruleRow(csrf: string, rule: FaultRuleItem): Html {
  return html`<tr id="fault-${rule.Id}">
    <td class="num">${rule.Id}</td>
    <td>${matchText(rule)}</td>
    <td>${rule.When}</td>
    <td>${countText(rule)}</td>
    <td>${actionText(rule)}</td>
    <td class="num" id="fault-${rule.Id}-hits">${rule.Hits}</td>
    <td class="num">${rule.Matches}</td>
    <td>
      ${rule.Spent ? html`<span class="badge">spent</span>` : html`<span class="badge good">active</span>`}
    </td>
    <td>
      <form class="inline" method="post" action="/console/sandbox/faults/${rule.Id}/delete">
        ${csrfField(csrf)}
        <button type="submit" aria-label="Remove rule ${rule.Id}">Remove</button>
      </form>
    </td>
  </tr>`
}

export function faultsSection(
  csrf: string,
  rules: readonly FaultRuleItem[] | ApiError,
  form: SandboxForm,
  problem: ApiError | undefined,
): Html {
  const list = isList(rules)
    ? rules.length === 0
      ? html`<p class="muted" id="faults-empty">
          No fault rule: every request is answered normally.
        </p>`
      : html`<div class="table-wrap">
            <table id="fault-list">
              <caption>
                Fault rules, first match wins
              </caption>
              <thead>
                <tr>
                  <th scope="col">ID</th>
                  <th scope="col">Matches requests</th>
                  <th scope="col">When</th>
                  <th scope="col">Fires</th>
                  <th scope="col">Answers</th>
                  <th scope="col">Hits</th>
                  <th scope="col">Matched</th>
                  <th scope="col">State</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                ${rules.map((rule) => ruleRow(csrf, rule))}
              </tbody>
            </table>
          </div>
          <form
            class="inline"
            method="post"
            action="/console/sandbox/faults/delete-all"
            data-confirm="Remove every fault rule?"
          >
            ${csrfField(csrf)}
            <button type="submit" class="danger">Remove all rules</button>
          </form>`
    : errorSummary(rules)
  return html`<section class="card" id="faults" aria-labelledby="faults-title">
    <h2 id="faults-title">Faults</h2>
    <p class="muted">
      Rules that make matching API requests (<code>/rest/api</code>, <code>/api</code>) fail, slow
      down or hang. Faulted answers carry <code>X-Crossdock-Fault</code>. The console's own calls
      are never faulted.
    </p>
    ${errorSummary(problem)} ${list} ${faultForm(csrf, form)}
  </section>`
}
