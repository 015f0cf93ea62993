import diagnostics from 'node:diagnostics_channel'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { sql } from 'kysely'
import { accessLevelOf, type AccessLevel } from '../../src/app/auth-hook.ts'
import type { Database } from '../../src/db/database.ts'
import { dialectOf } from '../../src/db/dialect.ts'

// Helpers shared by the reliability suites (not a test file itself).

export interface CollectedRoute {
  method: string
  url: string
  access: AccessLevel
  schema: RouteOptions['schema']
}

/**
 * Runs `build` (which creates a Fastify app) and returns every route it registered, as Fastify's
 * `onRoute` hook saw them. The hook is attached through Fastify's `fastify.initialization`
 * diagnostics channel, so it sees the real route table of `buildApp` without changing it.
 */
export async function collectRoutes<T>(
  build: () => Promise<T>,
): Promise<{ result: T; routes: CollectedRoute[] }> {
  const routes: CollectedRoute[] = []
  const channel = diagnostics.channel('fastify.initialization')
  const subscriber = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance }
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        routes.push({
          method,
          url: route.url,
          access: accessLevelOf(route.config, route.url),
          schema: route.schema,
        })
      }
    })
  }
  channel.subscribe(subscriber)
  try {
    return { result: await build(), routes }
  } finally {
    channel.unsubscribe(subscriber)
  }
}

async function tableNames(db: Database): Promise<string[]> {
  const query =
    dialectOf(db) === 'postgres'
      ? sql<{
          name: string
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{
          name: string
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
  const { rows } = await query.execute(db)
  return rows.map((r) => r.name).sort()
}

/** Every row of every table, as sorted JSON lines: equal snapshots mean nothing was written. */
export async function snapshotDatabase(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {}
  for (const name of await tableNames(db)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      db,
    )
    snapshot[name] = rows.map((r) => JSON.stringify(r)).sort()
  }
  return snapshot
}

/** Row counts of every table in one query: the cheap check for "a rejected request wrote nothing". */
export async function rowCounter(db: Database): Promise<() => Promise<string>> {
  const names = await tableNames(db)
  const parts = names.map((n) => sql`(select count(*) from ${sql.table(n)})`)
  const query = sql<{ counts: string }>`select ${sql.join(parts, sql`|| ',' ||`)} as counts`
  return async () => (await query.execute(db)).rows[0]!.counts
}
