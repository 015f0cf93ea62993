import { succeeded } from './console-api.ts'
import type { ConsoleSectionRegistrar } from './console-routes.ts'
import { registerClockActions } from './sandbox-clock.page.ts'
import { registerFaultActions } from './sandbox-faults.page.ts'
import { refusedIn, sandboxPage } from './sandbox-render.page.ts'
import { registerSnapshotActions } from './sandbox-snapshots.page.ts'
import { doneNotice, resetDoneHref, type ResetAnswer } from './sandbox.view.ts'

// `/console/sandbox` (issue 21): reset, snapshots, faults and the clock, through /admin.

export const registerSandbox: ConsoleSectionRegistrar = (routes) => {
  routes.page('/sandbox', (ctx) => sandboxPage(ctx, {}, doneNotice(ctx.query)))
  routes.action('/sandbox/reset', async (ctx) => {
    const answer = await ctx.api.send<ResetAnswer>('POST', '/admin/reset')
    return succeeded(answer)
      ? { redirect: resetDoneHref(answer.body) }
      : refusedIn(ctx, 'reset', answer)
  })
  registerSnapshotActions(routes)
  registerFaultActions(routes)
  registerClockActions(routes)
}
