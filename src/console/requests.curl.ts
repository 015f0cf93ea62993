// "Copy as curl" for a journal entry: a POSIX shell command that sends the request again against
// the same server. The token is never in it (the journal keeps none): `$TOKEN` stands in for it.
// Pure.

/** What of a journal entry the command needs. */
export interface CurlSource {
  Method: string
  Path: string
  Query: string | null
  RequestHeaders: Record<string, string> | null
  RequestBody: string | null
}

/** One shell word in single quotes: nothing inside is expanded; a `'` becomes `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}

function headerValue(headers: Record<string, string> | null, name: string): string | undefined {
  if (headers === null) {
    return undefined
  }
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : headers[key]
}

/**
 * The curl command of `entry` against `baseUrl` (`http://host:port`, no trailing slash): method,
 * path and query, the bearer token as `$TOKEN` (the one argument in double quotes, so the shell
 * expands it), the Content-Type and the body as recorded.
 *
 * @example
 * curlCommand('http://127.0.0.1:3000', { Method: 'GET', Path: '/rest/api/Orders', Query: null,
 *   RequestHeaders: null, RequestBody: null })
 * // curl -X 'GET' 'http://127.0.0.1:3000/rest/api/Orders' \
 * //   -H "Authorization: Bearer $TOKEN"
 */
export function curlCommand(baseUrl: string, entry: CurlSource): string {
  const query = entry.Query === null || entry.Query === '' ? '' : `?${entry.Query}`
  const url = `${baseUrl.replace(/\/+$/, '')}${entry.Path}${query}`
  const lines = [
    `curl -X ${shellQuote(entry.Method)} ${shellQuote(url)}`,
    `-H "Authorization: Bearer $TOKEN"`,
  ]
  const contentType = headerValue(entry.RequestHeaders, 'content-type')
  if (contentType !== undefined) {
    lines.push(`-H ${shellQuote(`Content-Type: ${contentType}`)}`)
  }
  if (entry.RequestBody !== null) {
    // --data-raw: a body starting with @ is sent as is, not read from a file.
    lines.push(`--data-raw ${shellQuote(entry.RequestBody)}`)
  }
  return lines.join(' \\\n  ')
}
