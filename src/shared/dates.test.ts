import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDateInput } from './dates.ts'

describe('parseDateInput', () => {
  it('should read ISO-8601 with and without zone, as UTC when none', () => {
    assert.equal(parseDateInput('2020-05-25T21:58:33.197Z'), '2020-05-25T21:58:33.197Z')
    assert.equal(parseDateInput('2020-05-25T21:58:33'), '2020-05-25T21:58:33.000Z')
    assert.equal(parseDateInput('2020-05-25'), '2020-05-25T00:00:00.000Z')
    assert.equal(parseDateInput('2020-05-25T21:58:33-05:00'), '2020-05-26T02:58:33.000Z')
    assert.equal(parseDateInput('2022-01-14T09:38:49.9856571Z'), '2022-01-14T09:38:49.985Z')
  })

  it("should read Sellercloud's MM/DD/YYYY HH:mm query format", () => {
    assert.equal(parseDateInput('12/31/2019'), '2019-12-31T00:00:00.000Z')
    assert.equal(parseDateInput('1/2/2024 13:05'), '2024-01-02T13:05:00.000Z')
  })

  it('should refuse impossible or malformed dates', () => {
    for (const bad of [
      '2024-02-30',
      '13/01/2024',
      '2024-06-03T25:00',
      'tomorrow',
      '',
      '0001-01-01',
    ]) {
      assert.equal(parseDateInput(bad), null, bad)
    }
  })

  it('should refuse leap seconds, offsets beyond ±14:00 and instants outside 1753–9999 UTC', () => {
    for (const bad of [
      '2016-12-31T23:59:60Z',
      '2024-06-03T09:00:00+2400',
      '2024-06-03T09:00:00+14:01',
      '2024-06-03T09:00:00-15:00',
      '2024-06-03T09:00:00+05:60',
      '1700-01-01T00:00:00-08:00',
      '1752-12-31T23:59:59.999Z',
      '1753-01-01T00:00:00+00:01',
      '9999-12-31T23:00:00-05:00',
      '0099-01-01',
      '10000-01-01',
    ]) {
      assert.equal(parseDateInput(bad), null, bad)
    }
  })

  it('should accept the edges and write them in UTC', () => {
    assert.equal(parseDateInput('1753-01-01T00:00:00Z'), '1753-01-01T00:00:00.000Z')
    assert.equal(parseDateInput('1752-12-31T23:00:00-01:00'), '1753-01-01T00:00:00.000Z')
    assert.equal(parseDateInput('9999-12-31T23:59:59.9999999Z'), '9999-12-31T23:59:59.999Z')
    assert.equal(parseDateInput('2024-06-03T09:00:00+14:00'), '2024-06-02T19:00:00.000Z')
    assert.equal(parseDateInput('2024-06-03T09:00:00-1400'), '2024-06-03T23:00:00.000Z')
  })
})
