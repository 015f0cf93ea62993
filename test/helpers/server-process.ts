import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  url: string
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts `src/main.ts` as a real process on a port the OS picks (it reports it through
 * CROSSDOCK_PORT_FILE, so two servers can never be mistaken for each other); resolves once `/health`
 * answers, or rejects with the process's output.
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const portFile = join(mkdtempSync(join(tmpdir(), 'crossdock-port-')), 'port')
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env, CROSSDOCK_PORT_FILE: portFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let ended: number | null | undefined
  void exited.then((code) => {
    ended = code
  })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (ended !== undefined) {
      throw new ExitedEarly(ended, out, err)
    }
    const port = existsSync(portFile) ? readFileSync(portFile, 'utf8').trim() : ''
    if (port !== '') {
      const url = `http://127.0.0.1:${port}`
      try {
        if ((await fetch(`${url}/health`)).status === 200) {
          return {
            child,
            url,
            stdout: () => out,
            stderr: () => err,
            exited,
            async stop(signal = 'SIGTERM') {
              child.kill(signal)
              return exited
            },
          }
        }
      } catch {
        // not answering yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`server did not start in ${timeoutMs} ms\n${out}\n${err}`)
}

/**
 * Starts `count` servers on the same environment at once; if any fails to start, stops the others
 * before rethrowing, so no process outlives the test.
 */
export async function startServerProcesses(
  env: Record<string, string>,
  count: number,
): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => startServerProcess(env)),
  )
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed !== undefined) {
    await Promise.all(
      started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.stop('SIGKILL')] : [])),
    )
    throw failed.reason
  }
  return started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value)
}

export class ExitedEarly extends Error {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  constructor(code: number | null, stdout: string, stderr: string) {
    super(`server exited with ${code}: ${stderr}`)
    this.code = code
    this.stdout = stdout
    this.stderr = stderr
  }
}

function requestToken(url: string, username: string, password: string): Promise<Response> {
  return fetch(`${url}/rest/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Username: username, Password: password }),
  })
}

export async function token(url: string, username: string, password: string): Promise<string> {
  const res = await requestToken(url, username, password)
  if (res.status !== 200) {
    throw new Error(`token: ${res.status} ${await res.text()}`)
  }
  return ((await res.json()) as { access_token: string }).access_token
}

/** The status a login with these credentials gets (200, or 400 for wrong ones). */
export async function loginStatus(
  url: string,
  username: string,
  password: string,
): Promise<number> {
  const res = await requestToken(url, username, password)
  await res.arrayBuffer()
  return res.status
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      )
    })
  })
}
