import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

// Every table belongs to the module or flow whose `*.table.ts` the `DB` interface of
// src/db/database.ts takes it from, and only that module or flow queries it: the others reach its
// data through its face (index.ts). Infrastructure outside modules and flows (src/db, src/app,
// src/cli…) queries no table. Migrations create every table, so they are not checked, nor are tests.
// This reads the source as text (no database, no TypeScript compiler): comments are stripped, then
// Kysely table references and raw `sql` text are matched.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A folder that owns tables: src/modules/<name>, src/modules/catalog/<name> or src/flows/<name>. */
function unitOf(path: string): string | null {
  const match = /^src\/(modules\/catalog\/[^/]+|modules\/(?!catalog\/)[^/]+|flows\/[^/]+)\//.exec(
    path,
  )
  return match === null ? null : `src/${match[1]}`
}

/** Table name → owning folder, from the imports and the `DB` interface of src/db/database.ts. */
function tableOwners(databaseTs: string, databasePath = 'src/db/database.ts') {
  const code = stripComments(databaseTs)
  const fileOfType = new Map<string, string>()
  for (const m of code.matchAll(/import\s+type\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const file = posix.normalize(posix.join(posix.dirname(databasePath), m[2]!))
    for (const name of m[1]!.split(',')) {
      const local = name
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim()
      if (local !== '') {
        fileOfType.set(local, file)
      }
    }
  }
  const body = /export\s+interface\s+DB\s*\{([^}]*)\}/.exec(code)
  assert.ok(body, `no \`export interface DB\` in ${databasePath}`)
  const owners = new Map<string, string>()
  for (const m of body[1]!.matchAll(/^\s*(\w+)\s*:\s*(\w+)/gm)) {
    const file = fileOfType.get(m[2]!)
    assert.ok(file, `DB.${m[1]}: its type ${m[2]} is not imported in ${databasePath}`)
    const owner = unitOf(file)
    assert.ok(owner, `DB.${m[1]}: ${file} is not in a module or flow folder`)
    owners.set(m[1]!, owner)
  }
  return owners
}

/**
 * The code with comments replaced by spaces (line breaks kept, so offsets keep their line).
 * Strings, template literals (with their `${…}`) and regular expression literals are kept.
 */
function stripComments(code: string): string {
  let out = ''
  let i = 0
  // One entry per open `${` of a template literal: the brace depth inside it.
  const templates: number[] = []
  let lastSignificant = ''
  const blank = (text: string) => text.replace(/[^\n]/g, ' ')
  const regexMayStart = () =>
    lastSignificant === '' ||
    /[(,=:[!&|?{};+\-*%<>~^]$/.test(lastSignificant) ||
    /\b(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(lastSignificant)
  const readQuoted = (quote: string) => {
    let j = i + 1
    while (j < code.length && code[j] !== quote && code[j] !== '\n') {
      j += code[j] === '\\' ? 2 : 1
    }
    return code.slice(i, j + 1)
  }
  /** From a backtick or a `}` closing a `${…}`: up to and including the next `${` or backtick. */
  const readTemplatePart = (from: number) => {
    let j = from
    while (j < code.length) {
      if (code[j] === '\\') {
        j += 2
      } else if (code[j] === '`') {
        return { text: code.slice(i, j + 1), opens: false }
      } else if (code[j] === '$' && code[j + 1] === '{') {
        return { text: code.slice(i, j + 2), opens: true }
      } else {
        j += 1
      }
    }
    return { text: code.slice(i), opens: false }
  }
  while (i < code.length) {
    const c = code[i]!
    const next = code[i + 1]
    if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i)
      const text = end === -1 ? code.slice(i) : code.slice(i, end)
      out += blank(text)
      i += text.length
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2)
      const text = end === -1 ? code.slice(i) : code.slice(i, end + 2)
      out += blank(text)
      i += text.length
    } else if (c === "'" || c === '"') {
      const text = readQuoted(c)
      out += text
      i += text.length
      lastSignificant = 'x'
    } else if (c === '`' || (c === '}' && templates.length > 0 && templates.at(-1) === 0)) {
      if (c === '}') {
        templates.pop()
      }
      const part = readTemplatePart(i + 1)
      out += part.text
      i += part.text.length
      if (part.opens) {
        templates.push(0)
        lastSignificant = '{'
      } else {
        lastSignificant = 'x'
      }
    } else if (c === '/' && regexMayStart()) {
      let j = i + 1
      let inClass = false
      while (j < code.length && code[j] !== '\n' && (inClass || code[j] !== '/')) {
        if (code[j] === '\\') {
          j += 1
        } else if (code[j] === '[') {
          inClass = true
        } else if (code[j] === ']') {
          inClass = false
        }
        j += 1
      }
      const text = code.slice(i, j + 1)
      out += text
      i += text.length
      lastSignificant = 'x'
    } else {
      if (templates.length > 0 && c === '{') {
        templates[templates.length - 1]! += 1
      } else if (templates.length > 0 && c === '}') {
        templates[templates.length - 1]! -= 1
      }
      out += c
      i += 1
      if (!/\s/.test(c)) {
        lastSignificant = /\w/.test(c) ? (lastSignificant + c).slice(-10) : c
      }
    }
  }
  return out
}

interface TableReference {
  table: string
  line: number
  /** How it was referenced: the Kysely method, or `sql` for raw SQL text. */
  form: string
}

const KYSELY_METHODS = [
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  'with',
  'withRecursive',
  'withMaterialized',
  'withNotMaterialized',
  'table', // sql.table('x'), db.dynamic.table('x')
]
const METHOD_CALL = new RegExp(
  String.raw`\.\s*(${KYSELY_METHODS.join('|')})\s*(?:<[^>()]*>)?\s*\(\s*`,
  'g',
)
const STRING = /^(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/
const SQL_TEMPLATE = /\bsql\s*(?:<[^>()]*>)?\s*`/g
const SQL_RAW = /\bsql\s*\.\s*raw\s*\(\s*/g
const SQL_TABLE = /\b(from|into|update|join)\s+(?:only\s+)?(["`]?)([A-Za-z_]\w*)\2/gi

/** `'company'`, `'company as c'`, `'public.company'`, `'cte(a, b)'` → the table or CTE name. */
function tableOfArgument(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? ''
  return first.replace(/\(.*$/, '').split('.').pop()!
}

/** The string literals a call's first argument names: one string, an array of them, or a const. */
function firstArgumentStrings(code: string, at: number, constants: Map<string, string>): string[] {
  const rest = code.slice(at)
  const literal = STRING.exec(rest)
  if (literal !== null) {
    return literal[1] === '`' && literal[2]!.includes('${') ? [] : [literal[2]!]
  }
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']')
    const items = end === -1 ? '' : rest.slice(1, end)
    return [...items.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map((m) => m[2]!)
  }
  const identifier = /^[A-Za-z_$][\w$]*/.exec(rest)
  const value = identifier === null ? undefined : constants.get(identifier[0])
  return value === undefined ? [] : [value]
}

/** The text of the template literal whose opening backtick is at `start`, `${…}` left out. */
function templateText(code: string, start: number): string {
  let text = ''
  let depth = 0
  for (let j = start + 1; j < code.length; j++) {
    const c = code[j]!
    if (depth === 0 && c === '\\') {
      text += code.slice(j, j + 2)
      j += 1
    } else if (depth === 0 && c === '`') {
      return text
    } else if (depth === 0 && c === '$' && code[j + 1] === '{') {
      depth = 1
      text += ' '
      j += 1
    } else if (depth > 0 && c === '{') {
      depth += 1
    } else if (depth > 0 && c === '}') {
      depth -= 1
    } else if (depth === 0) {
      text += c
    }
  }
  return text
}

/** Every reference to one of `tables` in a source file's text. */
function findTableReferences(source: string, tables: ReadonlySet<string>): TableReference[] {
  const code = stripComments(source)
  const lineAt = (offset: number) => code.slice(0, offset).split('\n').length
  const constants = new Map<string, string>()
  for (const m of code.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*(['"])([^'"\n]*)\2/g)) {
    constants.set(m[1]!, m[3]!)
  }
  const found: TableReference[] = []
  for (const m of code.matchAll(METHOD_CALL)) {
    const at = m.index + m[0].length
    for (const argument of firstArgumentStrings(code, at, constants)) {
      const table = tableOfArgument(argument)
      if (tables.has(table)) {
        found.push({ table, line: lineAt(m.index), form: m[1]! })
      }
    }
  }
  const rawTexts: Array<[offset: number, text: string]> = []
  for (const m of code.matchAll(SQL_TEMPLATE)) {
    const start = m.index + m[0].length - 1
    rawTexts.push([m.index, templateText(code, start)])
  }
  for (const m of code.matchAll(SQL_RAW)) {
    rawTexts.push([m.index, firstArgumentStrings(code, m.index + m[0].length, constants).join(' ')])
  }
  for (const [offset, text] of rawTexts) {
    for (const s of text.matchAll(SQL_TABLE)) {
      const table = s[3]!.toLowerCase()
      if (tables.has(table)) {
        found.push({
          table,
          line: lineAt(offset) + text.slice(0, s.index).split('\n').length - 1,
          form: 'sql',
        })
      }
    }
  }
  return found.sort((a, b) => a.line - b.line)
}

/** `file:line form('table')` for every reference in `path` to a table `path`'s folder does not own. */
function ownershipViolations(
  path: string,
  source: string,
  owners: ReadonlyMap<string, string>,
): string[] {
  const unit = unitOf(path)
  return findTableReferences(source, new Set(owners.keys()))
    .filter((ref) => owners.get(ref.table) !== unit)
    .map(
      (ref) =>
        `${path}:${ref.line} ${ref.form}('${ref.table}'): ${ref.table} belongs to ${owners.get(ref.table)}` +
        (unit === null
          ? '; infrastructure outside modules and flows queries no table'
          : `, not ${unit}`),
    )
}

/** The source files checked: src/**\/*.ts but tests and migrations. */
function sourceFiles(): string[] {
  const src = join(ROOT, 'src')
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => !path.endsWith('.test.ts') && !path.startsWith('src/db/migrations/'))
    .sort()
}

const owners = tableOwners(readFileSync(join(ROOT, 'src/db/database.ts'), 'utf8'))

describe('table ownership (src/db/database.ts)', () => {
  it('should derive each table owner from the *.table.ts the DB interface takes it from', () => {
    assert.ok(owners.size >= 20, `only ${owners.size} tables found in DB`)
    assert.equal(owners.get('company'), 'src/modules/catalog/companies')
    assert.equal(owners.get('vendor_product'), 'src/modules/catalog/vendors')
    assert.equal(owners.get('kit_component'), 'src/modules/catalog/products')
    assert.equal(owners.get('app_user'), 'src/modules/auth')
    assert.equal(owners.get('sales_order_item'), 'src/modules/orders')
    assert.equal(owners.get('dropship_link_line'), 'src/flows/crossdock')
  })

  it('should find no query of a table outside the module or flow that owns it', () => {
    const violations = sourceFiles().flatMap((path) =>
      ownershipViolations(path, readFileSync(join(ROOT, path), 'utf8'), owners),
    )
    assert.deepEqual(violations, [])
  })

  it('should see the queries of the owners themselves (the scan is not blind)', () => {
    let references = 0
    for (const path of sourceFiles()) {
      references += findTableReferences(
        readFileSync(join(ROOT, path), 'utf8'),
        new Set(owners.keys()),
      ).length
    }
    assert.ok(references >= 50, `only ${references} table references found under src/`)
  })
})

describe('table ownership scanner', () => {
  const violations = (path: string, source: string) => ownershipViolations(path, source, owners)

  it('should refuse orders code selecting from company', () => {
    const found = violations(
      'src/modules/orders/orders.repository.ts',
      "export const q = (db) => db.selectFrom('company').select('id')\n",
    )
    assert.deepEqual(found, [
      "src/modules/orders/orders.repository.ts:1 selectFrom('company'): company belongs to src/modules/catalog/companies, not src/modules/orders",
    ])
  })

  it('should refuse every Kysely form, aliases and arrays included', () => {
    const source = [
      "db.insertInto('vendor_product').values(row)",
      "db.updateTable('product as p').set(x)",
      'db.deleteFrom("kit_component")',
      "db.replaceInto('company')",
      "db.selectFrom('sales_order').innerJoin('company as c', 'c.id', 'sales_order.company_id')",
      "db.selectFrom('sales_order').leftJoin('vendor', (join) => join)",
      "db.selectFrom(['sales_order', 'warehouse as w'])",
      "db.with('recent', (qb) => qb.selectFrom('app_user')).selectFrom('recent')",
      'db.selectFrom<Row>(`payment_term`)',
      "const TABLE = 'customer'\ndb.selectFrom(TABLE)",
    ].join('\n')
    const found = violations('src/modules/orders/orders.repository.ts', source).map((v) =>
      v.replace(/: .*/, ''),
    )
    assert.deepEqual(found, [
      "src/modules/orders/orders.repository.ts:1 insertInto('vendor_product')",
      "src/modules/orders/orders.repository.ts:2 updateTable('product')",
      "src/modules/orders/orders.repository.ts:3 deleteFrom('kit_component')",
      "src/modules/orders/orders.repository.ts:4 replaceInto('company')",
      "src/modules/orders/orders.repository.ts:5 innerJoin('company')",
      "src/modules/orders/orders.repository.ts:6 leftJoin('vendor')",
      "src/modules/orders/orders.repository.ts:7 selectFrom('warehouse')",
      "src/modules/orders/orders.repository.ts:8 selectFrom('app_user')",
      "src/modules/orders/orders.repository.ts:9 selectFrom('payment_term')",
      "src/modules/orders/orders.repository.ts:11 selectFrom('customer')",
    ])
  })

  it('should refuse raw sql text naming another module’s table', () => {
    const source = [
      'const a = sql`select count(*) from company where id = ${id}`',
      'const b = sql<number>`update "vendor" set name = ${name}`',
      "const c = sql.raw('delete from kit_component')",
      'const d = sql`insert into purchase_order_item (id) values (1)`',
      'const e = sql`select * from sales_order so\n  join product p on p.sku = so.sku`',
    ].join('\n')
    const found = violations('src/modules/orders/orders.repository.ts', source).map((v) =>
      v.replace(/: .*/, ''),
    )
    assert.deepEqual(found, [
      "src/modules/orders/orders.repository.ts:1 sql('company')",
      "src/modules/orders/orders.repository.ts:2 sql('vendor')",
      "src/modules/orders/orders.repository.ts:3 sql('kit_component')",
      "src/modules/orders/orders.repository.ts:4 sql('purchase_order_item')",
      "src/modules/orders/orders.repository.ts:6 sql('product')",
    ])
  })

  it('should refuse any table query from infrastructure outside modules and flows', () => {
    assert.equal(violations('src/db/read-cache.ts', "db.selectFrom('company')").length, 1)
    assert.equal(violations('src/app/routes.ts', "db.selectFrom('sales_order')").length, 1)
  })

  it('should let a module query its own tables, a flow its own', () => {
    const orders = [
      "db.selectFrom('sales_order').innerJoin('sales_order_item as i', 'i.order_id', 'sales_order.id')",
      'sql`select 1 from order_note`',
    ].join('\n')
    assert.deepEqual(violations('src/modules/orders/orders.repository.ts', orders), [])
    assert.deepEqual(
      violations(
        'src/modules/catalog/vendors/vendors.repository.ts',
        "db.insertInto('vendor_product')",
      ),
      [],
    )
    assert.deepEqual(
      violations(
        'src/flows/crossdock/crossdock-links.repository.ts',
        "db.selectFrom('dropship_link')",
      ),
      [],
    )
  })

  it('should not count tables named in comments, messages or other strings', () => {
    const source = [
      "// db.selectFrom('company') in a line comment",
      "/** @example await runCompiled(db, 'po', [id], () => db.selectFrom('company')) */",
      '/* sql`select * from company` */',
      "const message = 'Moved from company 3 into vendor 2.'",
      'const text = `update company ${id}: join vendor`',
      "const key = 'company by id'",
      "const re = /selectFrom\\('company'\\)/",
      "const url = 'http://example.com//company' // from company",
    ].join('\n')
    assert.deepEqual(violations('src/modules/orders/orders.service.ts', source), [])
  })

  it('should keep code after strings, templates and regular expressions that look like comments', () => {
    const source = [
      "const a = '/* not a comment'; db.selectFrom('company')",
      "const b = `// ${x} still code`; db.selectFrom('vendor')",
      "const c = /[/*]/.test(s); db.selectFrom('warehouse')",
      "const d = `${'`'}`; db.selectFrom('product')",
    ].join('\n')
    const found = violations('src/modules/orders/orders.service.ts', source).map((v) =>
      v.replace(/: .*/, ''),
    )
    assert.deepEqual(found, [
      "src/modules/orders/orders.service.ts:1 selectFrom('company')",
      "src/modules/orders/orders.service.ts:2 selectFrom('vendor')",
      "src/modules/orders/orders.service.ts:3 selectFrom('warehouse')",
      "src/modules/orders/orders.service.ts:4 selectFrom('product')",
    ])
  })
})
