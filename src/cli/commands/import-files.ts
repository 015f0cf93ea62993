// Reading bulk-import files into request bodies, each remembering the file lines it came from, so a
// failure is reported at its line. CSV (one row per order/PO line) or JSON (an array, or one object
// per line).

export interface ImportRecord {
  /** The file line of the record (its first row). */
  line: number
  /** The line of each `Products[i]` row (CSV), for mapping `model.Products[i].…` errors. */
  productLines: number[]
  body?: Record<string, unknown>
  /** A problem found before sending (bad number, bad JSON…): the record is not sent. */
  error?: string
  /** The line of that problem. */
  errorLine?: number
}

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
      : [row.get('OrderDetails.CompanyID'), row.get('OrderDetails.Channel'), id].join('\u0000')
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

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Yields rows with their line. */
export function* parseCsv(text: string): Generator<{ line: number; cells: string[] }> {
  let line = 1
  let start = 1
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
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
      if (ch === '\r' && text[i + 1] === '\n') {
        i += 1
      }
      cells.push(cell)
      if (cells.length > 1 || cells[0] !== '') {
        yield { line: start, cells }
      }
      cells = []
      cell = ''
      line += 1
      start = line
    } else {
      cell += ch
    }
  }
  cells.push(cell)
  if (cells.length > 1 || cells[0] !== '') {
    yield { line: start, cells }
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

/** CSV rows → request bodies. Headers are the layout's short names or dotted body paths. */
export function csvRecords(text: string, layout: CsvLayout): ImportRecord[] {
  const rows = parseCsv(text)
  const header = rows.next()
  if (header.done === true) {
    return []
  }
  const byName = new Map(
    Object.entries(layout.columns).map(([name, col]) => [name.toLowerCase(), col]),
  )
  const byPath = new Map(Object.values(layout.columns).map((col) => [col.path.toLowerCase(), col]))
  const columns = header.value.cells.map((raw) => {
    const name = raw.trim()
    const col = byName.get(name.toLowerCase()) ?? byPath.get(name.toLowerCase())
    if (col !== undefined) {
      return col
    }
    if (name.includes('.')) {
      return c(name)
    }
    throw new Error(
      `unknown column '${name}' on line ${header.value.line}; use one of ${Object.keys(layout.columns).join(', ')} or a dotted body path such as ShippingAddress.City`,
    )
  })
  const records: ImportRecord[] = []
  const groups = new Map<string, ImportRecord>()
  for (const { line, cells } of rows) {
    const values = new Map<string, string>()
    columns.forEach((col, i) => values.set(col.path, (cells[i] ?? '').trim()))
    const key = layout.groupKey(values)
    let record = key === '' ? undefined : groups.get(key)
    if (record === undefined) {
      record = { line, productLines: [], body: { ...layout.defaults } }
      records.push(record)
      if (key !== '') {
        groups.set(key, record)
      }
    }
    if (record.error !== undefined) {
      continue
    }
    const body = record.body!
    const product: Record<string, unknown> = {}
    try {
      columns.forEach((col, i) => {
        const raw = values.get(col.path) ?? ''
        if (raw === '' || col.path.startsWith('$') || cells[i] === undefined) {
          return
        }
        let value: unknown
        try {
          value = convert(raw, col.kind)
        } catch (error) {
          throw new Error(`${header.value.cells[i]?.trim()}: ${(error as Error).message}`, {
            cause: error,
          })
        }
        if (col.path.startsWith('Products.')) {
          setPath(product, col.path.slice('Products.'.length), value)
        } else {
          setPath(body, col.path, value)
        }
      })
    } catch (error) {
      record.error = (error as Error).message
      record.errorLine = line
      delete record.body
      continue
    }
    if (Object.keys(product).length > 0) {
      const products = (body.Products ??= []) as unknown[]
      products.push(product)
      record.productLines.push(line)
    }
  }
  return records
}

/** Where each top-level element of a JSON array starts (1-based lines). */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  let escaped = false
  let expecting = false
  for (const ch of text) {
    if (ch === '\n') {
      line += 1
    }
    if (inString) {
      if (escaped) {
        escaped = false
      } else if (ch === '\\') {
        escaped = true
      } else if (ch === '"') {
        inString = false
      }
      continue
    }
    if (depth === 1 && expecting && !/\s/.test(ch) && ch !== ']') {
      lines.push(line)
      expecting = false
    }
    if (ch === '"') {
      inString = true
    } else if (ch === '[' || ch === '{') {
      if (depth === 0 && ch === '[') {
        expecting = true
      }
      depth += 1
    } else if (ch === ']' || ch === '}') {
      depth -= 1
    } else if (ch === ',' && depth === 1) {
      expecting = true
    }
  }
  return lines
}

/** A JSON array of bodies, or JSON Lines (one body per line). */
export function jsonRecords(text: string, file: string): ImportRecord[] {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error })
    }
    const lines = arrayElementLines(text)
    return (parsed as unknown[]).map((body, i) => record(body, lines[i] ?? 0))
  }
  const records: ImportRecord[] = []
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') {
      return
    }
    try {
      records.push(record(JSON.parse(raw), i + 1))
    } catch (error) {
      records.push({
        line: i + 1,
        productLines: [],
        error: `not valid JSON (${(error as Error).message})`,
      })
    }
  })
  return records
}

function record(body: unknown, line: number): ImportRecord {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { line, productLines: [], error: 'expected a JSON object' }
  }
  return { line, productLines: [], body: body as Record<string, unknown> }
}
