/** The journal's settings (from CROSSDOCK_JOURNAL*, see src/config.ts). */
export interface JournalOptions {
  enabled: boolean
  /** Rows kept; older ones are pruned. */
  maxRows: number
  /** Rows older than this (by the server clock) are pruned. */
  maxAgeMs: number
  /** Request and response bodies are cut at this many bytes. */
  bodyLimitBytes: number
}
