import { succeeded } from './console-api.ts'
import type { ConsoleContext, ConsoleSectionRegistrar } from './console-routes.ts'
import { html, type Html } from './html.ts'
import { page } from './layout.ts'
import { itemsTable, linkedPos, orderSummary, type OrderDetail } from './orders.detail.view.ts'
import { EMPTY_FORM, noteForm, shipForm, type FormState } from './orders.forms.view.ts'
import {
  notesList,
  packagesTable,
  paymentsTable,
  type OrderNote,
  type OrderPackage,
  type OrderPayment,
} from './orders.history.view.ts'
import { SHIPPING_STATUS } from './orders.names.view.ts'

// `/console/orders/:id`: one order (GET /Orders/{id}) with its items, linked POs, packages,
// payments and notes, and the ship and note forms (their actions: orders.actions.page.ts).

type Detail = OrderDetail & {
  OrderPackages?: OrderPackage[]
  Payments?: OrderPayment[]
  Notes?: OrderNote[]
}

/** The notices a redirect after an action names (fixed texts: the URL cannot inject one). */
const NOTICES: Readonly<Record<string, string>> = {
  shipped: 'Shipping saved: the order is shipped with this tracking.',
  note: 'The note was added.',
}

export interface OrderForms {
  ship: FormState
  note: FormState
}

const ID = /^[1-9]\d{0,9}$/

/** The order page, or null when the API does not show that order (unknown, another company). */
export async function orderPage(
  ctx: ConsoleContext,
  id: number,
  forms: OrderForms,
  notice?: string,
): Promise<Html | null> {
  const answer = await ctx.api.get<Detail>(`/rest/api/Orders/${id}`)
  if (!succeeded(answer)) {
    return null
  }
  const o = answer.body
  const companyId = o.OrderDetails?.CompanyId ?? 0
  const company = await ctx.api.get<{ Details?: { CompanyName?: string } }>(
    `/rest/api/Companies/${companyId}`,
  )
  const companyName = (succeeded(company) ? company.body.Details?.CompanyName : undefined) ?? ''
  const shipped = o.Statuses?.ShippingStatus === SHIPPING_STATUS.FullyShipped
  const csrf = ctx.viewer.csrfToken
  return page(
    { title: `Order ${id}`, section: 'orders', viewer: ctx.viewer, notice },
    html`<p><a href="/console/orders">← Orders</a></p>
      <h1>Order ${id}</h1>
      ${orderSummary(o, companyName || `Company ${companyId}`)} ${itemsTable(o.OrderItems ?? [])}
      ${linkedPos(id, o.OrderItems ?? [])}
      ${packagesTable(o.OrderPackages ?? [], o.ShippingDetails?.Carrier ?? '')}
      ${shipForm(id, csrf, shipped, forms.ship)} ${paymentsTable(o.Payments ?? [])}
      <section class="card" aria-labelledby="order-notes-heading">
        <h2 id="order-notes-heading">Notes</h2>
        ${notesList(o.Notes ?? [])} ${noteForm(id, csrf, forms.note)}
      </section>`,
  )
}

/** The id of the path, or null when it is not an order ID. */
export function orderIdOf(ctx: ConsoleContext): number | null {
  const id = ctx.params.id ?? ''
  return ID.test(id) && Number(id) <= 2147483647 ? Number(id) : null
}

export function orderNotFound(ctx: ConsoleContext): Html {
  ctx.reply.code(404)
  return page(
    { title: 'Order not found', section: 'orders', viewer: ctx.viewer },
    html`<h1>Order not found</h1>
      <p>There is no such order, or it belongs to a company you cannot see.</p>
      <p><a href="/console/orders">Back to the orders</a></p>`,
  )
}

export const registerOrderDetail: ConsoleSectionRegistrar = (routes) => {
  routes.page('/orders/:id', async (ctx) => {
    const id = orderIdOf(ctx)
    const done = ctx.query.done
    const notice = done === undefined ? undefined : NOTICES[done]
    const forms = { ship: EMPTY_FORM, note: EMPTY_FORM }
    const shown = id === null ? null : await orderPage(ctx, id, forms, notice)
    return shown ?? orderNotFound(ctx)
  })
}
