import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  SandboxClockAdvance,
  SandboxClockChange,
  SandboxClockView,
  sandboxClockErrors,
} from './sandbox-clock.schemas.ts'
import type { ClockState, SandboxClock } from './sandbox-clock.service.ts'

// GET|PUT|DELETE /admin/clock, POST /admin/clock/advance: the shared sandbox clock. Admins only.

const config = { access: 'admin' as const }
const tags = ['Sandbox']
const response = { 200: SandboxClockView, ...sandboxClockErrors }

function toView(state: ClockState) {
  return {
    Now: state.now.toISOString(),
    Frozen: state.frozen,
    OffsetSeconds: state.offsetSeconds,
  }
}

/**
 * The clock routes, and the clock's background refresh for as long as the app runs (from
 * `onReady` to `onClose`: an app that never starts polls nothing).
 */
export function registerSandboxClockRoutes(
  app: FastifyInstance,
  deps: { clock: SandboxClock },
): void {
  const { clock } = deps
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  app.addHook('onReady', async () => clock.start())
  app.addHook('onClose', async () => clock.stop())

  api.get(
    '/clock',
    {
      config,
      schema: { tags, description: "The sandbox clock: the server's now.", response },
    },
    async () => toView(clock.state()),
  )
  api.put(
    '/clock',
    {
      config,
      schema: {
        tags,
        description:
          'Sets the sandbox clock for every instance: frozen at Now, or running from Now on.',
        body: SandboxClockChange,
        response,
      },
    },
    async (request) =>
      toView(await clock.set(new Date(request.body.Now), request.body.Frozen ?? false)),
  )
  api.post(
    '/clock/advance',
    {
      config,
      schema: {
        tags,
        description: 'Moves the sandbox clock by Seconds (frozen or running).',
        body: SandboxClockAdvance,
        response,
      },
    },
    async (request) => toView(await clock.advance(request.body.Seconds)),
  )
  api.delete(
    '/clock',
    {
      config,
      schema: { tags, description: 'Back to real time, running.', response },
    },
    async () => toView(await clock.reset()),
  )
}
