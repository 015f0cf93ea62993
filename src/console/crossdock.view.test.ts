import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { linkRequest, emptyLinkForm } from './crossdock-form.view.ts'
import {
  capNote,
  distinctIds,
  dropshipName,
  graphRows,
  releaseState,
  stillToReceive,
  type LinkLine,
  type PoAnswer,
} from './crossdock.view.ts'

const line = (over: Partial<LinkLine>): LinkLine => ({
  LinkID: 1,
  OrderID: 7,
  OrderItemID: 70,
  OrderItemQty: 3,
  PurchaseOrderID: 9,
  PurchaseOrderItemID: 90,
  ProductID: 'RED',
  Qty: 3,
  ...over,
})

const po = (receiving: number, items: Array<[number, number, number]>): PoAnswer => ({
  ID: 1,
  ReceivingStatus: receiving,
  Items: items.map(([ID, QtyOrdered, QtyReceived]) => ({
    ID,
    SKU: 'RED',
    QtyOrdered,
    QtyReceived,
  })),
})

describe('crossdock view rules', () => {
  it('should count what a PO line still has to receive, never below 0', () => {
    assert.equal(stillToReceive({ QtyOrdered: 5, QtyReceived: 2 }), 3)
    assert.equal(stillToReceive({ QtyOrdered: 5, QtyReceived: 5 }), 0)
    assert.equal(stillToReceive({ QtyOrdered: 2, QtyReceived: 3 }), 0)
  })

  it('should group link lines per PO line, summing links and items, with the received figures', () => {
    const rows = graphRows(
      [
        line({ LinkID: 1, Qty: 2 }),
        line({ LinkID: 2, Qty: 1 }),
        line({ LinkID: 3, OrderItemID: 71, Qty: 4 }),
        line({ LinkID: 4, PurchaseOrderID: 8, PurchaseOrderItemID: 80, ProductID: 'BLUE', Qty: 1 }),
      ],
      new Map([[9, po(1, [[90, 7, 2]])]]),
    )
    assert.deepEqual(rows, [
      {
        orderId: 7,
        items: [
          { orderItemId: 70, qty: 3 },
          { orderItemId: 71, qty: 4 },
        ],
        poId: 9,
        poItemId: 90,
        sku: 'RED',
        linked: 7,
        received: 2,
        stillToReceive: 5,
      },
      {
        orderId: 7,
        items: [{ orderItemId: 70, qty: 1 }],
        poId: 8,
        poItemId: 80,
        sku: 'BLUE',
        linked: 1,
        received: null,
        stillToReceive: null,
      },
    ])
  })

  it('should say an order waits on its linked POs not fully received, or is released', () => {
    const pos = new Map([
      [8, po(2, [[80, 1, 1]])],
      [
        9,
        po(1, [
          [90, 4, 1],
          [91, 2, 0],
        ]),
      ],
    ])
    const pending = { Statuses: { DropshipStatus: 1 } }
    assert.deepEqual(releaseState(pending, [8, 9], pos), {
      kind: 'waiting',
      poIds: [9],
      unitsLeft: 5,
    })
    assert.deepEqual(releaseState(pending, [8, 10], pos), {
      kind: 'waiting',
      poIds: [10],
      unitsLeft: 0,
    })
    assert.deepEqual(releaseState({ Statuses: { DropshipStatus: 0 } }, [8, 9], pos), {
      kind: 'released',
      dropshipStatus: 0,
    })
    assert.deepEqual(releaseState(pending, [], pos), { kind: 'not-linked' })
    assert.equal(dropshipName(1), 'Pending')
    assert.equal(dropshipName(42), '42')
  })

  it('should say what a capped read left out', () => {
    assert.equal(capNote([1, 2, 2, 3], 2, 'POs'), 'Figures for the first 2 of 3 POs only.')
    assert.equal(capNote([1, 2, 2], 2, 'POs'), null)
  })

  it('should take distinct IDs in first-seen order, up to a limit', () => {
    const links = [9, 8, 9, 7].map((id) => line({ PurchaseOrderID: id }))
    assert.deepEqual(
      distinctIds(links, (l) => l.PurchaseOrderID, 10),
      [9, 8, 7],
    )
    assert.deepEqual(
      distinctIds(links, (l) => l.PurchaseOrderID, 2),
      [9, 8],
    )
  })

  it('should build the LinkToPo call of the form, passing what is not a number on to the API', () => {
    const base = { ...emptyLinkForm('12'), item: '5', qty: '2', poId: '30' }
    assert.deepEqual(linkRequest(base), {
      path: '/rest/api/Orders/12/LinkToPo',
      body: { ExistingPo: { PoID: 30 }, Items: [{ OrderItemID: 5, QtyForPo: 2 }] },
    })
    assert.deepEqual(linkRequest({ ...base, item: '', target: 'new', vendorId: '2' }).body, {
      NewPo: { CompanyID: 1, VendorID: 2 },
      Items: null,
    })
    assert.deepEqual(linkRequest({ ...base, qty: 'x', order: ' a/b ' }), {
      path: '/rest/api/Orders/a%2Fb/LinkToPo',
      body: { ExistingPo: { PoID: 30 }, Items: [{ OrderItemID: 5, QtyForPo: 'x' }] },
    })
    assert.equal(linkRequest({ ...base, order: '' }).path, '/rest/api/Orders/0/LinkToPo')
  })
})
