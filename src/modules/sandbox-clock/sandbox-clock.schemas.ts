import { Type } from 'typebox'
import { DateTimeInput, DateTimeOutput, ErrorBody } from '../../wire/schemas.ts'

/** 10,000 years, far past any test's need, and still exact in milliseconds. */
export const MAX_ADVANCE_SECONDS = 315_576_000_000

export const SandboxClockView = Type.Object({
  Now: DateTimeOutput,
  Frozen: Type.Boolean(),
  /** Sandbox now minus real now (0 at real time). */
  OffsetSeconds: Type.Integer(),
})

export const SandboxClockChange = Type.Object({
  Now: DateTimeInput,
  Frozen: Type.Optional(
    Type.Boolean({
      default: false,
      description: 'true: the clock stays at Now; false (default): it runs from Now on.',
    }),
  ),
})

export const SandboxClockAdvance = Type.Object({
  Seconds: Type.Integer({
    minimum: -MAX_ADVANCE_SECONDS,
    maximum: MAX_ADVANCE_SECONDS,
    description: 'Whole seconds to move the clock by; negative moves it back.',
  }),
})

export const sandboxClockErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } as const
