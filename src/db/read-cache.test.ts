import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cachedRead, cachedReadMany, invalidateReadCache } from './read-cache.ts'

describe('read cache', () => {
  it('should load once per key and handle, and again after an invalidation', async () => {
    const db = { isTransaction: false }
    let loads = 0
    const load = async () => ++loads
    assert.equal(await cachedRead(db, 'k', load), 1)
    assert.equal(await cachedRead(db, 'k', load), 1)
    assert.equal(
      await cachedRead({ isTransaction: false }, 'k', load),
      2,
      'another database handle has its own entries',
    )
    invalidateReadCache()
    assert.equal(await cachedRead(db, 'k', load), 3)
  })

  it('should never cache inside a transaction', async () => {
    const trx = { isTransaction: true }
    let loads = 0
    await cachedRead(trx, 'k', async () => ++loads)
    await cachedRead(trx, 'k', async () => ++loads)
    assert.equal(loads, 2)
  })

  it('should not keep a value loaded across an invalidation', async () => {
    const db = { isTransaction: false }
    let loads = 0
    await cachedRead(db, 'race', async () => {
      invalidateReadCache() // a write commits while this read is in flight
      return ++loads
    })
    assert.equal(await cachedRead(db, 'race', async () => ++loads), 2)
  })

  it('should load only the missing keys, and not remember absent ones', async () => {
    const db = { isTransaction: false }
    const asked: string[][] = []
    const load = async (missing: string[]) => {
      asked.push(missing)
      return new Map(missing.filter((k) => k !== 'absent').map((k) => [k, k.toUpperCase()]))
    }
    assert.deepEqual(
      [...(await cachedReadMany(db, 'p', ['a', 'b'], load))],
      [
        ['a', 'A'],
        ['b', 'B'],
      ],
    )
    assert.deepEqual(
      [...(await cachedReadMany(db, 'p', ['a', 'c', 'absent'], load))],
      [
        ['a', 'A'],
        ['c', 'C'],
      ],
    )
    await cachedReadMany(db, 'p', ['absent'], load)
    assert.deepEqual(asked, [['a', 'b'], ['c', 'absent'], ['absent']])
  })
})
