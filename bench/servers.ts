import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { freePort } from '../test/helpers/server-process.ts'

export interface Started {
  child: ChildProcess
  url: string
  stop(): Promise<void>
  /** Peak resident set size of the process so far, in MiB (VmHWM). */
  peakRssMiB(): number
}

function peakRss(pid: number | undefined): number {
  if (pid === undefined) {
    return 0
  }
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1]
    return kb === undefined ? 0 : Math.round(Number(kb) / 1024)
  } catch {
    return 0
  }
}

/** Spawns `command args` (`{PORT}` in args is replaced) with PORT set and waits until `readyPath` answers (any status below 500). */
export async function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  readyPath = '/',
  timeoutMs = 60_000,
): Promise<Started> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    command,
    args.map((a) => a.replace('{PORT}', String(port))),
    { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)))
  child.stderr.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${command} ${args.join(' ')} exited early:\n${output}`)
    }
    try {
      const res = await fetch(`${url}${readyPath}`)
      if (res.status < 500) {
        break
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${command} did not start:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    child,
    url,
    peakRssMiB: () => peakRss(child.pid),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null) {
        child.kill('SIGKILL')
      }
    },
  }
}

/** One call of the API under `url`; anything but a 200 throws with the answer. */
export async function api<T>(
  url: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${url}/rest/api${path}`, {
    method,
    headers: {
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (res.status !== 200) {
    throw new Error(`${method} ${path}: ${res.status} ${text}`)
  }
  return JSON.parse(text) as T
}

/** A schema of its own on the PostgreSQL at `base`: the URL that uses it, and its removal. */
export async function scratchPostgresSchema(
  base: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  const url = new URL(base)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    },
  }
}
