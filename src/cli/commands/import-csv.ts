import { disagreement, type Cell } from './import-grouping.ts'
import type { ImportRecord } from './import-files.ts'

// CSV import files: one row per order (PO) line, rows with the same key forming one record. Each
// record keeps the lines and the text of its rows, so failures are reported at their lines and
// `--failed-out` can write the rows back as they were read.

type Kind = 'string' | 'int' | 'number' | 'bool' | 'enum'
interface Column {
  path: string
  kind: Kind
}

export interface CsvLayout {
  /** Short header names → body paths; `Products.` paths are per row. */
  columns: Record<string, Column>
  /** Rows with the same key form one record; an empty key makes a row its own record. */
  groupKey: (row: Map<string, string>) => string
  /** Body values when the file has no column (or an empty cell) for them. */
  defaults?: Record<string, unknown>
}

const c = (path: string, kind: Kind = 'string'): Column => ({ path, kind })

export const ORDER_CSV: CsvLayout = {
  columns: {
    OrderSourceOrderID: c('OrderDetails.OrderSourceOrderID'),
    CompanyID: c('OrderDetails.CompanyID', 'int'),
    Channel: c('OrderDetails.Channel', 'enum'),
    OrderDate: c('OrderDetails.OrderDate'),
    CurrencyCode: c('OrderDetails.CurrencyCode', 'enum'),
    TaxExempt: c('OrderDetails.TaxExempt', 'bool'),
    CustomerID: c('CustomerDetails.ID', 'int'),
    Email: c('CustomerDetails.Email'),
    FirstName: c('CustomerDetails.FirstName'),
    LastName: c('CustomerDetails.LastName'),
    Business: c('CustomerDetails.Business'),
    ProductID: c('Products.ProductID'),
    ProductName: c('Products.ProductName'),
    ReferenceID: c('Products.ReferenceID'),
    Qty: c('Products.Qty', 'int'),
    SitePrice: c('Products.SitePrice', 'number'),
    DiscountType: c('Products.DiscountType', 'enum'),
    DiscountValue: c('Products.DiscountValue', 'number'),
    LineTaxTotal: c('Products.LineTaxTotal', 'number'),
    ShipFromWareHouseID: c('Products.ShipFromWareHouseID', 'int'),
    ItemNotes: c('Products.Notes'),
    Carrier: c('ShippingMethodDetails.Carrier'),
    ShippingMethod: c('ShippingMethodDetails.ShippingMethod'),
    ShippingFee: c('ShippingMethodDetails.ShippingFee', 'number'),
    HandlingFee: c('ShippingMethodDetails.HandlingFee', 'number'),
    InsuranceFee: c('ShippingMethodDetails.InsuranceFee', 'number'),
  },
  groupKey: (row) => {
    const id = row.get('OrderDetails.OrderSourceOrderID') ?? ''
    return id === ''
      ? ''
      : // The server reads a channel name in any case: `Website` and `website` rows are one order.
        [
          row.get('OrderDetails.CompanyID'),
          row.get('OrderDetails.Channel')?.toLowerCase(),
          id,
        ].join('\u0000')
  },
}

export const PO_CSV: CsvLayout = {
  columns: {
    PoRef: c('$PoRef'),
    CompanyID: c('CompanyID', 'int'),
    VendorID: c('VendorID', 'int'),
    POType: c('POType', 'enum'),
    CaseQtyMode: c('CaseQtyMode', 'bool'),
    DefaultWarehouseID: c('DefaultWarehouseID', 'int'),
    PaymentTermID: c('PaymentTermID', 'int'),
    ExpectedDeliveryDate: c('ExpectedDeliveryDate'),
    Description: c('Description'),
    VendorNote: c('VendorNote'),
    ProductID: c('Products.ProductID'),
    QtyUnitsOrdered: c('Products.QtyUnitsOrdered', 'int'),
    UnitPrice: c('Products.UnitPrice', 'number'),
    QtyCasesOrdered: c('Products.QtyCasesOrdered', 'int'),
    QtyUnitsPerCase: c('Products.QtyUnitsPerCase', 'int'),
    CasePrice: c('Products.CasePrice', 'number'),
    DiscountType: c('Products.DiscountType', 'enum'),
    DiscountValue: c('Products.DiscountValue', 'number'),
    WarehouseID: c('Products.WarehouseID', 'int'),
    ItemNotes: c('Products.ItemNotes'),
    AllowOverReceiving: c('Products.AllowOverReceiving', 'bool'),
  },
  groupKey: (row) => row.get('$PoRef') ?? '',
  defaults: { POType: 0, CaseQtyMode: false },
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Yields each row with its
 * line and its text as written (without the line break), skipping blank lines.
 */
export function* parseCsv(
  text: string,
): Generator<{ line: number; cells: string[]; raw: string }, void, undefined> {
  let line = 1
  let start = 1
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let rowStart = i
  for (; i < text.length; i += 1) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (ch === '"') {
        quoted = false
      } else {
        if (ch === '\n') {
          line += 1
        }
        cell += ch
      }
    } else if (ch === '"' && cell === '') {
      quoted = true
    } else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      const raw = text.slice(rowStart, i)
      if (ch === '\r' && text[i + 1] === '\n') {
        i += 1
      }
      cells.push(cell)
      if (cells.length > 1 || cells[0] !== '') {
        yield { line: start, cells, raw }
      }
      cells = []
      cell = ''
      line += 1
      start = line
      rowStart = i + 1
    } else {
      cell += ch
    }
  }
  cells.push(cell)
  if (cells.length > 1 || cells[0] !== '') {
    yield { line: start, cells, raw: text.slice(rowStart) }
  }
}

function convert(value: string, kind: Kind): unknown {
  switch (kind) {
    case 'string':
      return value
    case 'int':
      if (!/^-?\d+$/.test(value)) {
        throw new Error(`'${value}' is not a whole number`)
      }
      return Number(value)
    case 'number': {
      const n = Number(value)
      if (value.trim() === '' || !Number.isFinite(n)) {
        throw new Error(`'${value}' is not a number`)
      }
      return n
    }
    case 'bool': {
      const v = value.toLowerCase()
      if (['true', '1', 'yes'].includes(v)) {
        return true
      }
      if (['false', '0', 'no'].includes(v)) {
        return false
      }
      throw new Error(`'${value}' is not true or false`)
    }
    case 'enum':
      // A name is sent as is: the server maps enum names, any case, as Sellercloud does.
      return /^-?\d+$/.test(value) ? Number(value) : value
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let node = target
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {}
    node = node[part] as Record<string, unknown>
  }
  node[parts[parts.length - 1]!] = value
}

function headerColumns(
  header: { line: number; cells: string[] },
  layout: CsvLayout,
): Array<Column & { name: string }> {
  const byName = new Map(
    Object.entries(layout.columns).map(([name, col]) => [name.toLowerCase(), col]),
  )
  const byPath = new Map(Object.values(layout.columns).map((col) => [col.path.toLowerCase(), col]))
  const seen = new Map<string, string>()
  return header.cells.map((raw) => {
    const name = raw.trim()
    const known = byName.get(name.toLowerCase()) ?? byPath.get(name.toLowerCase())
    if (known === undefined && !name.includes('.')) {
      throw new Error(
        `unknown column '${name}' on line ${header.line}; use one of ${Object.keys(layout.columns).join(', ')} or a dotted body path such as ShippingAddress.City`,
      )
    }
    const col = known ?? c(name)
    const other = seen.get(col.path.toLowerCase())
    if (other !== undefined) {
      // Two columns for one field would make one of them silently lose.
      throw new Error(
        `columns '${other}' and '${name}' on line ${header.line} both set ${col.path}`,
      )
    }
    seen.set(col.path.toLowerCase(), name)
    return { ...col, name }
  })
}

interface Group {
  record: ImportRecord
  /** The first value each order-level field took, by body path. */
  first: Map<string, Cell>
}

function addRow(
  group: Group,
  row: { line: number; cells: string[]; raw: string },
  columns: Array<Column & { name: string }>,
): void {
  const { record } = group
  const { line, cells } = row
  record.lines.push(line)
  record.source.push(row.raw)
  const body = record.body!
  const product: Record<string, unknown> = {}
  columns.forEach((col, i) => {
    const raw = (cells[i] ?? '').trim()
    if (raw === '' || col.path.startsWith('$')) {
      return
    }
    let value: unknown
    try {
      value = convert(raw, col.kind)
    } catch (error) {
      record.problems.push({
        lines: [line],
        code: 'INVALID_ROW',
        message: `${col.name}: ${(error as Error).message}`,
      })
      return
    }
    if (col.path.startsWith('Products.')) {
      setPath(product, col.path.slice('Products.'.length), value)
      return
    }
    const cell: Cell = { name: col.name, raw, value, line, caseless: col.kind === 'enum' }
    const first = group.first.get(col.path)
    if (first === undefined) {
      group.first.set(col.path, cell)
      record.fieldLines[col.path] = line
      setPath(body, col.path, value)
      return
    }
    const problem = disagreement(first, cell)
    if (problem !== undefined) {
      record.problems.push(problem)
    }
  })
  if (Object.keys(product).length > 0) {
    const products = (body.Products ??= []) as unknown[]
    products.push(product)
    record.productLines.push(line)
  }
}

/**
 * CSV rows → request bodies. Headers are the layout's short names or dotted body paths. Every row is
 * checked, so a record reports each bad cell and each disagreement; such a record has no body.
 */
export function csvRecords(text: string, layout: CsvLayout): ImportRecord[] {
  const rows = parseCsv(text)
  const header = rows.next()
  if (header.done === true) {
    return []
  }
  const columns = headerColumns(header.value, layout)
  const records: ImportRecord[] = []
  const groups = new Map<string, Group>()
  for (const row of rows) {
    const values = new Map<string, string>()
    columns.forEach((col, i) => values.set(col.path, (row.cells[i] ?? '').trim()))
    const key = layout.groupKey(values)
    let group = key === '' ? undefined : groups.get(key)
    if (group === undefined) {
      const record: ImportRecord = {
        line: row.line,
        lines: [],
        productLines: [],
        fieldLines: {},
        source: [],
        body: { ...layout.defaults },
        problems: [],
      }
      group = { record, first: new Map() }
      records.push(record)
      if (key !== '') {
        groups.set(key, group)
      }
    }
    addRow(group, row, columns)
  }
  for (const record of records) {
    if (record.problems.length > 0) {
      delete record.body
    }
  }
  return records
}
