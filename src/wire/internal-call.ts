import { randomBytes } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

// The web console reads and writes through the HTTP API in-process (`app.inject`), so it runs the
// same validation and use cases as any client. Those calls carry this header with a value made at
// start-up that never leaves the process: the sandbox controls (faults, journal, rate limits) leave
// them alone, so a fault meant for an integration is not spent on the console's own page loads.

export const INTERNAL_CALL_HEADER = 'x-crossdock-internal-call'
const INTERNAL_CALL_VALUE = randomBytes(24).toString('base64url')

export function internalCallHeaders(): Record<string, string> {
  return { [INTERNAL_CALL_HEADER]: INTERNAL_CALL_VALUE }
}

/** Whether the request is the console's own, in-process call. A client cannot forge the value. */
export function isInternalCall(request: FastifyRequest): boolean {
  return request.headers[INTERNAL_CALL_HEADER] === INTERNAL_CALL_VALUE
}
