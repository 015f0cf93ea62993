import type { FaultResponseSpec } from './faults.types.ts'

// The presets answer as Crossdock itself answers these conditions, which is as Sellercloud does:
// rate-limited as src/app/rate-limit.ts through the error handler, token-expired as the auth hook,
// server-error as an unhandled error. `timeout` is not a response: it is Drop Hang.

const RATE_LIMIT_WINDOW_MS = 60_000

export function presetResponse(
  preset: string,
  now: Date,
  requestId: string,
): FaultResponseSpec | null {
  switch (preset) {
    case 'rate-limited': {
      const resetAt = new Date(now.getTime() + RATE_LIMIT_WINDOW_MS)
      return {
        status: 429,
        headers: { 'retry-after': String(RATE_LIMIT_WINDOW_MS / 1000) },
        body: {
          Error: 'Too many requests.',
          // Sellercloud prints seven fractional digits (.NET ticks).
          RateLimitResetTime: resetAt.toISOString().replace('Z', '0000Z'),
        },
      }
    }
    case 'token-expired':
      return {
        status: 401,
        headers: {},
        body: { Message: 'Authorization has been denied for this request.', Code: 'UNAUTHORIZED' },
      }
    case 'server-error':
      return {
        status: 500,
        headers: {},
        body: { Message: 'An error has occurred.', Code: 'INTERNAL', RequestId: requestId },
      }
    default:
      return null
  }
}
