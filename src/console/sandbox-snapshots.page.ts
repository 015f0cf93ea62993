import { errorOf, succeeded } from './console-api.ts'
import type { ConsoleContext, ConsoleSectionRegistrar } from './console-routes.ts'
import { formValue } from './forms.ts'
import { queryString } from './html.ts'
import { refusalStatus } from './sandbox-controls.view.ts'
import type { SnapshotItem } from './sandbox-snapshots.view.ts'
import { refusedIn, sandboxPage } from './sandbox-render.page.ts'

// Snapshot actions, each one call of the API: take (POST /admin/snapshots), restore and delete.

const done = (what: string, s: SnapshotItem) => ({
  redirect: `/console/sandbox${queryString({ done: what, name: s.Name, Tables: s.Tables, Rows: s.Rows })}#snapshots`,
})

const apiPath = (ctx: ConsoleContext) =>
  `/admin/snapshots/${encodeURIComponent(ctx.params['name'] ?? '')}`

export const registerSnapshotActions: ConsoleSectionRegistrar = (routes) => {
  routes.action('/sandbox/snapshots', async (ctx, form) => {
    const name = formValue(form, 'Name')
    const answer = await ctx.api.send<SnapshotItem>('POST', '/admin/snapshots', { Name: name })
    if (succeeded(answer)) {
      return done('snapshot-taken', answer.body)
    }
    ctx.reply.code(refusalStatus(answer))
    return sandboxPage(ctx, { snapshot: { values: { Name: name }, error: errorOf(answer) } })
  })
  routes.action('/sandbox/snapshots/:name/restore', async (ctx) => {
    const answer = await ctx.api.send<SnapshotItem>('POST', `${apiPath(ctx)}/restore`)
    return succeeded(answer)
      ? done('snapshot-restored', answer.body)
      : refusedIn(ctx, 'snapshots', answer)
  })
  routes.action('/sandbox/snapshots/:name/delete', async (ctx) => {
    const answer = await ctx.api.send<SnapshotItem>('DELETE', apiPath(ctx))
    return succeeded(answer)
      ? done('snapshot-deleted', answer.body)
      : refusedIn(ctx, 'snapshots', answer)
  })
}
