import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DROPSHIP_STATUS, ORDER_STATUS, SHIPPING_STATUS } from './orders.enums.ts'
import {
  deleteProblem,
  distinctIds,
  dropshipChangeProblem,
  isOpenOrder,
  statusChangeProblem,
} from './update-order-status.rules.ts'

const S = ORDER_STATUS
const unshipped = (orderStatus: number) => ({
  id: 7,
  orderStatus,
  shippingStatus: SHIPPING_STATUS.Unshipped,
})
const shipped = (orderStatus: number, shippingStatus: number = SHIPPING_STATUS.FullyShipped) => ({
  id: 7,
  orderStatus,
  shippingStatus,
})

describe('statusChangeProblem', () => {
  it('should let an unshipped order move between the open statuses, cancel, void and un-cancel', () => {
    const open = [S.ShoppingCart, S.InProcess, S.ProblemOrder, S.OnHold, S.Quote]
    for (const from of [...open, S.Canceled]) {
      for (const to of [...open, S.Canceled, S.Void]) {
        assert.equal(statusChangeProblem(unshipped(from), to), undefined, `${from} → ${to}`)
      }
    }
  })

  it('should keep a void order void', () => {
    for (const to of [S.InProcess, S.Canceled, S.OnHold, S.Completed]) {
      assert.match(statusChangeProblem(unshipped(S.Void), to) ?? '', /Order 7 is void/)
    }
    assert.equal(statusChangeProblem(unshipped(S.Void), S.Void), undefined, 'same status')
  })

  it('should refuse to cancel or void a shipped order, partly or fully', () => {
    for (const ship of [SHIPPING_STATUS.PartiallyShipped, SHIPPING_STATUS.FullyShipped]) {
      assert.match(
        statusChangeProblem(shipped(S.InProcess, ship), S.Canceled) ?? '',
        /has shipped and cannot be cancelled/,
      )
      assert.match(
        statusChangeProblem(shipped(S.InProcess, ship), S.Void) ?? '',
        /has shipped and cannot be voided/,
      )
      assert.match(
        statusChangeProblem(shipped(S.InProcess, ship), S.Quote) ?? '',
        /cannot become a Quote/,
      )
    }
  })

  it('should complete only a fully shipped order', () => {
    assert.match(
      statusChangeProblem(unshipped(S.InProcess), S.Completed) ?? '',
      /not fully shipped/,
    )
    assert.match(
      statusChangeProblem(shipped(S.InProcess, SHIPPING_STATUS.PartiallyShipped), S.Completed) ??
        '',
      /not fully shipped/,
    )
    assert.equal(statusChangeProblem(shipped(S.InProcess), S.Completed), undefined)
    assert.equal(statusChangeProblem(shipped(S.Completed), S.OnHold), undefined)
  })
})

describe('isOpenOrder', () => {
  it('should count every status but Canceled and Void, until fully shipped', () => {
    assert.equal(isOpenOrder(S.InProcess, SHIPPING_STATUS.Unshipped), true)
    assert.equal(isOpenOrder(S.Quote, SHIPPING_STATUS.PartiallyShipped), true)
    assert.equal(isOpenOrder(S.Canceled, SHIPPING_STATUS.Unshipped), false)
    assert.equal(isOpenOrder(S.Void, SHIPPING_STATUS.Unshipped), false)
    assert.equal(isOpenOrder(S.InProcess, SHIPPING_STATUS.FullyShipped), false)
  })
})

describe('dropshipChangeProblem and deleteProblem', () => {
  it('should let a void order only go to DropshipStatus None', () => {
    assert.match(dropshipChangeProblem(unshipped(S.Void), DROPSHIP_STATUS.Requested) ?? '', /void/)
    assert.equal(dropshipChangeProblem(unshipped(S.Void), DROPSHIP_STATUS.None), undefined)
    assert.equal(dropshipChangeProblem(unshipped(S.OnHold), DROPSHIP_STATUS.Invalid), undefined)
  })

  it('should refuse to delete a shipped or linked order', () => {
    assert.match(deleteProblem(shipped(S.Completed), false) ?? '', /has shipped/)
    assert.match(
      deleteProblem(shipped(S.InProcess, SHIPPING_STATUS.PartiallyShipped), false) ?? '',
      /has shipped/,
    )
    assert.match(deleteProblem(unshipped(S.InProcess), true) ?? '', /linked to a purchase order/)
    assert.equal(deleteProblem(unshipped(S.Canceled), false), undefined)
  })

  it('should keep the first index of each repeated ID', () => {
    assert.deepEqual(distinctIds([5, 3, 5, 9, 3]), [
      { id: 5, index: 0 },
      { id: 3, index: 1 },
      { id: 9, index: 3 },
    ])
  })
})
