import { ConnectionError, RateLimitApiError, errorFromResponse } from './errors.ts'
import { eitherSignal, randomKey } from './portable.ts'
import type { Page, TokenResponse } from './types.ts'

// The transport: base URL, bearer token (lazy, cached, renewed), retries and the 429 wait. Uses only
// the global `fetch` and `AbortSignal` (portable.ts for the rest), so it runs in Node ≥ 18, Deno, Bun
// and browsers.

export interface ClientOptions {
  /**
   * The server: `http://127.0.0.1:8080` or the API root (`https://xx.api.sellercloud.us/rest/api`).
   * A URL whose path does not end in `/api` gets `/rest/api` appended.
   */
  baseUrl: string
  /** Credentials for `POST /token`; the token is fetched on first use and renewed before it expires. */
  username?: string
  password?: string
  /** A bearer token to use as is (not renewed). With credentials too, it is used until it is refused. */
  token?: string
  /** Defaults to the global `fetch`. Tests inject one that calls the app in process. */
  fetch?: typeof fetch
  /** Per attempt; default 30 s. */
  timeoutMs?: number
  /** Attempts after a network error (or 502/503/504) for GETs and keyed writes; default 2. */
  retries?: number
  /** Send an `Idempotency-Key` with every POST/PUT and retry them like GETs; default false. */
  retryWrites?: boolean
  /** Waiting out a 429: at most `maxWaitMs` per wait (default 60 s) and `maxRetries` waits (default 3). */
  rateLimit?: { maxWaitMs?: number; maxRetries?: number }
  /** Renew the token this long before it expires (at most a quarter of its lifetime); default 60. */
  renewBeforeSeconds?: number
  /** Extra headers sent with every request. */
  headers?: Record<string, string>
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

/** Options of one call. */
export interface RequestOptions {
  signal?: AbortSignal
  /**
   * Sent as `Idempotency-Key` on a POST/PUT; makes the call safe to retry after a network error
   * (Crossdock replays the first answer for the same key and body).
   */
  idempotencyKey?: string
  /** For a POST/PUT: generate an `Idempotency-Key` and retry on network errors (see `retryWrites`). */
  retry?: boolean
  headers?: Record<string, string>
}

export type Query = Record<string, string | number | boolean | null | undefined | unknown[]>

export interface CallSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  query?: Query | undefined
  /** Prefix of query keys: Sellercloud documents its list filters as `model.<name>`. */
  queryPrefix?: string
  body?: unknown
  auth?: boolean
  /** A Crossdock admin route: `path` is under `/admin` of the server, not under the API root. */
  admin?: boolean
  options?: RequestOptions | undefined
}

const TRANSIENT = new Set([502, 503, 504])

/** `http://host:8080/rest/api` (or `/api`) → `http://host:8080/admin`, Crossdock's admin routes. */
export function adminRoot(apiRootUrl: string): string {
  return apiRootUrl.replace(/(\/rest)?\/api$/i, '/admin')
}

/** `http://host:8080` → `http://host:8080/rest/api`; an API root is kept. */
export function apiRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '')
  return /\/api$/i.test(new URL(trimmed).pathname) ? trimmed : `${trimmed}/rest/api`
}

export function queryString(query: Query | undefined, prefix = ''): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    const values: unknown[] = Array.isArray(value) ? value : [value]
    for (const v of values) {
      if (v instanceof Date) {
        params.append(`${prefix}${key}`, v.toISOString())
      } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        params.append(`${prefix}${key}`, String(v))
      }
    }
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

interface CachedToken {
  token: string
  renewAt: number
  expiresAt: number
}

export class Transport {
  readonly root: string
  private readonly opts: ClientOptions
  private readonly fetchFn: typeof fetch
  private readonly sleep: (ms: number) => Promise<void>
  private readonly now: () => number
  private cached: CachedToken | undefined
  private pending: Promise<CachedToken> | undefined

  constructor(options: ClientOptions) {
    this.opts = options
    this.root = apiRoot(options.baseUrl)
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.now = options.now ?? Date.now
    if (options.token !== undefined) {
      this.cached = { token: options.token, renewAt: Infinity, expiresAt: Infinity }
    }
  }

  private get canLogIn(): boolean {
    return this.opts.username !== undefined && this.opts.password !== undefined
  }

  /** The current bearer token: fetched on first use, renewed shortly before it expires. */
  async token(): Promise<string> {
    const cached = this.cached
    if (cached !== undefined && (this.now() < cached.renewAt || !this.canLogIn)) {
      return cached.token
    }
    if (!this.canLogIn) {
      throw new Error('createClient: pass username and password, or a token')
    }
    this.pending ??= this.logIn().finally(() => {
      this.pending = undefined
    })
    return (await this.pending).token
  }

  /** Logs in now and returns the whole token answer. */
  async logIn(): Promise<CachedToken & { response: TokenResponse }> {
    const issuedAt = this.now()
    const response = await this.call<TokenResponse>({
      method: 'POST',
      path: '/token',
      body: { Username: this.opts.username, Password: this.opts.password },
      auth: false,
      // No side effect: safe to repeat after a network error.
      options: { idempotencyKey: undefined, retry: true },
    })
    const lifetimeMs = response.expires_in * 1000
    const margin = Math.min((this.opts.renewBeforeSeconds ?? 60) * 1000, lifetimeMs / 4)
    const entry = {
      token: response.access_token,
      expiresAt: issuedAt + lifetimeMs,
      renewAt: issuedAt + lifetimeMs - margin,
    }
    this.cached = entry
    return { ...entry, response }
  }

  /** Sends one call with token handling, 429 waits and network retries; returns the parsed body. */
  async call<T>(spec: CallSpec): Promise<T> {
    const { method, options = {} } = spec
    const write = method !== 'GET'
    const isTokenCall = spec.auth === false
    const key =
      write && !isTokenCall
        ? (options.idempotencyKey ??
          ((options.retry ?? this.opts.retryWrites) === true ? randomKey() : undefined))
        : undefined
    const retriable = !write || key !== undefined || (isTokenCall && options.retry === true)
    const base = spec.admin === true ? adminRoot(this.root) : this.root
    const url = `${base}${spec.path}${queryString(spec.query, spec.queryPrefix)}`
    const maxRetries = this.opts.retries ?? 2
    const maxWaits = this.opts.rateLimit?.maxRetries ?? 3
    const maxWaitMs = this.opts.rateLimit?.maxWaitMs ?? 60_000
    let networkRetries = 0
    let waits = 0
    let renewed = false

    for (;;) {
      const bearer = spec.auth === false ? undefined : await this.token()
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...this.opts.headers,
        ...options.headers,
        ...(bearer !== undefined && { authorization: `Bearer ${bearer}` }),
        ...(spec.body !== undefined && { 'content-type': 'application/json' }),
        ...(key !== undefined && { 'idempotency-key': key }),
      }
      let res: Response
      let text: string
      const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 30_000)
      const { signal, release } =
        options.signal === undefined
          ? { signal: timeout, release: () => {} }
          : eitherSignal(options.signal, timeout)
      try {
        res = await this.fetchFn(url, {
          method,
          headers,
          ...(spec.body !== undefined && { body: JSON.stringify(spec.body) }),
          signal,
        })
        text = await res.text()
      } catch (error) {
        if (options.signal?.aborted === true) {
          throw error
        }
        if (retriable && networkRetries < maxRetries) {
          await this.sleep(Math.min(2000, 200 * 2 ** networkRetries))
          networkRetries += 1
          continue
        }
        throw new ConnectionError(method, url, error)
      } finally {
        release()
      }
      const body = parseBody(text)
      if (res.ok) {
        return body as T
      }
      if (res.status === 401 && bearer !== undefined && this.canLogIn && !renewed) {
        // Expired or revoked early: log in again once, then repeat the call.
        renewed = true
        if (this.cached?.token === bearer) {
          this.cached = undefined
        }
        continue
      }
      const error = errorFromResponse(res.status, body, res.headers, method, spec.path, this.now())
      if (error instanceof RateLimitApiError && waits < maxWaits) {
        // The limiter refuses before the handler runs, so repeating a write is safe.
        const wait = Math.max(0, (error.resetAt?.getTime() ?? this.now() + 1000) - this.now())
        if (wait <= maxWaitMs) {
          waits += 1
          await this.sleep(wait + 50)
          continue
        }
      }
      if (retriable && TRANSIENT.has(res.status) && networkRetries < maxRetries) {
        await this.sleep(Math.min(2000, 200 * 2 ** networkRetries))
        networkRetries += 1
        continue
      }
      throw error
    }
  }
}

function parseBody(text: string): unknown {
  if (text === '') {
    return undefined
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * Every item of a paged list, page after page (page size 50, Sellercloud's largest).
 * @example for await (const po of paginate((n, s) => client.purchaseOrders.list({ pageNumber: n, pageSize: s }))) {}
 */
export async function* paginate<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
  pageSize = 50,
): AsyncGenerator<T, void, undefined> {
  let seen = 0
  for (let pageNumber = 1; ; pageNumber += 1) {
    const page = await fetchPage(pageNumber, pageSize)
    for (const item of page.Items) {
      yield item
    }
    seen += page.Items.length
    // The server may clamp the page size, so only an empty page or the total ends the walk.
    if (page.Items.length === 0 || seen >= page.TotalResults) {
      return
    }
  }
}
