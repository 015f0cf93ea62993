// The face of the console-sessions module: web console sign-ins, shared by every instance.
export {
  CONSOLE_SESSION_HOURS,
  endSession,
  findActiveSession,
  startSession,
  type ConsoleSession,
  type StartedSession,
} from './console-sessions.service.ts'
