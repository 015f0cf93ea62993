import type { ApiError } from './console-api.ts'
import { csrfField, errorSummary, field } from './forms.ts'
import { html, type Html } from './html.ts'
import { isList, type SandboxForm } from './sandbox-controls.view.ts'

// The snapshots (GET /admin/snapshots), each with restore and delete, and the form taking one.

export interface SnapshotItem {
  Name: string
  CreatedOn: string
  Tables: number
  Rows: number
}

const NAME_KEYS = ['Name', 'name']

/**
 * The API's refusal of a name, its messages by the name field: a duplicate is a 409 without
 * ModelState, and its message belongs to the field as much as a bad name's.
 */
export function nameError(error: ApiError | null): ApiError | null {
  if (error === null || error.ModelState !== undefined || error.Code !== 'DUPLICATE') {
    return error
  }
  return { Code: error.Code, ModelState: { Name: [error.Message ?? 'The name is in use.'] } }
}

function snapshotRow(csrf: string, s: SnapshotItem): Html {
  const path = `/console/sandbox/snapshots/${encodeURIComponent(s.Name)}`
  return html`<tr>
    <th scope="row">${s.Name}</th>
    <td>
      <time datetime="${s.CreatedOn}"
        >${s.CreatedOn.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}</time
      >
    </td>
    <td class="num">${s.Tables}</td>
    <td class="num">${s.Rows}</td>
    <td>
      <form
        class="inline"
        method="post"
        action="${path}/restore"
        data-confirm="Restore snapshot ${s.Name}? Every change since it was taken is lost."
      >
        ${csrfField(csrf)}
        <button type="submit" aria-label="Restore ${s.Name}">Restore</button>
      </form>
      <form
        class="inline"
        method="post"
        action="${path}/delete"
        data-confirm="Delete snapshot ${s.Name}?"
      >
        ${csrfField(csrf)}
        <button type="submit" class="danger" aria-label="Delete ${s.Name}">Delete</button>
      </form>
    </td>
  </tr>`
}

export function snapshotsSection(
  csrf: string,
  snapshots: readonly SnapshotItem[] | ApiError,
  form: SandboxForm,
  problem: ApiError | undefined,
): Html {
  const error = nameError(form.error)
  const list = isList(snapshots)
    ? snapshots.length === 0
      ? html`<p class="muted" id="snapshots-empty">No snapshot yet.</p>`
      : html`<div class="table-wrap">
          <table id="snapshot-list">
            <caption>
              Snapshots, oldest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Taken</th>
                <th scope="col">Tables</th>
                <th scope="col">Rows</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              ${snapshots.map((s) => snapshotRow(csrf, s))}
            </tbody>
          </table>
        </div>`
    : errorSummary(snapshots)
  return html`<section class="card" id="snapshots" aria-labelledby="snapshots-title">
    <h2 id="snapshots-title">Snapshots</h2>
    ${errorSummary(problem)} ${list} ${errorSummary(error, NAME_KEYS)}
    <form class="filters" id="snapshot-create" method="post" action="/console/sandbox/snapshots">
      ${csrfField(csrf)}
      ${field({
        label: 'Snapshot name',
        name: 'Name',
        value: form.values['Name'],
        error,
        errorKeys: NAME_KEYS,
        required: true,
        placeholder: 'before-test',
        autocomplete: 'off',
      })}
      <div class="actions"><button type="submit" class="primary">Take snapshot</button></div>
    </form>
  </section>`
}
