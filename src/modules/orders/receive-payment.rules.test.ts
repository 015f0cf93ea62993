import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../../shared/errors.ts'
import {
  assertOrderTakesPayments,
  balanceDue,
  paymentAmountOf,
  paymentStatusOf,
  requiredText,
} from './receive-payment.rules.ts'

const modelStateOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof AppError)
    return { code: error.code, state: error.modelState, message: error.message }
  }
  assert.fail('expected an error')
}

describe('receive-payment rules', () => {
  it('should derive PaymentStatus from the grand total and what was received', () => {
    assert.equal(paymentStatusOf(500_000, 0), 10)
    assert.equal(paymentStatusOf(500_000, 1), 70)
    assert.equal(paymentStatusOf(500_000, 499_999), 70)
    assert.equal(paymentStatusOf(500_000, 500_000), 30)
    assert.equal(paymentStatusOf(500_000, 600_000), 30)
    assert.equal(paymentStatusOf(0, 0), 10)
  })

  it('should never show a negative balance due', () => {
    assert.equal(balanceDue(500_000, 200_000), 300_000)
    assert.equal(balanceDue(500_000, 700_000), 0)
  })

  it('should pay the balance due when the amount is omitted or null', () => {
    assert.equal(paymentAmountOf(1, undefined, 300_000), 300_000)
    assert.equal(paymentAmountOf(1, null, 300_000), 300_000)
    assert.equal(paymentAmountOf(1, 300_000, 300_000), 300_000)
    assert.equal(paymentAmountOf(1, 1, 300_000), 1)
  })

  it('should refuse amounts not above 0, above the balance due, and payments of nothing due', () => {
    assert.deepEqual(modelStateOf(() => paymentAmountOf(1, 0, 300_000)).state, {
      'model.Amount': ['The Amount must be greater than 0.'],
    })
    assert.equal(modelStateOf(() => paymentAmountOf(1, -1, 300_000)).code, 'VALIDATION')
    const over = modelStateOf(() => paymentAmountOf(7, 300_001, 300_000))
    assert.equal(over.code, 'RULE_VIOLATION')
    assert.deepEqual(over.state, {
      'model.Amount': [
        'The Amount 30.0001 exceeds the balance due of order 7 (30); overpayments are not accepted.',
      ],
    })
    assert.match(modelStateOf(() => paymentAmountOf(7, undefined, 0)).message, /no balance due/)
  })

  it('should refuse cancelled and void orders only', () => {
    for (const status of [1, 2, 3, 100, 200, 300]) {
      assertOrderTakesPayments({ id: 1, orderStatus: status })
    }
    assert.match(
      modelStateOf(() => assertOrderTakesPayments({ id: 3, orderStatus: -1 })).message,
      /cancelled/,
    )
    assert.match(
      modelStateOf(() => assertOrderTakesPayments({ id: 3, orderStatus: 999 })).message,
      /void/,
    )
  })

  it('should treat a text of blanks as missing', () => {
    assert.equal(requiredText('CheckNumber', ' 104 '), '104')
    assert.deepEqual(modelStateOf(() => requiredText('CheckNumber', ' \t')).state, {
      'model.CheckNumber': ['The CheckNumber field is required.'],
    })
  })
})
