import { spawn, type ChildProcess } from 'node:child_process'
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

/** Starts `src/main.ts` as a real process; resolves once it listens (or rejects with its output). */
export function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${timeoutMs} ms\n${out}\n${err}`))
    }, timeoutMs)
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (match !== null) {
        clearTimeout(timer)
        resolve({
          child,
          url: match[1]!,
          stdout: () => out,
          stderr: () => err,
          exited,
          async stop(signal = 'SIGTERM') {
            child.kill(signal)
            return exited
          },
        })
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new ExitedEarly(code, out, err))
    })
  })
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

export async function token(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/rest/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Username: username, Password: password }),
  })
  if (res.status !== 200) {
    throw new Error(`token: ${res.status} ${await res.text()}`)
  }
  return ((await res.json()) as { access_token: string }).access_token
}
