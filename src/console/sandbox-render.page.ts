import { errorOf, succeeded, type ApiAnswer, type ConsoleApi } from './console-api.ts'
import type { ConsoleContext, ConsoleResult } from './console-routes.ts'
import type { Html } from './html.ts'
import { page } from './layout.ts'
import type { ClockState } from './sandbox-clock.view.ts'
import { refusalStatus } from './sandbox-controls.view.ts'
import type { FaultRuleItem } from './sandbox-faults.view.ts'
import type { SnapshotItem } from './sandbox-snapshots.view.ts'
import {
  NO_FORMS,
  sandboxView,
  type SandboxData,
  type SandboxForms,
  type SandboxPart,
} from './sandbox.view.ts'

// The sandbox page drawn: three GETs (snapshots, faults, clock), in parallel, whatever they hold.
// Every action redirects back to it with a notice, or draws it again refused (400).

const itemsOf = <T>(answer: ApiAnswer<{ Items: T[] }>) =>
  succeeded(answer) ? answer.body.Items : errorOf(answer)

async function readSandbox(api: ConsoleApi): Promise<SandboxData> {
  const [snapshots, faults, clock] = await Promise.all([
    api.get<{ Items: SnapshotItem[] }>('/admin/snapshots'),
    api.get<{ Items: FaultRuleItem[] }>('/admin/faults'),
    api.get<ClockState>('/admin/clock'),
  ])
  return {
    snapshots: itemsOf(snapshots),
    faults: itemsOf(faults),
    clock: succeeded(clock) ? clock.body : errorOf(clock),
  }
}

/** The sandbox page with `forms` (refused ones), at the status already set. */
export async function sandboxPage(
  ctx: ConsoleContext,
  forms: Partial<SandboxForms> = {},
  notice?: string,
): Promise<Html> {
  const data = await readSandbox(ctx.api)
  return page(
    { title: 'Sandbox', section: 'sandbox', viewer: ctx.viewer, notice },
    sandboxView(ctx.viewer.csrfToken, data, { ...NO_FORMS, ...forms }),
  )
}

/** The page again with an action's refusal shown in its part, 400 (502 when the API failed). */
export async function refusedIn(
  ctx: ConsoleContext,
  part: SandboxPart,
  answer: ApiAnswer,
): Promise<ConsoleResult> {
  ctx.reply.code(refusalStatus(answer))
  return sandboxPage(ctx, { problems: { [part]: errorOf(answer) } })
}
