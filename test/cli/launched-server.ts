import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

// A server started the way people start it (`npm start`, `crossdock serve`, an installed tarball),
// with what the signal and package tests check on it: its process tree, its port, its end.

/** The system Node older than 24 on PATH (outside any node_modules), or undefined. */
export function systemNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'node')
    if (dir.includes('node_modules') || !existsSync(candidate)) {
      continue
    }
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim()
    if (Number(version.replace(/^v/, '').split('.')[0]) < 24) {
      return candidate
    }
  }
  return undefined
}

/** PATH with the system Node's folder first, and no node_modules/.bin (as in a plain shell). */
export function plainPath(node: string): string {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => !d.includes('node_modules'))
  return [join(node, '..'), ...dirs].join(delimiter)
}

export interface LaunchedServer {
  child: ChildProcess
  port: number
  output: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Spawns `command` with PORT=0 and a port file, resolves once `/health` answers on the port.
 * @example const s = await launch('npm', ['start'], { cwd: root, env })
 */
export async function launch(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
  timeoutMs = 60_000,
): Promise<LaunchedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crossdock-launch-'))
  const portFile = join(dir, 'port')
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: {
      ...options.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CROSSDOCK_PORT_FILE: portFile,
      DATABASE_URL: options.env.DATABASE_URL ?? `sqlite:${join(dir, 'crossdock.db')}`,
      CROSSDOCK_ADMIN_PASSWORD: 'launch-admin-password',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  let ended = false
  void exited.then(() => (ended = true))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && !ended) {
    const port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : 0
    if (port > 0) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) {
          return { child, port, output: () => output, exited }
        }
      } catch {
        // not answering yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`${command} ${args.join(' ')} did not serve in time (ended: ${ended})\n${output}`)
}

/** Every process under `pid` (children first listed by /proc, then theirs). */
export function descendants(pid: number): number[] {
  const found: number[] = []
  const walk = (parent: number) => {
    let tasks: string[]
    try {
      tasks = readdirSync(`/proc/${parent}/task`)
    } catch {
      return
    }
    for (const task of tasks) {
      let children = ''
      try {
        children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8')
      } catch {
        continue
      }
      for (const child of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
        found.push(child)
        walk(child)
      }
    }
  }
  walk(pid)
  return found
}

/** Whether a process with this PID exists (and is not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** Resolves true when a TCP connection to the port is refused, false when something accepts it. */
export function portRefused(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' ? resolve(true) : reject(error),
    )
  })
}

/** Polls until `check` holds or `ms` pass; returns whether it held. */
export async function within(
  ms: number,
  check: () => boolean | Promise<boolean>,
): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) {
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return check()
}
