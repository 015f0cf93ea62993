import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { Option, type Command } from 'commander'
import { createClient, type CrossdockClient } from '../../../packages/client/src/index.ts'

// Where data commands find the server and credentials: flags, then environment variables, then a
// config file (`--config`, CROSSDOCK_CONFIG, ./crossdock.config.json, ~/.config/crossdock/config.json).

export interface ConnectionFlags {
  url?: string
  username?: string
  password?: string
  token?: string
  config?: string
  json?: boolean
  retry?: boolean
}

interface ConfigFile {
  url?: string
  username?: string
  password?: string
  token?: string
}

const DEFAULT_URL = 'http://127.0.0.1:8080'

/** Adds the connection options (each also read from an environment variable) and `--json`. */
export function withConnection(command: Command): Command {
  return command
    .addOption(
      new Option('--url <url>', `server or API root (default ${DEFAULT_URL})`).env('CROSSDOCK_URL'),
    )
    .addOption(new Option('-u, --username <name>', 'user name').env('CROSSDOCK_USERNAME'))
    .addOption(new Option('--password <password>', 'password').env('CROSSDOCK_PASSWORD'))
    .addOption(
      new Option('--token <token>', 'bearer token instead of a password').env('CROSSDOCK_TOKEN'),
    )
    .addOption(
      new Option('--config <file>', 'JSON config file {url, username, password, token}').env(
        'CROSSDOCK_CONFIG',
      ),
    )
    .option('--json', 'print JSON for scripts instead of a table')
}

function configPath(explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    return explicit
  }
  const local = join(process.cwd(), 'crossdock.config.json')
  if (existsSync(local)) {
    return local
  }
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
  const user = join(base, 'crossdock', 'config.json')
  return existsSync(user) ? user : undefined
}

function readConfig(path: string | undefined): ConfigFile {
  if (path === undefined) {
    return {}
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read config file ${path}: ${(error as Error).message}`, {
      cause: error,
    })
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`config file ${path} must hold a JSON object`)
  }
  const config = parsed as Record<string, unknown>
  for (const key of ['url', 'username', 'password', 'token']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') {
      throw new Error(`config file ${path}: "${key}" must be a string`)
    }
  }
  return config
}

/** The SDK client the flags, environment and config file describe. */
export function clientFrom(flags: ConnectionFlags): CrossdockClient {
  const file = readConfig(configPath(flags.config))
  const url = flags.url ?? file.url ?? DEFAULT_URL
  const username = flags.username ?? file.username
  const password = flags.password ?? file.password
  const token = flags.token ?? file.token
  if (token === undefined && (username === undefined || password === undefined)) {
    throw new Error(
      'no credentials: pass --username and --password (or CROSSDOCK_USERNAME and CROSSDOCK_PASSWORD, or a config file), or --token',
    )
  }
  try {
    new URL(url)
  } catch {
    throw new Error(`--url ${url} is not a URL`)
  }
  return createClient({
    baseUrl: url,
    ...(username !== undefined && { username }),
    ...(password !== undefined && { password }),
    ...(token !== undefined && { token }),
    ...(flags.retry === true && { retryWrites: true }),
  })
}
