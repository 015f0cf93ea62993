import { errorOf, succeeded } from './console-api.ts'
import type { ConsoleSectionRegistrar } from './console-routes.ts'
import { refusalStatus } from './sandbox-controls.view.ts'
import { faultBody, faultFormValues } from './sandbox-faults-form.view.ts'
import { refusedIn, sandboxPage } from './sandbox-render.page.ts'

// Fault rule actions: add (POST /admin/faults from the form), remove one, remove all.

const ID = /^[1-9]\d{0,9}$/

export const registerFaultActions: ConsoleSectionRegistrar = (routes) => {
  routes.action('/sandbox/faults', async (ctx, form) => {
    const values = faultFormValues(form)
    const mapped = faultBody(values)
    if ('error' in mapped) {
      ctx.reply.code(400)
      return sandboxPage(ctx, { fault: { values, error: mapped.error } })
    }
    const answer = await ctx.api.send<{ Id: number }>('POST', '/admin/faults', mapped.body)
    if (succeeded(answer)) {
      return { redirect: `/console/sandbox?done=fault-added&id=${answer.body.Id}#faults` }
    }
    ctx.reply.code(refusalStatus(answer))
    return sandboxPage(ctx, { fault: { values, error: errorOf(answer) } })
  })
  routes.action('/sandbox/faults/delete-all', async (ctx) => {
    const answer = await ctx.api.send<{ Deleted: number }>('DELETE', '/admin/faults')
    return succeeded(answer)
      ? { redirect: `/console/sandbox?done=faults-cleared&count=${answer.body.Deleted}#faults` }
      : refusedIn(ctx, 'faults', answer)
  })
  routes.action('/sandbox/faults/:id/delete', async (ctx) => {
    const id = ctx.params['id'] ?? ''
    // A path that is no ID is still the API's to refuse (its 400 and message), not a 404 here.
    const answer = await ctx.api.send(
      'DELETE',
      `/admin/faults/${ID.test(id) ? id : encodeURIComponent(id)}`,
    )
    return succeeded(answer)
      ? { redirect: `/console/sandbox?done=fault-removed&id=${id}#faults` }
      : refusedIn(ctx, 'faults', answer)
  })
}
