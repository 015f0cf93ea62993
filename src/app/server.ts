import { writeFile } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'
import { prepare } from './bootstrap.ts'
import type { Config } from '../config.ts'
import { buildApp } from './app.ts'

export interface RunningServer {
  app: FastifyInstance
  url: string
  close(): Promise<void>
}

/** Prepares the database, builds the app and listens. Closing drains requests, then the pool. */
export async function startServer(config: Config): Promise<RunningServer> {
  const prepared = await prepare(config)
  const { deps } = prepared
  const app = await buildApp(deps, {
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.body.Password'] },
  })
  let draining = false
  // While draining, answer with `Connection: close`, so keep-alive sockets do not hold the close open.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) {
      reply.header('connection', 'close')
    }
  })
  app.addHook('preClose', async () => {
    draining = true
  })
  app.addHook('onClose', async () => {
    await deps.db.destroy()
  })
  const log = app.log
  if (prepared.migrationsApplied.length > 0) {
    log.info({ migrations: prepared.migrationsApplied }, 'migrations applied')
  }
  log.info({ seed: prepared.seed }, 'reference data ready')
  if (prepared.admin.created) {
    log.info({ username: prepared.admin.username }, 'first admin user created')
  }
  const url = await app.listen({ host: config.host, port: config.port })
  if (config.portFile !== undefined) {
    const address = app.server.address()
    await writeFile(
      config.portFile,
      String(typeof address === 'object' && address !== null ? address.port : config.port),
    )
  }
  if (prepared.admin.generatedPassword !== undefined) {
    // Printed once, to the terminal only: never written to the log stream.
    process.stderr.write(
      `\n  Crossdock admin user "${prepared.admin.username}" created with password: ${prepared.admin.generatedPassword}\n` +
        '  (set CROSSDOCK_ADMIN_PASSWORD to choose it; this is the only time it is shown)\n\n',
    )
  }
  return { app, url, close: () => app.close() }
}

/** SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the database, exit. */
export function closeOnSignals(server: RunningServer): void {
  let closing = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      return
    }
    closing = true
    server.app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'error while shutting down')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}
