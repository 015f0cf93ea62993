import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parseDatabaseUrl } from '../config.ts'
import { testDialects } from '../../test/helpers/dialects.ts'
import { scratchDatabase, type ScratchDatabase } from '../../test/helpers/scratch-database.ts'
import { insertRows, runCompiled } from './compiled-query-cache.ts'
import { createDb, type Database } from './database.ts'
import { migrateToLatest } from './migrator.ts'

for (const dialect of testDialects()) {
  describe(`compiled query cache [${dialect}]`, () => {
    let scratch: ScratchDatabase
    let db: Database

    before(async () => {
      scratch = await scratchDatabase(dialect, 'compiled')
      db = createDb(parseDatabaseUrl(scratch.url))
      await migrateToLatest(db)
    })
    after(async () => {
      try {
        await db?.destroy()
      } finally {
        await scratch?.drop()
      }
    })

    const companyRow = (id: number, name: string) => ({
      id,
      name,
      currency_code: 0,
      is_disabled: 0,
    })

    it('should reuse the SQL of the first call with the values of each later call', async () => {
      for (const [id, name] of [
        [9001, 'First'],
        [9002, 'Second'],
        [9003, 'Third'],
      ] as const) {
        const row = companyRow(id, name)
        await insertRows(db, 'test company insert', [row], () =>
          db.insertInto('company').values(row),
        )
      }
      const names: string[] = []
      for (const id of [9003, 9001, 9002]) {
        const { rows } = await runCompiled(db, 'test company by id', [id], () =>
          db.selectFrom('company').select('name').where('id', '=', id),
        )
        names.push(rows[0]!.name)
      }
      assert.deepEqual(names, ['Third', 'First', 'Second'])
    })

    it('should keep one compiled query per shape (list length)', async () => {
      const byIds = async (ids: number[]) =>
        (
          await runCompiled(db, `test companies:${ids.length}`, ids, () =>
            db.selectFrom('company').select('id').where('id', 'in', ids).orderBy('id'),
          )
        ).rows.map((r) => r.id)
      assert.deepEqual(await byIds([9001]), [9001])
      assert.deepEqual(await byIds([9002, 9003]), [9002, 9003])
      assert.deepEqual(await byIds([9003]), [9003])
    })

    it('should refuse parameters that are not the ones the query binds, in order', async () => {
      await assert.rejects(
        runCompiled(db, 'test wrong order', [1, 'x'], () =>
          db.selectFrom('company').select('id').where('name', '=', 'x').where('id', '=', 1),
        ),
        /do not match/,
      )
    })

    it('should insert rows whose columns differ in order through Kysely, by name', async () => {
      const rows = [
        companyRow(9004, 'Fourth'),
        { is_disabled: 1, currency_code: 0, name: 'Fifth', id: 9005 },
      ]
      await insertRows(db, 'test mixed insert', rows, () => db.insertInto('company').values(rows))
      const found = await db
        .selectFrom('company')
        .select(['name', 'is_disabled'])
        .where('id', 'in', [9004, 9005])
        .orderBy('id')
        .execute()
      assert.deepEqual(found, [
        { name: 'Fourth', is_disabled: 0 },
        { name: 'Fifth', is_disabled: 1 },
      ])
    })
  })
}
