import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  alive,
  descendants,
  launch,
  plainPath,
  portRefused,
  systemNode,
  within,
} from './launched-server.ts'

// A signal to the process people start (`npm start`, `crossdock serve` through the launcher that
// re-runs it on Node 24) stops the server: the port is free and no process of the tree is left.
// The server's database plays no part in this, so these run on a temporary SQLite file only.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = fileURLToPath(new URL('../../bin/crossdock.js', import.meta.url))
const node = systemNode()
const skip =
  node === undefined ? 'no Node older than 24 on PATH: the launcher path is not taken' : false

/** `signal` to the launched PID ends the tree; the launcher ends as the server did (`end`). */
async function assertStopsOn(
  signal: NodeJS.Signals,
  command: string,
  args: string[],
  end: { code: number | null; signal: NodeJS.Signals | null } = { code: 0, signal: null },
): Promise<void> {
  const server = await launch(command, args, {
    cwd: ROOT,
    env: { ...process.env, PATH: plainPath(node!) },
  })
  const pid = server.child.pid!
  const tree = descendants(pid)
  assert.ok(tree.length > 0, 'the launched process runs the server as a child')
  server.child.kill(signal)
  const ended = await Promise.race([
    server.exited,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000)),
  ])
  try {
    assert.ok(ended !== undefined, `still running 10 s after ${signal}\n${server.output()}`)
    assert.deepEqual({ code: ended.code, signal: ended.signal }, end, server.output())
    assert.ok(
      await within(2_000, () => tree.every((p) => !alive(p))),
      `left running: ${tree.join(', ')}`,
    )
    assert.equal(await portRefused(server.port), true, 'the port is free')
  } finally {
    for (const p of [pid, ...tree].filter(alive)) {
      process.kill(p, 'SIGKILL')
    }
  }
}

describe('signals to the started server', { skip }, () => {
  it('should free the port and leave no child when `npm start` gets SIGTERM', async () => {
    await assertStopsOn('SIGTERM', 'npm', ['start', '--silent'])
  })

  it('should free the port and leave no child when `crossdock serve` (system Node) gets SIGTERM', async () => {
    await assertStopsOn('SIGTERM', node!, [BIN, 'serve'])
  })

  it('should hand SIGINT and SIGHUP through the launcher too, ending as the server ends', async () => {
    await assertStopsOn('SIGINT', node!, [BIN, 'serve'])
    // The server does not handle SIGHUP: it dies of it, and so does the launcher.
    await assertStopsOn('SIGHUP', node!, [BIN, 'serve'], { code: null, signal: 'SIGHUP' })
  })
})
