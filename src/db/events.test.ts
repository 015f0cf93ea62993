import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Transaction } from 'kysely'
import type { DB } from './database.ts'
import { EventBus } from './events.ts'

interface Events {
  'thing.made': { id: number }
  'thing.gone': { id: number; why: string }
}

// The bus never touches the transaction itself; handlers get it as it was given.
const trx = { marker: 'the emitting transaction' } as unknown as Transaction<DB>

describe('EventBus', () => {
  it('should run every subscriber of an event in order, with the emitting transaction and the payload', async () => {
    const bus = new EventBus<Events>()
    const heard: string[] = []
    bus.on('thing.made', async (tx, payload) => {
      assert.equal(tx, trx)
      await new Promise((resolve) => setTimeout(resolve, 5))
      heard.push(`first ${payload.id}`)
    })
    bus.on('thing.made', async (_tx, payload) => {
      heard.push(`second ${payload.id}`)
    })
    bus.on('thing.gone', async () => {
      heard.push('wrong event')
    })
    await bus.emit(trx, 'thing.made', { id: 7 })
    assert.deepEqual(heard, ['first 7', 'second 7'])
  })

  it('should do nothing for an event nobody subscribed to', async () => {
    await new EventBus<Events>().emit(trx, 'thing.gone', { id: 1, why: 'none' })
  })

  it('should stop at a failing subscriber and hand its error to the emitter (so the transaction rolls back)', async () => {
    const bus = new EventBus<Events>()
    let after = false
    bus.on('thing.made', async () => {
      throw new Error('subscriber refused')
    })
    bus.on('thing.made', async () => {
      after = true
    })
    await assert.rejects(bus.emit(trx, 'thing.made', { id: 1 }), /subscriber refused/)
    assert.equal(after, false)
  })

  it('should unsubscribe, and keep buses apart (no process-wide registry)', async () => {
    const one = new EventBus<Events>()
    const two = new EventBus<Events>()
    const heard: number[] = []
    const off = one.on('thing.made', async (_tx, p) => {
      heard.push(p.id)
    })
    await two.emit(trx, 'thing.made', { id: 1 })
    await one.emit(trx, 'thing.made', { id: 2 })
    off()
    await one.emit(trx, 'thing.made', { id: 3 })
    assert.deepEqual(heard, [2])
  })
})
