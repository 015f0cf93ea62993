import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before } from 'node:test'
import { fileURLToPath } from 'node:url'
import { createClient, type CrossdockClient } from '../../packages/client/src/index.ts'
import type { TestDialect } from './dialects.ts'
import { scratchDatabase, type ScratchDatabase } from './scratch-database.ts'
import { startServerProcess, type ServerProcess } from './server-process.ts'

// One server process on a scratch database for a CLI suite, the `crossdock` command run against
// it as a process, and an SDK client on it for setting data up. Hooks are registered in the
// calling `describe`; the fields are filled once its `before` has run.

const BIN = fileURLToPath(new URL('../../bin/crossdock.js', import.meta.url))
export const CLI_ADMIN_PASSWORD = 'cli-admin-password'

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `crossdock <args>` with `env` (and none of the caller's CROSSDOCK_ variables) in `cwd`, with
 * `input` on standard input (empty when not given).
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  cwd: string,
  input = '',
): Promise<CliRun> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CROSSDOCK_')),
  )
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...base, XDG_CONFIG_HOME: join(cwd, 'xdg'), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

export interface CliServer {
  server: ServerProcess
  sdk: CrossdockClient
  /** The CLI's connection variables for the server (URL, admin user and password). */
  env: Record<string, string>
  /** A scratch working directory for the CLI. */
  dir: string
  run(...args: string[]): Promise<CliRun>
}

/**
 * Starts a server for the enclosing `describe` (before) and stops it and drops its database (after).
 * @example const cli = useCliServer(dialect, 'cli_ship'); it('…', async () => { await cli.run('orders', 'ship', '1') })
 */
export function useCliServer(
  dialect: TestDialect,
  name: string,
  serverEnv: Record<string, string> = {},
): CliServer {
  let database: ScratchDatabase | undefined
  const handle = {
    run: (...args: string[]) => runCli(args, handle.env, handle.dir),
  } as CliServer
  before(async () => {
    database = await scratchDatabase(dialect, name)
    handle.server = await startServerProcess({
      DATABASE_URL: database.url,
      CROSSDOCK_ADMIN_PASSWORD: CLI_ADMIN_PASSWORD,
      CROSSDOCK_RATE_LIMIT: 'off',
      LOG_LEVEL: 'warn',
      ...serverEnv,
    })
    handle.env = {
      CROSSDOCK_URL: handle.server.url,
      CROSSDOCK_USERNAME: 'admin',
      CROSSDOCK_PASSWORD: CLI_ADMIN_PASSWORD,
    }
    handle.dir = mkdtempSync(join(tmpdir(), `crossdock-${name}-`))
    handle.sdk = createClient({
      baseUrl: handle.server.url,
      username: 'admin',
      password: CLI_ADMIN_PASSWORD,
    })
  })
  after(async () => {
    try {
      await handle.server?.stop()
    } finally {
      await database?.drop()
    }
  })
  return handle
}
