import { errorOf, succeeded, type ApiAnswer } from './console-api.ts'
import type { ConsoleContext, ConsoleSectionRegistrar } from './console-routes.ts'
import { formValue, type FormBody } from './forms.ts'
import type { ClockState } from './sandbox-clock.view.ts'
import { EMPTY_FORM, refusalStatus } from './sandbox-controls.view.ts'
import { numberOrText } from './sandbox-faults-form.view.ts'
import { refusedIn, sandboxPage } from './sandbox-render.page.ts'

// Clock actions: freeze at the clock's now (GET, then PUT frozen), set (PUT), advance (POST
// /admin/clock/advance), back to real time (DELETE). Refused: the messages by the fields, 400.

const DONE = { redirect: '/console/sandbox?done=clock#clock' }

function refusedForm(
  ctx: ConsoleContext,
  which: 'set' | 'advance',
  values: Record<string, string>,
  answer: ApiAnswer,
) {
  ctx.reply.code(refusalStatus(answer))
  const form = { values, error: errorOf(answer) }
  return sandboxPage(ctx, {
    clock:
      which === 'set' ? { set: form, advance: EMPTY_FORM } : { set: EMPTY_FORM, advance: form },
  })
}

const checked = (form: FormBody, name: string) => formValue(form, name) === 'true'

export const registerClockActions: ConsoleSectionRegistrar = (routes) => {
  routes.action('/sandbox/clock/freeze', async (ctx) => {
    const now = await ctx.api.get<ClockState>('/admin/clock')
    if (!succeeded(now)) {
      return refusedIn(ctx, 'clock', now)
    }
    const answer = await ctx.api.send('PUT', '/admin/clock', { Now: now.body.Now, Frozen: true })
    return succeeded(answer) ? DONE : refusedIn(ctx, 'clock', answer)
  })
  routes.action('/sandbox/clock/set', async (ctx, form) => {
    const values = { Now: formValue(form, 'Now'), Frozen: checked(form, 'Frozen') ? 'true' : '' }
    const body = { Now: values.Now, Frozen: values.Frozen === 'true' }
    const answer = await ctx.api.send('PUT', '/admin/clock', body)
    return succeeded(answer) ? DONE : refusedForm(ctx, 'set', values, answer)
  })
  routes.action('/sandbox/clock/advance', async (ctx, form) => {
    const values = { Seconds: formValue(form, 'Seconds') }
    const body = { Seconds: numberOrText(values.Seconds) ?? '' }
    const answer = await ctx.api.send('POST', '/admin/clock/advance', body)
    return succeeded(answer) ? DONE : refusedForm(ctx, 'advance', values, answer)
  })
  routes.action('/sandbox/clock/real', async (ctx) => {
    const answer = await ctx.api.send('DELETE', '/admin/clock')
    return succeeded(answer) ? DONE : refusedIn(ctx, 'clock', answer)
  })
}
