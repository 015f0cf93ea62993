import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ConsoleSession } from '../modules/console-sessions/index.ts'
import type { ConsoleApi } from './console-api.ts'
import type { FormBody } from './forms.ts'
import type { Html } from './html.ts'
import type { Viewer } from './layout.ts'

/** What a console page or action is given: the signed-in administrator and the API as them. */
export interface ConsoleContext {
  request: FastifyRequest
  reply: FastifyReply
  session: ConsoleSession
  viewer: Viewer
  api: ConsoleApi
  /** The query string, one value per name (the first of repeated ones). */
  query: Record<string, string>
  /** The path's parameters (`:id`). */
  params: Record<string, string>
}

/** A page (a whole document or, for htmx, a fragment), or a redirect after an action. */
export type ConsoleResult = Html | { redirect: string }

export interface ConsoleRoutes {
  /** A GET under /console (path without the prefix, Fastify syntax: `/orders/:id`). */
  page(path: string, handler: (ctx: ConsoleContext) => Promise<ConsoleResult>): void
  /** A POST under /console: CSRF-checked before the handler runs; the form is parsed. */
  action(
    path: string,
    handler: (ctx: ConsoleContext, form: FormBody) => Promise<ConsoleResult>,
  ): void
}

/** A console section: registers its pages and actions. */
export type ConsoleSectionRegistrar = (routes: ConsoleRoutes) => void
