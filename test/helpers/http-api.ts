export interface Api {
  /** Calls `<url>/rest/api<path>` with the bearer token; the body is parsed JSON (null when empty). */
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>
}

/** A tiny JSON client for tests that drive a real server process over HTTP. */
export function api(url: string, bearer: string): Api {
  return {
    async call(method, path, body) {
      const res = await fetch(`${url}/rest/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as never }
    },
  }
}
