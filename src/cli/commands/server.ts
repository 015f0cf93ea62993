import type { Command } from 'commander'

// Server-side commands: they open the database directly. Data commands use the SDK instead.
// The server's modules load only when a server command runs, so data commands start quickly.
async function serverModules() {
  const [bootstrap, config, migrator, app, server, fixtures, clock, errors, fs] = await Promise.all(
    [
      import('../../app/bootstrap.ts'),
      import('../../config.ts'),
      import('../../db/migrator.ts'),
      import('../../app/app.ts'),
      import('../../app/server.ts'),
      import('../../modules/admin/index.ts'),
      import('../../shared/clock.ts'),
      import('../../shared/errors.ts'),
      import('node:fs/promises'),
    ],
  )
  return {
    ...bootstrap,
    ...config,
    ...migrator,
    ...app,
    ...server,
    ...fixtures,
    ...clock,
    ...errors,
    readFile: fs.readFile,
    writeFile: fs.writeFile,
  }
}

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('start the server (configuration from environment variables, see README)')
    .option('-p, --port <port>', 'port to listen on (env PORT)')
    .option('--host <host>', 'address to bind (env HOST)')
    .option(
      '-d, --database <url>',
      'sqlite:<path>, sqlite::memory: or postgres://… (env DATABASE_URL)',
    )
    .action(async (options: { port?: string; host?: string; database?: string }) => {
      const { closeOnSignals, startServer, loadConfig } = await serverModules()
      const env = { ...process.env }
      if (options.port !== undefined) {
        env.PORT = options.port
      }
      if (options.host !== undefined) {
        env.HOST = options.host
      }
      if (options.database !== undefined) {
        env.DATABASE_URL = options.database
      }
      const config = loadConfig(env)
      closeOnSignals(await startServer(config), config.shutdownGraceMs)
    })

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .option('-d, --database <url>', 'database URL (env DATABASE_URL)')
    .action(async (options: { database?: string }) => {
      const { loadConfig, openDatabase, migrateToLatest } = await serverModules()
      const config = loadConfig({
        ...process.env,
        ...(options.database !== undefined && { DATABASE_URL: options.database }),
      })
      const db = await openDatabase(config)
      try {
        const applied = await migrateToLatest(db)
        process.stdout.write(
          applied.length === 0 ? 'schema is up to date\n' : `applied: ${applied.join(', ')}\n`,
        )
      } finally {
        await db.destroy()
      }
    })

  program
    .command('seed')
    .description(
      'load a fixtures file (companies, vendors, warehouses, payment terms, products, settings, users)',
    )
    .argument('<file>', 'fixtures JSON file')
    .option('-d, --database <url>', 'database URL (env DATABASE_URL)')
    .action(async (file: string, options: { database?: string }) => {
      const m = await serverModules()
      const { loadConfig, readFile, parseFixtures, ValidationError, openDatabase } = m
      const { migrateToLatest, applyFixtures, systemClock } = m
      const config = loadConfig({
        ...process.env,
        ...(options.database !== undefined && { DATABASE_URL: options.database }),
      })
      let data
      try {
        data = parseFixtures(JSON.parse(await readFile(file, 'utf8')))
      } catch (error) {
        if (error instanceof ValidationError) {
          const [field, messages] = Object.entries(error.modelState ?? {})[0] ?? ['', []]
          throw new Error(`${file} is invalid: ${field} ${messages.join(' ')}`, { cause: error })
        }
        throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error })
      }
      const db = await openDatabase(config)
      try {
        await migrateToLatest(db)
        const report = await applyFixtures(db, systemClock, data)
        process.stdout.write(
          `loaded ${Object.entries(report)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}\n`,
        )
      } finally {
        await db.destroy()
      }
    })

  program
    .command('openapi')
    .description('write the OpenAPI 3 document')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .action(async (options: { out?: string }) => {
      const { loadConfig, prepare, buildApp, writeFile } = await serverModules()
      const config = loadConfig({
        ...process.env,
        DATABASE_URL: 'sqlite::memory:',
        CROSSDOCK_FIXTURES: '',
      })
      const prepared = await prepare(config)
      const app = await buildApp(prepared.deps)
      await app.ready()
      const json = `${JSON.stringify(app.swagger(), null, 2)}\n`
      await app.close()
      await prepared.deps.db.destroy()
      if (options.out === undefined) {
        process.stdout.write(json)
      } else {
        await writeFile(options.out, json)
      }
    })
}
