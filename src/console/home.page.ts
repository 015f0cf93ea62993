import { succeeded, type ApiAnswer } from './console-api.ts'
import type { ConsoleSectionRegistrar } from './console-routes.ts'
import { html } from './html.ts'
import { page } from './layout.ts'

interface Total {
  TotalResults?: number
}
interface ClockState {
  Now?: string
  Frozen?: boolean
}

/** `/console`: how much is in the sandbox, the sandbox clock, and where each section is. */
export const registerHome: ConsoleSectionRegistrar = (routes) => {
  routes.page('/', async (ctx) => {
    const [orders, pos, clock] = await Promise.all([
      ctx.api.get<Total>('/rest/api/Orders?pageSize=1'),
      ctx.api.get<Total>('/rest/api/PurchaseOrders?pageSize=1'),
      ctx.api.get<ClockState>('/admin/clock'),
    ])
    const count = (answer: ApiAnswer<Total>) =>
      succeeded(answer) ? (answer.body.TotalResults ?? 0) : '—'
    return page(
      { title: 'Home', section: 'home', viewer: ctx.viewer },
      html`<h1>Crossdock console</h1>
        <dl class="stats">
          <div>
            <dt>Orders</dt>
            <dd><a href="/console/orders" id="home-orders">${count(orders)}</a></dd>
          </div>
          <div>
            <dt>Purchase orders</dt>
            <dd><a href="/console/purchase-orders" id="home-pos">${count(pos)}</a></dd>
          </div>
          <div>
            <dt>Sandbox clock</dt>
            <dd>
              <a href="/console/sandbox#clock" id="home-clock"
                >${
                  succeeded(clock)
                    ? `${clock.body.Now ?? ''}${clock.body.Frozen === true ? ' (frozen)' : ''}`
                    : '—'
                }</a
              >
            </dd>
          </div>
        </dl>
        <p>
          Every page reads the same API your integration calls, as you. Actions from the console go
          through the same validation; the request journal does not record the console's own calls.
        </p>`,
    )
  })
}
