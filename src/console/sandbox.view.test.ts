import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { localValue, offsetText } from './sandbox-clock.view.ts'
import { refusalStatus } from './sandbox-controls.view.ts'
import { actionText, countText, matchText, type FaultRuleItem } from './sandbox-faults.view.ts'
import { nameError } from './sandbox-snapshots.view.ts'
import { doneNotice, NO_FORMS, resetDoneHref, sandboxView } from './sandbox.view.ts'

const rule = (over: Partial<FaultRuleItem> = {}): FaultRuleItem => ({
  Id: 1,
  Method: null,
  Route: null,
  PathPattern: null,
  User: null,
  Body: null,
  Times: 1,
  Skip: 0,
  Probability: null,
  When: 'Before',
  Preset: null,
  Response: null,
  DelayMs: null,
  Drop: null,
  Matches: 0,
  Hits: 0,
  Spent: false,
  ...over,
})

const queryOf = (href: string) =>
  Object.fromEntries(new URL(href, 'http://x').searchParams.entries())

describe('sandbox view', () => {
  it('should tell what a reset answered, from the counts its redirect carries', () => {
    const href = resetDoneHref({
      Source: 'demo',
      Tables: 31,
      Companies: 2,
      Vendors: 3,
      Warehouses: 4,
      PaymentTerms: 5,
      Products: 6,
      Users: 7,
    })
    assert.match(href, /^\/console\/sandbox\?done=reset&.*#reset$/)
    assert.equal(
      doneNotice(queryOf(href)),
      'Sandbox reset to the demo set: 31 tables emptied, loaded 2 companies, 3 vendors, 4 warehouses, 5 payment terms, 6 products, 7 users.',
    )
  })

  it('should put no free text from the query in a notice', () => {
    assert.equal(doneNotice({}), undefined)
    assert.equal(doneNotice({ done: 'Hacked! Call 555' }), undefined)
    assert.equal(
      doneNotice({ done: 'snapshot-deleted', name: 'Call us at <a>' }),
      'Snapshot ? deleted.',
    )
    assert.equal(doneNotice({ done: 'fault-added', id: '7 or more' }), 'Fault rule ? added.')
    assert.equal(
      doneNotice({ done: 'snapshot-deleted', name: 'v1.2_x-y' }),
      'Snapshot v1.2_x-y deleted.',
    )
  })

  it('should show a duplicate name’s message by the name field, other refusals as they are', () => {
    const duplicate = { Message: 'A snapshot named a already exists.', Code: 'DUPLICATE' }
    assert.deepEqual(nameError(duplicate)?.ModelState, { Name: [duplicate.Message] })
    const invalid = { Message: 'The request is invalid.', ModelState: { 'model.Name': ['bad'] } }
    assert.equal(nameError(invalid), invalid)
    assert.equal(nameError(null), null)
  })

  it('should describe a rule’s match, count and answer', () => {
    assert.equal(matchText(rule()), 'Any method')
    assert.equal(
      matchText(rule({ Method: 'GET', PathPattern: '/Orders/*', User: 'bob', Body: { A: 1 } })),
      'GET · path /Orders/* · user bob · body contains {"A":1}',
    )
    assert.equal(countText(rule()), '1×')
    assert.equal(
      countText(rule({ Times: null, Skip: 2, Probability: 0.5 })),
      'every match, after 2 skipped, p 0.5',
    )
    assert.equal(actionText(rule({ Preset: 'timeout' })), 'timeout')
    assert.equal(
      actionText(rule({ Response: { Status: 503, Body: { M: 'x' } }, DelayMs: 10 })),
      '503 {"M":"x"} + delay 10 ms',
    )
  })

  it('should escape what the API answers, in every part', () => {
    const text = sandboxView(
      'tok',
      {
        snapshots: [
          { Name: '<i>s</i>', CreatedOn: '2026-01-01T00:00:00.000Z', Tables: 1, Rows: 2 },
        ],
        faults: [rule({ User: '<script>alert(1)</script>' })],
        clock: { Now: '2026-01-01T00:00:00.000Z', Frozen: true, OffsetSeconds: 90_061 },
      },
      NO_FORMS,
    ).text
    assert.doesNotMatch(text, /<script>alert|<i>s<\/i>/)
    assert.match(text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
    for (const id of ['reset', 'snapshots', 'faults', 'clock']) {
      assert.match(text, new RegExp(`<section class="card" id="${id}"`))
    }
    assert.match(text, /1 d 1 h 1 min 1 s ahead/)
    assert.doesNotMatch(text, /style=|onclick=|<script/)
  })

  it('should say what a list read refused instead of the list', () => {
    const refused = { Message: 'Nope.', Code: 'FORBIDDEN' }
    const text = sandboxView(
      't',
      { snapshots: refused, faults: refused, clock: refused },
      NO_FORMS,
    ).text
    assert.equal(text.match(/Nope\./g)?.length, 3)
  })

  it('should show the clock to the second, and its offset in words', () => {
    assert.equal(localValue('2030-01-02T03:04:05.678Z'), '2030-01-02T03:04:05')
    assert.equal(offsetText(0), 'real time')
    assert.equal(offsetText(-3600), '1 h behind')
    assert.equal(refusalStatus({ status: 409 }), 400)
    assert.equal(refusalStatus({ status: 500 }), 502)
  })
})
