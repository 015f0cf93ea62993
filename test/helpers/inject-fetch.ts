import type { FastifyInstance } from 'fastify'
import { createClient, type CrossdockClient } from '../../packages/client/src/index.ts'
import { ADMIN_PASSWORD, type TestApp } from './build-app.ts'

// The SDK against an in-process app: its `fetch` hands every request to `app.inject`.

/** A `fetch` that hands the request to `app.inject`. */
export function injectFetch(app: FastifyInstance): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(typeof init.body === 'string' && { payload: init.body }),
    })
    const headers = new Headers()
    for (const [key, value] of Object.entries(res.headers)) {
      if (value !== undefined) {
        headers.set(key, Array.isArray(value) ? value.join(', ') : String(value))
      }
    }
    return new Response(res.body === '' ? null : res.body, { status: res.statusCode, headers })
  }
}

/** An SDK client logged in as the test app's admin, talking to it in process. */
export function injectedClient(t: TestApp): CrossdockClient {
  return createClient({
    baseUrl: 'http://crossdock.test',
    username: 'admin',
    password: ADMIN_PASSWORD,
    fetch: injectFetch(t.app),
  })
}
