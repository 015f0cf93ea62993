import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { createDb } from '../../db/database.ts'
import { openJournalDatabase } from '../../db/journal-database.ts'
import { systemClock } from '../../shared/clock.ts'
import type { CapturedRequest } from './journal.capture.ts'
import { inThreadSink } from './journal.sink.ts'
import { workerSink } from './journal.worker-sink.ts'
import { createRequestJournal } from './journal.writer.ts'

function entry(requestId: string, body: unknown): CapturedRequest {
  return {
    requestId,
    time: new Date(),
    userId: null,
    userName: null,
    tokenClaims: null,
    ip: '127.0.0.1',
    method: 'POST',
    path: '/rest/api/token',
    query: null,
    status: 200,
    durationMs: 1,
    headers: null,
    body,
    bodyText: null,
    bodyRefused: false,
    response: '{"access_token":"eyJ.secret.token"}',
    responseBytes: undefined,
    ignoredProperties: null,
    coercedProperties: null,
    ignoredParameters: null,
    fault: null,
  }
}

describe('request journal: the writer thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossdock-journal-worker-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  async function open(name: string) {
    const config = { dialect: 'sqlite', path: join(dir, name), synchronous: 'FULL' } as const
    const main = createDb(config)
    const store = await openJournalDatabase(config, main, () => assert.fail('fallback'))
    assert.ok(store.path !== null)
    const warnings: string[] = []
    const log = {
      warn: (details: object, message: string) =>
        warnings.push(message + ' ' + String((details as { err?: unknown }).err)),
    }
    const journalConfig = {
      enabled: true,
      maxRows: 1000,
      maxAgeMs: 86_400_000,
      bodyLimitBytes: 16_384,
    }
    const here = inThreadSink(store.db, journalConfig, () => store.close())
    const sink = workerSink(store.path, journalConfig, here, log)
    const journal = createRequestJournal(store, systemClock, journalConfig, log, sink)
    const rows = () => store.db.selectFrom('request_journal').selectAll().execute()
    return { main, journal, sink, warnings, rows }
  }

  it('should write the batches on its own thread, redacted, visible to this thread after a flush', async () => {
    const { main, journal, rows, warnings } = await open('a.db')
    journal.record(entry('r1', { Username: 'admin', Password: 'Thread-Pa55word' }))
    await journal.flush()
    assert.deepEqual(warnings, [])
    const [row] = await rows()
    assert.equal(row?.request_id, 'r1')
    assert.equal(row.request_body, '{"Username":"admin","Password":"***"}')
    assert.equal(row.response_body, '{"access_token":"***"}')
    assert.equal(journal.stats.written, 1)
    await journal.close()
    await main.destroy()
  })

  it('should log a crash of the thread, count its batch lost, and go on writing on this thread', async () => {
    const { main, journal, sink, warnings, rows } = await open('b.db')
    await sink.crash()
    assert.ok(
      warnings.some((w) => w.includes('writer thread')),
      `a warning is logged: ${warnings.join('; ')}`,
    )
    journal.record(entry('after-crash', { Password: 'Fallback-Pa55word' }))
    await journal.flush()
    const all = await rows()
    assert.deepEqual(
      all.map((r) => r.request_id),
      ['after-crash'],
    )
    assert.ok(!JSON.stringify(all).includes('Fallback-Pa55word'))
    await journal.close()
    await main.destroy()
  })

  it('should not keep the process alive once it is idle', async () => {
    const { main, journal } = await open('c.db')
    journal.record(entry('r1', null))
    await journal.flush()
    // A child process opens a journal, writes, and never closes it: it must exit by itself.
    const { spawnSync } = await import('node:child_process')
    const script = `
      import { createDb } from ${JSON.stringify(new URL('../../db/database.ts', import.meta.url).href)}
      import { openJournalDatabase } from ${JSON.stringify(new URL('../../db/journal-database.ts', import.meta.url).href)}
      import { createRequestJournal } from ${JSON.stringify(new URL('./journal.writer.ts', import.meta.url).href)}
      import { systemClock } from ${JSON.stringify(new URL('../../shared/clock.ts', import.meta.url).href)}
      const config = { dialect: 'sqlite', path: ${JSON.stringify(join(dir, 'd.db'))}, synchronous: 'FULL' }
      const main = createDb(config)
      const store = await openJournalDatabase(config, main, () => {})
      const j = createRequestJournal(store, systemClock, { enabled: true, maxRows: 100, maxAgeMs: 1e9, bodyLimitBytes: 1000 }, console)
      await j.flush()
      console.log(store.path === null ? 'no-file' : 'ok')
    `
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      timeout: 20_000,
      encoding: 'utf8',
    })
    assert.equal(child.error, undefined, 'the child exited by itself')
    assert.equal(child.stdout.trim(), 'ok', child.stderr)
    await journal.close()
    await main.destroy()
  })
})
