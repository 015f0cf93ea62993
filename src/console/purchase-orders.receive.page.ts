import { errorOf, succeeded } from './console-api.ts'
import type { ConsoleContext, ConsoleResult, ConsoleSectionRegistrar } from './console-routes.ts'
import { formValue, type FormBody } from './forms.ts'
import {
  loadPo,
  poIdOf,
  poNotFound,
  poPage,
  type PoWithLines,
} from './purchase-orders.detail.page.ts'
import {
  receiveAllRequest,
  receiveLinesRequest,
  typedValues,
  type ReceiveRequest,
} from './purchase-orders.receive.view.ts'

// Receiving a PO from its page: POST /PurchaseOrders/{id}/receive with the quantities typed per
// line, or with every unit still open. The API validates; refused, the page comes back (400) with
// its messages beside the lines' fields; received, a redirect (303) to the page with a notice.
// The crossdock flow releases the sales orders waiting for the PO in the same API call.

async function receive(
  ctx: ConsoleContext,
  id: number,
  form: FormBody,
  build: (po: PoWithLines) => ReceiveRequest,
  values: (po: PoWithLines) => ReadonlyMap<number, string>,
): Promise<ConsoleResult> {
  const po = await loadPo(ctx, id)
  if (po === null) {
    return poNotFound(ctx)
  }
  const req = build(po)
  const answer = await ctx.api.send('POST', `/rest/api/PurchaseOrders/${id}/receive`, req.body)
  if (succeeded(answer)) {
    return { redirect: `/console/purchase-orders/${id}?done=received` }
  }
  const state = {
    values: values(po),
    invoice: formValue(form, 'invoice'),
    error: errorOf(answer),
    indexByLine: req.indexByLine,
  }
  const shown = await poPage(ctx, id, state)
  if (shown === null) {
    return poNotFound(ctx)
  }
  ctx.reply.code(answer.status >= 500 ? 502 : 400)
  return shown
}

export const registerPoReceive: ConsoleSectionRegistrar = (routes) => {
  routes.action('/purchase-orders/:id/receive', async (ctx, form) => {
    const id = poIdOf(ctx)
    if (id === null) {
      return poNotFound(ctx)
    }
    const invoice = formValue(form, 'invoice')
    return receive(
      ctx,
      id,
      form,
      (po) => receiveLinesRequest(typedValues(form, po.Items ?? []), invoice),
      (po) => typedValues(form, po.Items ?? []),
    )
  })
  routes.action('/purchase-orders/:id/receive-all', async (ctx, form) => {
    const id = poIdOf(ctx)
    if (id === null) {
      return poNotFound(ctx)
    }
    return receive(
      ctx,
      id,
      form,
      (po) => receiveAllRequest(po.Items ?? [], formValue(form, 'invoice')),
      () => new Map(),
    )
  })
}
