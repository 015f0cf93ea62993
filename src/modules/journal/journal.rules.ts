// What the journal keeps of a request: secrets redacted, bodies cut at the configured size. Pure.

export const REDACTED = '***'
/** Stored instead of a body the parser refused that names a secret property. */
export const REFUSED_WITH_SECRET =
  '(a body that could not be parsed and names a secret property: not kept)'

/** Keys whose values are never stored: passwords, secrets, tokens (any case, at any depth). */
const SECRET_KEY = /password|secret|^access_token$|^refresh_token$|^authorization$|^token$/i

/** Whether a JSON text may hold a secret-named property: the cheap test before redacting a copy. */
export function mayHoldSecret(text: string): boolean {
  return /password|secret|token|authorization/i.test(text)
}

/**
 * A copy of `value` with every secret property's value replaced by `***`; the secret texts found are
 * added to `found` (so the response can be scrubbed of any echo of them).
 */
export function redactValue(value: unknown, found: string[] = []): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, found))
  }
  if (typeof value !== 'object' || value === null) {
    return value
  }
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) {
      if (typeof child === 'string' && child !== '') {
        found.push(child)
      }
      out[key] = REDACTED
    } else {
      out[key] = redactValue(child, found)
    }
  }
  return out
}

/** A raw query string with the values of secret-looking parameters replaced. */
export function redactQuery(query: string): string {
  if (!/pass|secret|token|authorization/i.test(query)) {
    return query
  }
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      const key = eq === -1 ? pair : pair.slice(0, eq)
      let name = key
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '))
      } catch {
        // a malformed escape: judge the raw key
      }
      return eq !== -1 && SECRET_KEY.test(name) ? `${key}=${REDACTED}` : pair
    })
    .join('&')
}

/**
 * A response text without secrets: token responses' `access_token` (and any secret-named property)
 * redacted, and every secret the request carried replaced wherever the response echoes it.
 */
export function redactResponseText(text: string, requestSecrets: readonly string[]): string {
  let out = text
  if (/access_token|password|secret|refresh_token/i.test(out)) {
    try {
      out = JSON.stringify(redactValue(JSON.parse(out)))
    } catch {
      out = out.replace(
        /("(?:access_token|refresh_token|[^"]*password[^"]*|[^"]*secret[^"]*)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
        `$1"${REDACTED}"`,
      )
    }
  }
  for (const secret of requestSecrets) {
    if (secret.length >= 4) {
      out = out.replaceAll(secret, REDACTED)
    }
  }
  return out
}

export interface CutText {
  text: string
  /** Size of the whole text in UTF-8 bytes (before the cut). */
  bytes: number
  truncated: boolean
}

/** `text` cut to at most `limit` UTF-8 bytes (never inside a character). */
export function cutText(text: string, limit: number, knownBytes?: number): CutText {
  const bytes = knownBytes ?? Buffer.byteLength(text, 'utf8')
  if (bytes <= limit && knownBytes === undefined) {
    return { text, bytes, truncated: false }
  }
  const buffer = Buffer.from(text, 'utf8')
  if (buffer.length <= limit) {
    return { text, bytes, truncated: bytes > buffer.length }
  }
  let end = limit
  // Back off continuation bytes (10xxxxxx) so the cut falls between characters.
  while (end > 0 && (buffer[end]! & 0xc0) === 0x80) {
    end -= 1
  }
  return { text: buffer.subarray(0, end).toString('utf8'), bytes, truncated: true }
}
