import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { ExitedEarly, startServerProcess } from '../helpers/server-process.ts'

// Bad start-up settings end the process at once with one line naming the variable. An unusable
// SQLite path used to hang (Node's recursive mkdir loops on `/proc/nope`): now it fails fast.

const FAST_MS = 15_000

async function expectOneLine(env: Record<string, string>, pattern: RegExp): Promise<void> {
  const started = Date.now()
  await assert.rejects(startServerProcess(env, FAST_MS), (error: unknown) => {
    assert.ok(error instanceof ExitedEarly, `${JSON.stringify(env)}: ${String(error)}`)
    assert.equal(error.code, 1)
    const lines = error.stderr.trim().split('\n')
    assert.equal(lines.length, 1, error.stderr)
    assert.match(lines[0]!, pattern)
    return true
  })
  assert.ok(Date.now() - started < FAST_MS, 'failed fast')
}

const dir = () => mkdtempSync(join(tmpdir(), 'crossdock-startcfg-'))

describe('start-up configuration errors (real process)', () => {
  it('should refuse bad LOG_LEVEL, HOST and CROSSDOCK_CORS_ORIGINS in one line naming the variable', async () => {
    const db = `sqlite:${join(dir(), 'a.db')}`
    await expectOneLine(
      { DATABASE_URL: db, LOG_LEVEL: 'verbose' },
      /^crossdock: configuration error: LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"$/,
    )
    await expectOneLine(
      { DATABASE_URL: db, HOST: 'http://localhost' },
      /^crossdock: configuration error: HOST: /,
    )
    await expectOneLine(
      { DATABASE_URL: db, CROSSDOCK_CORS_ORIGINS: 'tool.example.com' },
      /^crossdock: configuration error: CROSSDOCK_CORS_ORIGINS: /,
    )
    assert.equal(existsSync(db.slice('sqlite:'.length)), false, 'nothing was opened')
  })

  it('should fail fast on a SQLite folder that cannot be created, a directory, or a file in the way', async () => {
    const base = dir()
    writeFileSync(join(base, 'file'), 'x')
    mkdirSync(join(base, 'folder.db'))
    const cases: Array<[string, RegExp]> = [
      ['/proc/nope/crossdock.db', /cannot create the folder \/proc\/nope \(ENOENT\)/],
      ['/proc/nope/deeper/crossdock.db', /cannot create the folder \/proc\/nope/],
      [join(base, 'folder.db'), /folder\.db is a directory, not a database file/],
      [join(base, 'file', 'crossdock.db'), /file is not a directory/],
    ]
    for (const [path, reason] of cases) {
      await expectOneLine(
        { DATABASE_URL: `sqlite:${path}` },
        new RegExp(
          `^crossdock: configuration error: DATABASE_URL: cannot open the database: .*${reason.source}`,
        ),
      )
    }
  })

  it('should fail fast on a read-only folder', async (t) => {
    const base = dir()
    const readOnly = join(base, 'ro')
    mkdirSync(readOnly)
    chmodSync(readOnly, 0o555)
    const env = { DATABASE_URL: `sqlite:${join(readOnly, 'crossdock.db')}` }
    const pattern =
      /^crossdock: configuration error: DATABASE_URL: cannot open the database: cannot write in .*ro \(permission denied\)$/
    if (process.getuid?.() !== 0) {
      await expectOneLine(env, pattern)
      return
    }
    // root writes anywhere: run the server as nobody, where the folder is read-only.
    if (!existsSync('/usr/bin/setpriv')) {
      t.skip('running as root without setpriv')
      return
    }
    chmodSync(base, 0o755)
    const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url))
    const asNobody = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]
    // A checkout under a private folder (mktemp -d is 0700) cannot be read by nobody at all.
    const readable = spawnSync('/usr/bin/setpriv', [
      ...asNobody,
      '-e',
      `require('node:fs').accessSync(${JSON.stringify(main)})`,
    ])
    if (readable.status !== 0) {
      t.skip('nobody cannot read this checkout (a private folder above it); needs a readable one')
      return
    }
    const child = spawn('/usr/bin/setpriv', [...asNobody, main], {
      env: { ...process.env, ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), FAST_MS)
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    clearTimeout(timer)
    assert.equal(code, 1, stderr)
    assert.equal(stderr.trim().split('\n').length, 1, stderr)
    assert.match(stderr.trim(), pattern)
  })
})
