import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ORDER_CSV, PO_CSV, csvRecords, parseCsv } from '../../src/cli/commands/import-csv.ts'
import { arrayElementLines, jsonRecords } from '../../src/cli/commands/import-files.ts'
import { formatTable } from '../../src/cli/commands/output.ts'

describe('import files', () => {
  it('should parse RFC 4180 CSV with quotes, commas, line breaks and each row’s line', () => {
    const rows = [...parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\n\n3,\n')]
    assert.deepEqual(rows, [
      { line: 1, cells: ['a', 'b'], raw: 'a,b' },
      { line: 2, cells: ['x, y', 'say "hi"\nthere'], raw: '"x, y","say ""hi""\nthere"' },
      { line: 5, cells: ['3', ''], raw: '3,' },
    ])
  })

  it('should group order rows by company, channel and OrderSourceOrderID, typed', () => {
    const csv = [
      'OrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,ProductID,Qty,SitePrice,ShippingAddress.ZipCode',
      'A-1,1,Website,a@x.com,A,B,WIDGET-RED,2,9.5,02134',
      ',1,6,c@x.com,C,D,WIDGET-BLUE,1,,',
      'A-1,1,Website,a@x.com,A,B,GADGET-PRO,1,,02134',
    ].join('\n')
    const records = csvRecords(csv, ORDER_CSV)
    assert.equal(records.length, 2)
    assert.deepEqual(records[0], {
      line: 2,
      lines: [2, 4],
      productLines: [2, 4],
      fieldLines: {
        'OrderDetails.OrderSourceOrderID': 2,
        'OrderDetails.CompanyID': 2,
        'OrderDetails.Channel': 2,
        'CustomerDetails.Email': 2,
        'CustomerDetails.FirstName': 2,
        'CustomerDetails.LastName': 2,
        'ShippingAddress.ZipCode': 2,
      },
      source: [
        'A-1,1,Website,a@x.com,A,B,WIDGET-RED,2,9.5,02134',
        'A-1,1,Website,a@x.com,A,B,GADGET-PRO,1,,02134',
      ],
      problems: [],
      body: {
        OrderDetails: { OrderSourceOrderID: 'A-1', CompanyID: 1, Channel: 'Website' },
        CustomerDetails: { Email: 'a@x.com', FirstName: 'A', LastName: 'B' },
        ShippingAddress: { ZipCode: '02134' },
        Products: [
          { ProductID: 'WIDGET-RED', Qty: 2, SitePrice: 9.5 },
          { ProductID: 'GADGET-PRO', Qty: 1 },
        ],
      },
    })
    assert.deepEqual(records[1]?.body?.OrderDetails, { CompanyID: 1, Channel: 6 })
  })

  it('should refuse a bad cell at its line and an unknown column up front', () => {
    const records = csvRecords(
      'PoRef,CompanyID,VendorID,ProductID,QtyUnitsOrdered,UnitPrice\nP1,1,1,X,1,1\nP1,1,1,Y,two,1\n',
      PO_CSV,
    )
    assert.equal(records.length, 1)
    assert.equal(records[0]?.body, undefined)
    assert.deepEqual(records[0]?.problems, [
      { lines: [3], code: 'INVALID_ROW', message: "QtyUnitsOrdered: 'two' is not a whole number" },
    ])
    assert.throws(
      () => csvRecords('CompanyID,Quantity\n1,2\n', ORDER_CSV),
      /unknown column 'Quantity'/,
    )
  })

  it('should default POType and CaseQtyMode for PO rows and keep PoRef out of the body', () => {
    const [po] = csvRecords(
      'PoRef,CompanyID,VendorID,ProductID,QtyUnitsOrdered,UnitPrice\nP1,1,2,X,3,1.25\n',
      PO_CSV,
    )
    assert.deepEqual(po?.body, {
      POType: 0,
      CaseQtyMode: false,
      CompanyID: 1,
      VendorID: 2,
      Products: [{ ProductID: 'X', QtyUnitsOrdered: 3, UnitPrice: 1.25 }],
    })
  })

  it('should find the line of each JSON array element, and read JSON Lines', () => {
    const text = '[\n  {"a": "x,]"},\n  {\n    "b": [1, {"c": 2}]\n  },\n\n  {"d": 3}\n]\n'
    assert.deepEqual(arrayElementLines(text), [2, 3, 7])
    assert.deepEqual(
      jsonRecords(text, 'f.json').map((r) => r.line),
      [2, 3, 7],
    )
    const lines = jsonRecords('{"a":1}\n\nnot json\n[1]\n', 'f.jsonl')
    assert.deepEqual(
      lines.map((r) => [r.line, r.source, r.problems.map((p) => p.message)]),
      [
        [1, ['{"a":1}'], []],
        [3, ['not json'], [lines[1]?.problems[0]?.message]],
        [4, ['[1]'], ['expected a JSON object']],
      ],
    )
    assert.match(lines[1]?.problems[0]?.message ?? '', /not valid JSON/)
  })

  it('should align tables, numbers to the right', () => {
    assert.equal(
      formatTable(
        ['ID', 'SKU'],
        [
          [7, 'A'],
          [12, 'LONGER'],
        ],
      ),
      'ID  SKU\n--  ------\n 7  A\n12  LONGER\n',
    )
  })
})
