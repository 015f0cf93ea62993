import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ConflictApiError, ValidationApiError } from '../../packages/client/src/index.ts'
import { ORDER_CSV, csvRecords } from '../../src/cli/commands/import-csv.ts'
import { lookups, type SourceKey } from '../../src/cli/commands/import-existing.ts'
import { failedOutText } from '../../src/cli/commands/import-failed-out.ts'
import { arrayElements, jsonRecords } from '../../src/cli/commands/import-files.ts'
import {
  requestFailures,
  uniqueFailures,
  type Failure,
} from '../../src/cli/commands/import-report.ts'

// Import fidelity without a server: rows of one order that disagree, every bad cell reported,
// server field errors mapped back to rows, each reason once, and the failed rows written back.

const HEAD =
  'OrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,ProductID,Qty,ShippingMethod'
const row = (id: string, sku: string, qty: string, method: string, channel = 'Website') =>
  `${id},1,${channel},a@x.com,A,B,${sku},${qty},${method}`

const apiError = (init: {
  status: number
  code: string
  message: string
  modelState?: object
}) => ({
  ...init,
  method: 'POST',
  path: '/Orders',
  modelState: init.modelState as Record<string, string[]> | undefined,
})

describe('import rules', () => {
  it('should fail an order whose rows disagree, naming the field and both lines, and no other', () => {
    const csv = [
      HEAD,
      row('A-1', 'WIDGET-RED', '1', 'Ground'),
      row('B-1', 'WIDGET-RED', '1', 'Express'),
      row('A-1', 'GADGET-PRO', '1', 'Ground', 'website'),
      row('A-1', 'CABLE-USB-C', '2', ''),
      row('B-1', 'GADGET-PRO', '1', 'Express'),
      row('A-1', 'CASE-SLIM', '1', 'Express'),
    ].join('\n')
    const [a, b] = csvRecords(csv, ORDER_CSV)
    assert.deepEqual(a?.lines, [2, 4, 5, 7])
    assert.equal(a?.body, undefined, 'nothing of that order is sent')
    assert.deepEqual(a?.problems, [
      {
        lines: [2, 7],
        code: 'ROWS_DISAGREE',
        message: 'line 2 and line 7 disagree on ShippingMethod: "Ground" vs "Express"',
      },
    ])
    assert.deepEqual(b?.problems, [])
    assert.equal((b?.body?.Products as unknown[]).length, 2)
  })

  it('should compare typed values: 9.50 agrees with 9.5, yes with true, enum names in any case', () => {
    const csv = [
      'OrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,TaxExempt,ShippingFee,Business,ProductID,Qty',
      'A,1,Website,a@x.com,A,B,yes,9.50,Acme,X,1',
      'A,1,WEBSITE,a@x.com,A,B,true,9.5,Acme,Y,1',
      'A,1,website,a@x.com,A,B,1,9.5,acme,Z,1',
    ].join('\n')
    const records = csvRecords(csv, ORDER_CSV)
    assert.equal(records.length, 1, 'a channel name in any case is one order')
    assert.deepEqual(
      records[0]?.problems.map((p) => p.message),
      ['line 2 and line 4 disagree on Business: "Acme" vs "acme"'],
    )
  })

  it('should report every bad cell of every row of an order, and refuse a column given twice', () => {
    const csv = [
      'OrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,TaxExempt,ProductID,Qty',
      'A-1,1,Website,a@x.com,A,B,no,WIDGET-RED,one',
      'A-1,1,Website,a@x.com,A,B,maybe,GADGET-PRO,2.5',
      'A-1,1,Website,a@x.com,A,B,,CASE-SLIM,two',
    ].join('\n')
    const [a] = csvRecords(csv, ORDER_CSV)
    assert.deepEqual(
      a?.problems.map((p) => [p.lines, p.message]),
      [
        [[2], "Qty: 'one' is not a whole number"],
        [[3], "TaxExempt: 'maybe' is not true or false"],
        [[3], "Qty: '2.5' is not a whole number"],
        [[4], "Qty: 'two' is not a whole number"],
      ],
    )
    assert.throws(
      () => csvRecords('ShippingMethod,ShippingMethodDetails.ShippingMethod\nA,B\n', ORDER_CSV),
      /columns 'ShippingMethod' and 'ShippingMethodDetails\.ShippingMethod' on line 1 both set/,
    )
  })

  it('should map each ModelState message to the row that gave the field, once', () => {
    const csv = [
      'OrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,ProductID,Qty,ShippingAddress.City',
      'A-1,1,Website,a@x.com,A,B,WIDGET-RED,1,',
      'A-1,1,Website,,,,NOPE,1,Paris',
      'A-1,1,Website,,,,ALSO-NOPE,1,',
    ].join('\n')
    const [a] = csvRecords(csv, ORDER_CSV)
    const error = new ValidationApiError(
      apiError({
        status: 400,
        code: 'VALIDATION',
        message: 'The request is invalid.',
        modelState: {
          'model.Products[1].ProductID': ['Product NOPE does not exist.'],
          'model.Products[2].ProductID': ['Product ALSO-NOPE does not exist.'],
          'model.ShippingAddress': ['Unknown city.'],
          'model.OrderDetails.CompanyID': ['Company 1 is closed.', 'Company 1 is closed.'],
        },
      }),
    )
    const failures = uniqueFailures(requestFailures(a!, error))
    assert.deepEqual(
      failures.map((f) => [f.line, f.message]),
      [
        [2, 'OrderDetails.CompanyID: Company 1 is closed.'],
        [3, 'Products[1].ProductID: Product NOPE does not exist.'],
        [3, 'ShippingAddress: Unknown city.'],
        [4, 'Products[2].ProductID: Product ALSO-NOPE does not exist.'],
      ],
    )
    const conflict = new ConflictApiError(
      apiError({ status: 409, code: 'CONFLICT', message: 'Busy.' }),
    )
    assert.deepEqual(requestFailures(a!, conflict), [
      { line: 2, status: 409, code: 'CONFLICT', message: 'Busy.' },
    ] satisfies Failure[])
  })

  it('should write failed CSV rows back as read, in file order, under the header', () => {
    const csv = [
      '\uFEFFOrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,ProductID,Qty,ItemNotes',
      'A-1,1,Website,a@x.com,A,B,WIDGET-RED, 1 ,"say ""hi"", twice"',
      'B-1,1,Website,b@x.com,A,B,WIDGET-RED,1,',
      'A-1,1,Website,a@x.com,A,B,GADGET-PRO,x,"two',
      'lines"',
      'C-1,1,Website,c@x.com,A,B,WIDGET-RED,y,',
    ].join('\r\n')
    const records = csvRecords(csv, ORDER_CSV)
    const failed = records.filter((r) => r.body === undefined)
    assert.deepEqual(
      failed.map((r) => r.line),
      [2, 6],
    )
    const out = failedOutText('csv', csv, [failed[1]!, failed[0]!])
    assert.equal(
      out,
      [
        '\uFEFFOrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,ProductID,Qty,ItemNotes',
        'A-1,1,Website,a@x.com,A,B,WIDGET-RED, 1 ,"say ""hi"", twice"',
        'A-1,1,Website,a@x.com,A,B,GADGET-PRO,x,"two',
        'lines"',
        'C-1,1,Website,c@x.com,A,B,WIDGET-RED,y,',
        '',
      ].join('\r\n'),
    )
    // Read back, the file gives the same records.
    assert.deepEqual(
      csvRecords(out, ORDER_CSV).map((r) => r.source),
      failed.map((r) => r.source),
    )
    assert.equal(failedOutText('csv', csv, []), `${csv.split('\r\n')[0]}\r\n`)
  })

  it('should write failed JSON elements and JSON lines as given', () => {
    const text = '[\n  {"a": 1.50, "s": "x,]}"},\n  {\n    "b": [1, {"c": 2}]\n  } ,\n  7\n]\n'
    assert.deepEqual(
      arrayElements(text).map((e) => text.slice(e.start, e.end)),
      ['{"a": 1.50, "s": "x,]}"}', '{\n    "b": [1, {"c": 2}]\n  }', '7'],
    )
    const records = jsonRecords(text, 'f.json')
    assert.equal(
      failedOutText('json', text, [records[2]!, records[0]!]),
      '[\n  {"a": 1.50, "s": "x,]}"},\n  7\n]\n',
    )
    assert.equal(failedOutText('json', text, []), '[]\n')
    const lines = '{"a":1}\r\nnot json\r\n{"b":2}\r\n'
    const jsonl = jsonRecords(lines, 'f.jsonl')
    assert.equal(failedOutText('json', lines, [jsonl[1]!, jsonl[2]!]), 'not json\n{"b":2}\n')
    assert.equal(failedOutText('json', lines, []), '')
  })

  it('should look existing orders up 50 IDs a request per company and channel, a comma ID alone', () => {
    const keys: SourceKey[] = Array.from({ length: 120 }, (_, i) => ({
      companyId: 1 + (i % 2),
      channel: i % 4 < 2 ? 'Website' : 'website',
      orderSourceOrderId: `X-${Math.floor(i / 2) % 55}`,
    }))
    keys.push({ companyId: 1, channel: 6, orderSourceOrderId: 'A,B' })
    assert.deepEqual(
      lookups(keys).map((l) => [l.companyId, l.channel, l.ids.length, l.byKeyword]),
      [
        [1, 'Website', 50, false],
        [1, 'Website', 5, false],
        [2, 'Website', 50, false],
        [2, 'Website', 5, false],
        [1, 6, 1, true],
      ],
    )
  })
})
