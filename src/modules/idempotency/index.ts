// The face of the idempotency module (the `Idempotency-Key` store the app's hook uses).
export {
  DEFAULT_IDEMPOTENCY_OPTIONS,
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  type IdempotencyClaim,
  type IdempotencyOptions,
} from './idempotency.service.ts'
