// The files of an empty project that installs @crossdock/client: the same create → get → link flow
// in plain JavaScript as an ES module and as CommonJS, and TypeScript that must type-check against
// the installed `.d.ts` (and fail where it should: `@ts-expect-error` is itself an error when the
// line it covers compiles, as it would if the types were `any`).

const FLOW = `
  const { CROSSDOCK_URL: baseUrl, CROSSDOCK_PASSWORD: password, RUN } = process.env
  const client = createClient({ baseUrl, username: 'admin', password })
  const orderId = await client.orders.create({
    CustomerDetails: { Email: 'package@example.com', FirstName: 'Pat', LastName: 'Kage' },
    OrderDetails: { CompanyID: 1, Channel: 6, OrderSourceOrderID: 'PKG-' + RUN },
    Products: [{ ProductID: 'WIDGET-RED', Qty: 2 }],
  })
  // A caller's signal: combined with the per-attempt timeout (no AbortSignal.any before Node 20.3).
  const created = await client.orders.get(orderId, { signal: new AbortController().signal })
  const poId = await client.orders.linkToPo(orderId, { NewPo: { CompanyID: 1, VendorID: 2 } }, { retry: true })
  const linked = await client.orders.get(orderId)
  const po = await client.purchaseOrders.get(poId)
  let missing
  try {
    await client.orders.get(987654321)
  } catch (e) {
    missing = { notFound: e instanceof NotFoundApiError, apiError: e instanceof ApiError, status: e.status }
  }
  console.log(JSON.stringify({
    node: process.version,
    orderId,
    sourceOrderId: created.OrderDetails.OrderSourceOrderId,
    dropshipBefore: created.Statuses.DropshipStatus,
    dropshipAfter: linked.Statuses.DropshipStatus,
    poId,
    poLines: po.Items.map((i) => [i.ProductID, i.QtyOrdered]),
    missing,
  }))
`

const TYPES = (from: string) => `
import { createClient, NotFoundApiError, type CreateOrderRequest, type Order, type PurchaseOrder } from '@crossdock/client'

const client = createClient({ baseUrl: 'http://127.0.0.1:1', token: 'not used' })
const body: CreateOrderRequest = {
  CustomerDetails: { Email: 'types@example.com', FirstName: 'Ty', LastName: 'Pes' },
  OrderDetails: { CompanyID: 1, Channel: 6, OrderSourceOrderID: 'TYPES-${from}' },
  Products: [{ ProductID: 'WIDGET-RED', Qty: 2 }],
}

export async function flow(): Promise<number> {
  const orderId: number = await client.orders.create(body)
  const order: Order = await client.orders.get(orderId)
  const poId: number = await client.orders.linkToPo(orderId, { NewPo: { CompanyID: 1, VendorID: 2 } })
  const po: PurchaseOrder = await client.purchaseOrders.get(poId)
  // @ts-expect-error Qty is a number
  await client.orders.create({ ...body, Products: [{ ProductID: 'WIDGET-RED', Qty: 'two' }] })
  // @ts-expect-error an order has no such property
  console.log(order.NoSuchProperty)
  // @ts-expect-error linkToPo takes an order ID and a body
  await client.orders.linkToPo({ NewPo: { CompanyID: 1, VendorID: 2 } })
  return order.Statuses.DropshipStatus + po.Items.reduce((n, i) => n + i.QtyOrdered, 0)
}

export const isNotFound = (e: unknown): boolean => e instanceof NotFoundApiError
`

/** File name → content, written into the project folder. */
export const consumerFiles: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }, null, 2),
  'flow.mjs': `import { ApiError, NotFoundApiError, createClient } from '@crossdock/client'\n${FLOW}`,
  'flow.cjs': `const { ApiError, NotFoundApiError, createClient } = require('@crossdock/client')
;(async () => {${FLOW}})().catch((error) => {
  console.error(error)
  process.exit(1)
})
`,
  'check.mts': TYPES('esm'),
  'check.cts': TYPES('cjs'),
  // The same without the expectations: each of those lines must be an error.
  'wrong.mts': TYPES('esm').replaceAll('// @ts-expect-error', '//'),
  'wrong.cts': TYPES('cjs').replaceAll('// @ts-expect-error', '//'),
  // A browser's libraries and no @types/node: the package's types must need nothing else.
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'es2022',
        lib: ['es2022', 'dom'],
        types: [],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ['check.mts', 'check.cts', 'wrong.mts', 'wrong.cts'],
    },
    null,
    2,
  ),
}
