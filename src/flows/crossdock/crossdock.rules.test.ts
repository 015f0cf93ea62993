import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ValidationError } from '../../shared/errors.ts'
import { planLink, type LinkableItem } from './crossdock.rules.ts'

const widget: LinkableItem = { id: 1, sku: 'W', qty: 5, isKit: false, bundleItems: [] }
const kit: LinkableItem = {
  id: 2,
  sku: 'KIT',
  qty: 3,
  isKit: true,
  bundleItems: [
    { sku: 'A', qtyPerKit: 1 },
    { sku: 'B', qtyPerKit: 2 },
  ],
}
const items = [widget, kit]
const none = new Map<number, number>()

function modelState(fn: () => unknown): Record<string, string[]> {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof ValidationError)
    return error.modelState ?? {}
  }
  assert.fail('expected a ValidationError')
}

describe('planLink', () => {
  it('should link every item with its remainder when Items is null or absent', () => {
    const plan = planLink(9, items, new Map([[1, 2]]), null, false)
    assert.deepEqual(plan, [
      { orderItemId: 1, qty: 3, lines: [{ sku: 'W', qty: 3 }] },
      {
        orderItemId: 2,
        qty: 3,
        lines: [
          { sku: 'A', qty: 3 },
          { sku: 'B', qty: 6 },
        ],
      },
    ])
    assert.deepEqual(planLink(9, items, none, undefined, false).length, 2)
  })

  it('should refuse a whole-order link when nothing remains', () => {
    const state = modelState(() =>
      planLink(
        9,
        items,
        new Map([
          [1, 5],
          [2, 3],
        ]),
        null,
        false,
      ),
    )
    assert.match(state['model.Items']![0]!, /already linked/)
  })

  it('should link a kit as its parent when linking at kit level', () => {
    assert.deepEqual(planLink(9, items, none, [{ OrderItemID: 2, QtyForPo: 2 }], true), [
      { orderItemId: 2, qty: 2, lines: [{ sku: 'KIT', qty: 2 }] },
    ])
  })

  it('should take BundleItems quantities for components', () => {
    const plan = planLink(
      9,
      items,
      none,
      [{ OrderItemID: 2, QtyForPo: 2, BundleItems: [{ ProductID: 'b', QtyForPo: 3 }] }],
      false,
    )
    assert.deepEqual(plan, [{ orderItemId: 2, qty: 2, lines: [{ sku: 'B', qty: 3 }] }])
    const derived = planLink(
      9,
      items,
      none,
      [{ OrderItemID: 2, BundleItems: [{ ProductID: 'B', QtyForPo: 3 }] }],
      false,
    )
    assert.equal(derived[0]!.qty, 2, 'three units of B at two per kit need two kits')
  })

  it('should say how much remains when a quantity is too large', () => {
    const state = modelState(() =>
      planLink(9, items, new Map([[1, 4]]), [{ OrderItemID: 1, QtyForPo: 2 }], false),
    )
    assert.deepEqual(state, {
      'model.Items[0].QtyForPo': ['Order item 1 (W): 1 of 5 left to link, 2 requested.'],
    })
  })

  it('should name every bad field at once', () => {
    const state = modelState(() =>
      planLink(
        9,
        items,
        none,
        [
          { OrderItemID: 77, QtyForPo: 1 },
          { OrderItemID: 1 },
          {
            OrderItemID: 2,
            QtyForPo: 1,
            BundleItems: [
              { ProductID: 'ZZZ', QtyForPo: 1 },
              { ProductID: 'B', QtyForPo: 5 },
            ],
          },
        ],
        false,
      ),
    )
    assert.deepEqual(Object.keys(state).sort(), [
      'model.Items[0].OrderItemID',
      'model.Items[1].QtyForPo',
      'model.Items[2].BundleItems[0].ProductID',
      'model.Items[2].BundleItems[1].QtyForPo',
    ])
  })

  it('should refuse duplicates, BundleItems on plain items, and BundleItems at kit level', () => {
    assert.ok(
      modelState(() =>
        planLink(
          9,
          items,
          none,
          [
            { OrderItemID: 1, QtyForPo: 1 },
            { OrderItemID: 1, QtyForPo: 1 },
          ],
          false,
        ),
      )['model.Items[1].OrderItemID'],
    )
    assert.ok(
      modelState(() =>
        planLink(
          9,
          items,
          none,
          [{ OrderItemID: 1, QtyForPo: 1, BundleItems: [{ ProductID: 'A', QtyForPo: 1 }] }],
          false,
        ),
      )['model.Items[0].BundleItems'],
    )
    const kitLevel = modelState(() =>
      planLink(
        9,
        items,
        none,
        [{ OrderItemID: 2, QtyForPo: 1, BundleItems: [{ ProductID: 'A', QtyForPo: 1 }] }],
        true,
      ),
    )
    assert.match(kitLevel['model.Items[0].BundleItems']![0]!, /EnableOrderLinkToPOAtKitLevel/)
    assert.ok(modelState(() => planLink(9, items, none, [], false))['model.Items'])
  })
})
