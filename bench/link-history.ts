// Link cost with history: does linking (and reading) an order cost more once it has many links?
// Run by bench/run.ts against the real server. One request at a time, the two cases interleaved (and
// their order alternated), so the machine's drift and the other case's load fall on both alike.
import {
  bigOrderBody,
  linkExistingPoBody,
  linkItem,
  linkNewPoBody,
} from '../test/helpers/factories.ts'

export interface LatencyFigure {
  /** Median and 90th percentile of the request latencies, ms. */
  p50: number
  p90: number
  mean: number
}

export interface LinkHistoryResult {
  history: number
  samples: number
  linkNone: LatencyFigure
  linkHistory: LatencyFigure
  getNone: LatencyFigure
  getHistory: LatencyFigure
  /** linkHistory.p50 / linkNone.p50 */
  linkRatio: number
  getRatio: number
}

type Call = (method: string, path: string, body?: unknown) => Promise<unknown>

function figure(latencies: number[]): LatencyFigure {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
  const round = (ms: number) => Math.round(ms * 1000) / 1000
  return {
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

/** A 100,000-unit one-line order; returns its ID and its item's ID. */
async function bigOrder(call: Call): Promise<{ orderId: number; itemId: number }> {
  const orderId = (await call('POST', '/Orders', bigOrderBody)) as number
  const order = (await call('GET', `/Orders/${orderId}`)) as { OrderItems: Array<{ ID: number }> }
  return { orderId, itemId: order.OrderItems[0]!.ID }
}

export interface HistoryOrder {
  orderId: number
  itemId: number
  links: number
}

/**
 * An order with `history` one-unit links, all onto one PO (so its linked PO IDs stay one).
 * @example const old = await prepareHistoryOrder(call, 1000)
 */
export async function prepareHistoryOrder(call: Call, history: number): Promise<HistoryOrder> {
  const old = await bigOrder(call)
  const poId = (await call(
    'POST',
    `/Orders/${old.orderId}/LinkToPo`,
    linkNewPoBody(2, [linkItem(old.itemId, 1)]),
  )) as number
  const body = linkExistingPoBody(poId, [linkItem(old.itemId, 1)])
  for (let i = 1; i < history; i += 1) {
    await call('POST', `/Orders/${old.orderId}/LinkToPo`, body)
  }
  return { ...old, links: history }
}

/**
 * Times, one request at a time, GET /Orders/{id} and a one-unit link to a new PO on `samples`
 * orders without links against the same on `old` (prepareHistoryOrder), interleaved.
 * @example const r = await measureLinkHistory(call, await prepareHistoryOrder(call, 1000), 200)
 */
export async function measureLinkHistory(
  call: Call,
  old: HistoryOrder,
  samples: number,
): Promise<LinkHistoryResult> {
  const fresh: Array<{ orderId: number; itemId: number }> = []
  for (let i = 0; i < samples; i += 1) {
    fresh.push(await bigOrder(call))
  }
  // Reads first, while the order with history has exactly its `links` links, to one PO.
  const getNone: number[] = []
  const getHistory: number[] = []
  for (let i = 0; i < samples; i += 1) {
    const none = () => timed(() => call('GET', `/Orders/${fresh[i]!.orderId}`))
    const withHistory = () => timed(() => call('GET', `/Orders/${old.orderId}`))
    if (i % 2 === 0) {
      getNone.push(await none())
      getHistory.push(await withHistory())
    } else {
      getHistory.push(await withHistory())
      getNone.push(await none())
    }
  }
  const linkNone: number[] = []
  const linkHistory: number[] = []
  for (let i = 0; i < samples; i += 1) {
    const target = fresh[i]!
    const none = () =>
      timed(() =>
        call(
          'POST',
          `/Orders/${target.orderId}/LinkToPo`,
          linkNewPoBody(2, [linkItem(target.itemId, 1)]),
        ),
      )
    const withHistory = () =>
      timed(() =>
        call(
          'POST',
          `/Orders/${old.orderId}/LinkToPo`,
          linkNewPoBody(2, [linkItem(old.itemId, 1)]),
        ),
      )
    if (i % 2 === 0) {
      linkNone.push(await none())
      linkHistory.push(await withHistory())
    } else {
      linkHistory.push(await withHistory())
      linkNone.push(await none())
    }
  }
  const result = {
    history: old.links,
    samples,
    linkNone: figure(linkNone),
    linkHistory: figure(linkHistory),
    getNone: figure(getNone),
    getHistory: figure(getHistory),
  }
  return {
    ...result,
    linkRatio: result.linkHistory.p50 / result.linkNone.p50,
    getRatio: result.getHistory.p50 / result.getNone.p50,
  }
}
