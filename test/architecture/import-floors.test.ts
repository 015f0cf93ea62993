import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Linter } from 'eslint'
import { floors } from '../../eslint.floors.mjs'

// The floors of src/ are enforced by the lint rule in eslint.floors.mjs (run by `npm run check`).
// These cases prove the rule refuses what it must and lets through what it must.

const linter = new Linter({ configType: 'flat' })

function problems(filename: string, specifier: string): string[] {
  const messages = linter.verify(
    `import { x } from '${specifier}'\nexport { x }\n`,
    [{ files: ['**/*.ts'], languageOptions: { sourceType: 'module' } }, ...floors],
    { filename },
  )
  return messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)
}

const refused: Array<[file: string, specifier: string, why: string]> = [
  [
    'src/modules/orders/orders.routes.ts',
    '../purchase-orders/purchase-orders.service.ts',
    'another module past its face',
  ],
  [
    'src/modules/orders/orders.routes.ts',
    '../catalog/companies/companies.service.ts',
    'a catalog module past its face',
  ],
  ['src/modules/orders/orders.routes.ts', '../../app/deps.ts', 'the app root'],
  ['src/modules/orders/orders.routes.ts', '../../flows/crossdock/index.ts', 'a flow'],
  [
    'src/modules/catalog/products/products.service.ts',
    '../companies/companies.repository.ts',
    'a sibling catalog module past its face',
  ],
  [
    'src/modules/catalog/products/products.service.ts',
    '../../orders/orders.rules.ts',
    'a top-level module past its face',
  ],
  ['src/modules/catalog/products/products.service.ts', '../../../app/app.ts', 'the app root'],
  [
    'src/flows/crossdock/link-order-to-po.ts',
    '../../modules/purchase-orders/add-purchase-order-line.ts',
    'PO internals',
  ],
  [
    'src/flows/crossdock/link-order-to-po.ts',
    '../../modules/catalog/vendors/vendors.service.ts',
    'catalog internals',
  ],
  ['src/flows/crossdock/link-order-to-po.ts', '../../app/events.ts', 'the app root'],
  ['src/wire/normalize.ts', '../modules/orders/index.ts', 'a module, from the wire kit'],
  ['src/wire/normalize.ts', '../db/database.ts', 'the database, from the wire kit'],
  ['src/shared/errors.ts', '../wire/schemas.ts', 'the wire kit, from shared'],
  ['src/db/transaction.ts', '../modules/orders/orders.service.ts', 'a module, from db'],
  [
    'src/modules/orders/orders.service.ts',
    '../../../test/helpers/factories.ts',
    'test helpers, from module source',
  ],
  [
    'src/modules/catalog/products/products.service.ts',
    '../../../../test/helpers/factories.ts',
    'test helpers, from catalog source',
  ],
  [
    'src/flows/crossdock/link-order-to-po.ts',
    '../../../test/helpers/build-app.ts',
    'test helpers, from flow source',
  ],
  ['src/wire/normalize.ts', '../../test/helpers/factories.ts', 'test helpers, from the wire kit'],
  ['src/app/app.ts', '../../test/helpers/build-app.ts', 'test helpers, from the app root'],
  ['src/app/app.ts', '../../bench/po-rows.ts', 'the bench, from the app root'],
  ['src/cli/commands/po.ts', '../../../bench/po-rows.ts', 'the bench, from the CLI'],
  ['src/app/app.test.ts', '../../bench/po-rows.ts', 'the bench, from a test'],
  ['src/app/app.test.ts', '../../test/reliability/route-table.ts', 'another test, from a test'],
]

const allowed: Array<[file: string, specifier: string]> = [
  ['src/modules/orders/orders.routes.ts', './orders.service.ts'],
  ['src/modules/orders/orders.routes.ts', '../catalog/companies/index.ts'],
  ['src/modules/orders/orders.routes.ts', '../settings/index.ts'],
  ['src/modules/orders/orders.routes.ts', '../../wire/schemas.ts'],
  ['src/modules/orders/orders.routes.ts', '../../db/context.ts'],
  ['src/modules/orders/orders.routes.ts', '../../shared/errors.ts'],
  ['src/modules/catalog/products/products.service.ts', '../companies/index.ts'],
  ['src/modules/catalog/products/products.service.ts', '../../settings/index.ts'],
  ['src/modules/catalog/products/products.service.ts', '../../../wire/schemas.ts'],
  ['src/flows/crossdock/link-order-to-po.ts', '../../modules/purchase-orders/index.ts'],
  ['src/flows/crossdock/link-order-to-po.ts', '../../modules/catalog/vendors/index.ts'],
  ['src/flows/crossdock/link-order-to-po.ts', './crossdock.rules.ts'],
  ['src/wire/normalize.ts', '../shared/dates.ts'],
  ['src/db/database.ts', '../modules/orders/orders.table.ts'],
  ['src/db/database.ts', '../flows/crossdock/crossdock-links.table.ts'],
  ['src/app/routes.ts', '../modules/orders/index.ts'],
  ['src/modules/orders/orders.test.ts', '../../../test/helpers/build-app.ts'],
  ['src/modules/catalog/products/products.test.ts', '../../../../test/helpers/factories.ts'],
  ['src/flows/crossdock/crossdock.test.ts', '../../../test/helpers/crossdock-api.ts'],
  ['src/db/events.test.ts', '../../test/helpers/dialects.ts'],
  ['src/app/app.test.ts', '../../test/helpers/build-app.ts'],
]

describe('import floors (eslint.floors.mjs)', () => {
  for (const [file, specifier, why] of refused) {
    it(`should refuse ${why}: ${specifier} from ${file}`, () => {
      const found = problems(file, specifier)
      assert.equal(found.length, 1, found.join('\n'))
      assert.match(found[0]!, /^no-restricted-imports: .*docs\/architecture\.md/)
    })
  }
  for (const [file, specifier] of allowed) {
    it(`should allow ${specifier} from ${file}`, () => {
      assert.deepEqual(problems(file, specifier), [])
    })
  }
})
