// Web APIs that are not everywhere the SDK runs (Node ≥ 18, browsers), with their fallback.

/** The part of Web Crypto used here (both members may be missing). */
export interface WebCrypto {
  randomUUID?: () => string
  getRandomValues?: (array: Uint8Array) => Uint8Array
}

/**
 * A random UUID v4 for an `Idempotency-Key`. `crypto.randomUUID` is missing in Node 18 (no global
 * `crypto` before 19) and in a browser page not served over HTTPS; the key only has to be unique, so
 * `getRandomValues`, or else `Math.random`, fills the 122 random bits then.
 */
export function randomKey(webCrypto = (globalThis as { crypto?: WebCrypto }).crypto): string {
  if (typeof webCrypto?.randomUUID === 'function') {
    return webCrypto.randomUUID()
  }
  const bytes = new Uint8Array(16)
  if (typeof webCrypto?.getRandomValues === 'function') {
    webCrypto.getRandomValues(bytes)
  } else {
    for (let i = 0; i < bytes.length; i += 1) {
      bytes[i] = Math.floor(Math.random() * 256)
    }
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * A signal that aborts when `a` or `b` does, with the reason of the first; `release` removes the
 * listeners (a caller's signal may outlive many calls). `AbortSignal.any` would do it from Node 20.3
 * (18.17) only.
 */
export function eitherSignal(
  a: AbortSignal,
  b: AbortSignal,
): { signal: AbortSignal; release: () => void } {
  for (const s of [a, b]) {
    if (s.aborted) {
      return { signal: s, release: () => {} }
    }
  }
  const controller = new AbortController()
  const release = (): void => {
    a.removeEventListener('abort', onAbort)
    b.removeEventListener('abort', onAbort)
  }
  function onAbort(this: AbortSignal): void {
    release()
    controller.abort(this.reason)
  }
  a.addEventListener('abort', onAbort)
  b.addEventListener('abort', onAbort)
  return { signal: controller.signal, release }
}
