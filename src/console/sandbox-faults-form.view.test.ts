import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { EMPTY_FORM } from './sandbox-controls.view.ts'
import { faultBody, faultForm, faultFormValues, numberOrText } from './sandbox-faults-form.view.ts'

describe('sandbox fault form', () => {
  it('should send only what was filled, a preset as the API takes it', () => {
    const values = faultFormValues({
      Preset: 'server-error',
      Method: 'GET',
      PathPattern: ' /rest/api/Orders ',
      When: 'Before',
      _csrf: 'x',
    })
    assert.deepEqual(faultBody(values), {
      body: {
        Preset: 'server-error',
        Method: 'GET',
        PathPattern: '/rest/api/Orders',
        When: 'Before',
      },
    })
  })

  it('should map numbers, every match, the body subset and a custom response', () => {
    const values = faultFormValues({
      Route: '/Orders/{id}',
      User: 'bob',
      Body: '{"CompanyID": 1}',
      Every: 'true',
      Times: '3',
      Skip: '2',
      Probability: '0.25',
      DelayMs: '100',
      Status: '503',
      ResponseBody: '"down"',
    })
    assert.deepEqual(faultBody(values), {
      body: {
        Route: '/Orders/{id}',
        User: 'bob',
        Body: { CompanyID: 1 },
        Times: null,
        Skip: 2,
        Probability: 0.25,
        DelayMs: 100,
        Response: { Status: 503, Body: 'down' },
      },
    })
    const withTimes = faultBody(faultFormValues({ Times: '3', Status: '418' }))
    assert.deepEqual(withTimes, { body: { Times: 3, Response: { Status: 418 } } })
  })

  it('should send a dropped connection and a response’s headers', () => {
    assert.deepEqual(faultBody(faultFormValues({ Drop: 'Hang', DelayMs: '50' })), {
      body: { DelayMs: 50, Drop: 'Hang' },
    })
    assert.deepEqual(
      faultBody(faultFormValues({ Status: '503', ResponseHeaders: '{"Retry-After": "30"}' })),
      { body: { Response: { Status: 503, Headers: { 'Retry-After': '30' } } } },
    )
    const bad = faultBody(faultFormValues({ Status: '503', ResponseHeaders: 'Retry-After: 30' }))
    assert.ok('error' in bad)
    assert.deepEqual(Object.keys(bad.error.ModelState ?? {}), ['Response.Headers'])
    const page = faultForm('t', { values: { Drop: 'Reset' }, error: bad.error }).text
    assert.match(page, /id="f-ResponseHeaders-error"[^>]*>Not JSON/)
    assert.match(page, /<option value="Reset" selected>/)
  })

  it('should leave the API to refuse what is not a number', () => {
    assert.equal(numberOrText('2'), 2)
    assert.equal(numberOrText('.5'), 0.5)
    assert.equal(numberOrText('1e3'), 1000)
    assert.equal(numberOrText('two'), 'two')
    assert.equal(numberOrText(''), undefined)
    assert.deepEqual(faultBody(faultFormValues({ Probability: 'half' })), {
      body: { Probability: 'half' },
    })
  })

  it('should refuse JSON that does not parse, by its field', () => {
    const result = faultBody(faultFormValues({ Body: '{oops', ResponseBody: '<b>', Status: '500' }))
    assert.ok('error' in result)
    assert.deepEqual(Object.keys(result.error.ModelState ?? {}), ['Body', 'Response.Body'])
    const page = faultForm('t', { values: { Body: '{oops' }, error: result.error }).text
    assert.match(page, /id="f-Body-error"[^>]*>Not JSON/)
    assert.match(page, /id="f-ResponseBody-error"[^>]*>Not JSON/)
  })

  it('should put the API’s messages by their fields and the rest above the form', () => {
    const error = {
      Message: 'The request is invalid.',
      ModelState: {
        'model.Probability': ['must be <= 1'],
        'model.Response.Status': ['must be >= 200'],
        Preset: ['Give one of Preset, Response and Drop.'],
      },
    }
    const page = faultForm('t', { values: { Probability: '2' }, error }).text
    assert.match(page, /id="f-Probability-error"[^>]*>must be &lt;= 1/)
    assert.match(page, /id="f-Status-error"[^>]*>must be &gt;= 200/)
    assert.match(page, /id="f-Preset-error"[^>]*>Give one/)
    assert.match(page, /role="alert"[^>]*>\s*The request is invalid\./)
    assert.doesNotMatch(faultForm('t', EMPTY_FORM).text, /role="alert"/)
  })
})
