import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import SQLite from 'better-sqlite3'
import { Kysely, sql, type Generated } from 'kysely'
import { GroupCommitSqliteDialect } from './sqlite-group-commit.ts'

interface T {
  item: { id: Generated<number>; label: string }
}

function open(): { db: Kysely<T>; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'crossdock-gc-')), 'gc.db')
  const raw = new SQLite(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  raw.exec('create table item (id integer primary key, label text not null unique)')
  return { db: new Kysely<T>({ dialect: new GroupCommitSqliteDialect(raw) }), file }
}

/** Rows another connection can see: only what is committed. */
function committedLabels(file: string): string[] {
  const reader = new SQLite(file, { readonly: true })
  try {
    return (
      reader.prepare('select label from item order by id').all() as Array<{ label: string }>
    ).map((r) => r.label)
  } finally {
    reader.close()
  }
}

describe('GroupCommitSqliteDialect', () => {
  it('should commit every transaction before its caller resumes, in groups', async () => {
    const { db, file } = open()
    const labels = Array.from({ length: 40 }, (_, i) => `t${i}`)
    await Promise.all(
      labels.map(async (label) => {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('item').values({ label }).execute()
        })
        assert.ok(
          committedLabels(file).includes(label),
          `${label} is durable when its transaction returns`,
        )
      }),
    )
    assert.deepEqual(committedLabels(file).sort(), [...labels].sort())
    await db.destroy()
  })

  it('should roll back a failed transaction alone and keep its neighbours', async () => {
    const { db, file } = open()
    const results = await Promise.allSettled(
      ['a', 'b', 'dup', 'c'].map((label) =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('item')
            .values({ label: label === 'dup' ? 'x' : label })
            .execute()
          if (label === 'dup') {
            await trx.insertInto('item').values({ label: 'x' }).execute() // unique violation
          }
        }),
      ),
    )
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    )
    assert.deepEqual(committedLabels(file).sort(), ['a', 'b', 'c'])
    await db.destroy()
  })

  it('should not answer a plain read of uncommitted data before the commit', async () => {
    const { db, file } = open()
    const write = db
      .transaction()
      .execute((trx) => trx.insertInto('item').values({ label: 'w' }).execute())
    const read = db.selectFrom('item').select('label').execute()
    const [rows] = await Promise.all([read, write])
    if (rows.length > 0) {
      assert.deepEqual(committedLabels(file), ['w'])
    }
    assert.equal(
      (await sql<{ n: number }>`select count(*) as n from item`.execute(db)).rows[0]!.n,
      1,
    )
    await db.destroy()
  })
})
