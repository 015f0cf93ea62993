// The face of the sandbox clock (issue 19): the shared, controllable server clock and its routes.
export { registerSandboxClockRoutes } from './sandbox-clock.routes.ts'
export {
  CLOCK_REFRESH_MS,
  SandboxClock,
  openSandboxClock,
  type ClockState,
} from './sandbox-clock.service.ts'
export {
  SandboxClockAdvance,
  SandboxClockChange,
  SandboxClockView,
} from './sandbox-clock.schemas.ts'
