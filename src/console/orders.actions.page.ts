import { errorOf, succeeded } from './console-api.ts'
import type { ConsoleContext, ConsoleResult, ConsoleSectionRegistrar } from './console-routes.ts'
import { formValue, type FormBody } from './forms.ts'
import { orderIdOf, orderNotFound, orderPage, type OrderForms } from './orders.detail.page.ts'
import { EMPTY_FORM, SHIP_FIELDS, shipBody, type FormState } from './orders.forms.view.ts'

// The order page's actions, each one call of the API: ship with tracking
// (PUT /Orders/ShippingStatus, the whole order, as a person shipping one order does) and add a
// note (POST /Orders/{id}/Notes). Refused: the page again, 400, the API's messages by the fields.

function valuesOf(form: FormBody, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, formValue(form, name)]))
}

/** The order page re-rendered with a refused form (400), or 404 when the order is gone. */
async function refused(ctx: ConsoleContext, id: number, forms: OrderForms): Promise<ConsoleResult> {
  const shown = await orderPage(ctx, id, forms)
  if (shown === null) {
    return orderNotFound(ctx)
  }
  ctx.reply.code(400)
  return shown
}

export const registerOrderActions: ConsoleSectionRegistrar = (routes) => {
  routes.action('/orders/:id/ship', async (ctx, form) => {
    const id = orderIdOf(ctx)
    if (id === null) {
      return orderNotFound(ctx)
    }
    const answer = await ctx.api.send('PUT', '/rest/api/Orders/ShippingStatus', shipBody(id, form))
    if (!succeeded(answer)) {
      const ship: FormState = {
        values: valuesOf(
          form,
          SHIP_FIELDS.map(([name]) => name),
        ),
        error: errorOf(answer),
      }
      return refused(ctx, id, { ship, note: EMPTY_FORM })
    }
    return { redirect: `/console/orders/${id}?done=shipped#order-packages` }
  })
  routes.action('/orders/:id/notes', async (ctx, form) => {
    const id = orderIdOf(ctx)
    if (id === null) {
      return orderNotFound(ctx)
    }
    const category = formValue(form, 'Category')
    const body = {
      Message: formValue(form, 'Message'),
      ...(category === '' ? {} : { Category: category }),
    }
    const answer = await ctx.api.send('POST', `/rest/api/Orders/${id}/Notes`, body)
    if (!succeeded(answer)) {
      const note: FormState = {
        values: valuesOf(form, ['Message', 'Category']),
        error: errorOf(answer),
      }
      return refused(ctx, id, { ship: EMPTY_FORM, note })
    }
    return { redirect: `/console/orders/${id}?done=note#order-notes-heading` }
  })
}
