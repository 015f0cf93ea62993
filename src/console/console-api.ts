import type { FastifyInstance, InjectOptions } from 'fastify'
import { internalCallHeaders } from '../wire/internal-call.ts'

/** One answer of the HTTP API, its JSON body parsed (null when there is none). */
export interface ApiAnswer<T = unknown> {
  status: number
  body: T
  headers: Record<string, string | string[] | number | undefined>
}

/** A Sellercloud error body: what the API says went wrong, per field. */
export interface ApiError {
  Message?: string
  Code?: string
  ModelState?: Record<string, string[]>
}

/**
 * The HTTP API as the signed-in administrator calls it, in-process: the console's every read and
 * write goes through the same routes, validation and use cases as an integration's.
 */
export interface ConsoleApi {
  get<T = unknown>(path: string): Promise<ApiAnswer<T>>
  send<T = unknown>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<ApiAnswer<T>>
}

export function consoleApi(app: FastifyInstance, token: string, remoteAddress: string): ConsoleApi {
  const call = async <T>(options: InjectOptions): Promise<ApiAnswer<T>> => {
    const response = await app.inject({
      ...options,
      remoteAddress,
      headers: {
        ...internalCallHeaders(),
        authorization: `Bearer ${token}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    })
    const text = response.body
    let body: unknown = null
    if (text !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    }
    return { status: response.statusCode, body: body as T, headers: response.headers }
  }
  return {
    get: (path) => call({ method: 'GET', url: path }),
    send: (method, path, body) =>
      call({
        method,
        url: path,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  }
}

/** Whether an answer is a success (2xx). */
export function succeeded(answer: ApiAnswer): boolean {
  return answer.status >= 200 && answer.status < 300
}

/** The error body of a failed answer (empty when it had none). */
export function errorOf(answer: ApiAnswer): ApiError {
  return typeof answer.body === 'object' && answer.body !== null ? answer.body : {}
}
