import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join, sep } from 'node:path'

// The machine's own Node and npm, not the repository's pinned Node 24 (node_modules/.bin/node),
// which `npm run` puts first on PATH.

export interface SystemNode {
  node: string
  npm: string
  version: string
  major: number
  /** PATH without any node_modules/.bin, so `#!/usr/bin/env node` finds this Node too. */
  env: Record<string, string>
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first `node` on PATH outside any node_modules/.bin, with the `npm` beside it (or on PATH). */
export async function findSystemNode(): Promise<SystemNode | undefined> {
  const dirs = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((d) => d !== '' && !`${d}${sep}`.includes(`${sep}node_modules${sep}.bin${sep}`))
  const nodeDir = dirs.find((d) => executable(join(d, 'node')))
  if (nodeDir === undefined) {
    return undefined
  }
  const npmDir = [nodeDir, ...dirs].find((d) => executable(join(d, 'npm')))
  if (npmDir === undefined) {
    return undefined
  }
  const path = [nodeDir, ...dirs.filter((d) => d !== nodeDir)].join(delimiter)
  const env = { ...(process.env as Record<string, string>), PATH: path }
  const node = join(nodeDir, 'node')
  const { stdout } = await run(node, ['--version'], { env })
  const version = stdout.trim()
  return {
    node,
    npm: join(npmDir, 'npm'),
    version,
    major: Number(/^v(\d+)/.exec(version)?.[1]),
    env,
  }
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `command` to its end; rejects (with its output) unless it exits 0. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const result = { code, stdout, stderr }
      if (code === 0) {
        resolve(result)
      } else {
        const line = [command, ...args].join(' ')
        reject(new Error(`${line} exited with ${code}\n${stdout}\n${stderr}`))
      }
    })
  })
}
