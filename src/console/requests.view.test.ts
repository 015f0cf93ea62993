import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { prettyBody, requestDetail } from './requests.detail.view.ts'
import {
  journalTime,
  newerRows,
  requestsTable,
  type JournalEntry,
  type RequestRow,
  type RequestsListData,
} from './requests.list.view.ts'
import {
  afterIdOf,
  newerRequestsApiPath,
  requestFiltersOf,
  requestRowsUrl,
  requestsApiPath,
  requestsPageUrl,
} from './requests.query.view.ts'

const params = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams)

const row = (over: Partial<RequestRow> = {}): RequestRow => ({
  Id: 7,
  Time: '2026-12-03T07:30:01.250Z',
  User: 'admin',
  Ip: '127.0.0.1',
  Method: 'GET',
  Path: '/rest/api/Orders',
  Query: null,
  Status: 200,
  DurationMs: 3.456,
  Fault: null,
  ...over,
})

const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  ...row(),
  RequestId: 'req-1',
  UserID: 1,
  TokenExpiresAt: null,
  RequestHeaders: null,
  RequestBody: null,
  RequestBodyBytes: null,
  RequestBodyTruncated: false,
  ResponseBody: '{"Items":[],"TotalResults":0}',
  ResponseBodyBytes: 29,
  ResponseBodyTruncated: false,
  IgnoredProperties: null,
  CoercedProperties: null,
  IgnoredParameters: null,
  ...over,
})

describe('requests list query', () => {
  it('should read the filters, trimmed, the method in capitals, page 1 unless a positive integer', () => {
    const f = requestFiltersOf({ method: ' post ', path: '/rest/api/Orders ', page: '2' })
    assert.deepEqual([f.method, f.path, f.page, f.status], ['POST', '/rest/api/Orders', 2, ''])
    for (const page of ['0', '-1', '1.5', 'x']) {
      assert.equal(requestFiltersOf({ page }).page, 1, page)
    }
  })

  it('should ask GET /admin/requests with a status or a status class, only the filters set', () => {
    assert.deepEqual(params(requestsApiPath(requestFiltersOf({ status: '404', user: 'bob' }))), {
      status: '404',
      user: 'bob',
      pageNumber: '1',
      pageSize: '50',
    })
    for (const status of ['4xx', '4XX', '5']) {
      const q = params(requestsApiPath(requestFiltersOf({ status })))
      assert.equal(q.statusClass, status)
      assert.equal(q.status, undefined)
    }
    // Not a number nor a class: the API's to refuse (its message shows by the field).
    assert.equal(params(requestsApiPath(requestFiltersOf({ status: 'abc' }))).status, 'abc')
  })

  it('should poll for what is after an ID oldest first, and carry the filters in its URLs', () => {
    const f = requestFiltersOf({ path: '/a&b', method: 'GET', page: '3' })
    assert.deepEqual(params(newerRequestsApiPath(f, 12)), {
      method: 'GET',
      path: '/a&b',
      afterId: '12',
      order: 'oldest',
      pageSize: '200',
    })
    assert.deepEqual(params(requestRowsUrl(f, 12)), { after: '12', method: 'GET', path: '/a&b' })
    assert.equal(requestsPageUrl(f, 1), '/console/requests?method=GET&path=%2Fa%26b')
    assert.equal(params(requestsPageUrl(f, 4)).page, '4')
    assert.equal(afterIdOf({ after: '0' }), 0)
    for (const after of [undefined, '', '-1', '1.5', 'x']) {
      assert.equal(afterIdOf(after === undefined ? {} : { after }), null, String(after))
    }
  })
})

describe('requests list view', () => {
  const data = (over: Partial<RequestsListData> = {}): RequestsListData => ({
    filters: requestFiltersOf({}),
    rows: [row({ Id: 9 }), row({ Id: 8, Path: '/rest/api/<b>', Query: 'a=1', Fault: '3' })],
    total: 2,
    recording: true,
    ...over,
  })

  it('should show the rows escaped, each linked to its entry, the fault when one was applied', () => {
    const text = requestsTable(data()).text
    assert.match(text, /href="\/console\/requests\/9"/)
    assert.match(text, /\/rest\/api\/&lt;b&gt;\?a=1/)
    assert.doesNotMatch(text, /<b>/)
    assert.match(text, /Fault 3/)
    assert.match(text, /3\.46 ms/)
    assert.equal(journalTime('2026-12-03T07:30:01.250Z'), '2026-12-03 07:30:01.250')
  })

  it('should show a dropped connection’s status 0 as no answer', () => {
    const text = requestsTable(data({ rows: [row({ Id: 5, Status: 0, Fault: '2' })] })).text
    assert.match(text, /<span class="badge bad"[^>]*>no answer<\/span>/)
    assert.doesNotMatch(text, />0<\/span>/)
  })

  it('should poll after the newest row shown, on page 1 of a recording journal only', () => {
    const text = requestsTable(data()).text
    assert.match(text, /hx-get="\/console\/requests\/rows\?after=9"/)
    assert.match(text, /hx-trigger="every 2s"/)
    assert.match(text, /hx-swap="afterbegin"/)
    const page2 = requestsTable(data({ filters: requestFiltersOf({ page: '2' }) })).text
    assert.doesNotMatch(page2, /hx-get/)
    assert.doesNotMatch(requestsTable(data({ recording: false })).text, /hx-get/)
    const empty = requestsTable(data({ rows: [], total: 0 })).text
    assert.match(empty, /rows\?after=0/)
    assert.match(empty, /No requests match these filters yet/)
    assert.match(requestsTable(data({ rows: [], recording: false })).text, /id="requests-empty"/)
  })

  it('should answer a poll with the newer rows newest first and the poller after the newest', () => {
    const f = requestFiltersOf({ method: 'POST' })
    assert.equal(newerRows(f, []).text, '')
    const text = newerRows(f, [row({ Id: 10 }), row({ Id: 12 }), row({ Id: 11 })]).text
    const ids = [...text.matchAll(/<tr id="request-(\d+)"/g)].map((m) => m[1])
    assert.deepEqual(ids, ['12', '11', '10'])
    assert.match(text, /<template>\s*<p\s+id="requests-poll"/)
    assert.match(text, /rows\?after=12&amp;method=POST/)
    assert.match(text, /hx-swap-oob="true"/)
  })
})

describe('request detail view', () => {
  it('should indent a JSON body and leave any other text as it is', () => {
    assert.equal(
      prettyBody('{"a":[1,{"b":"c"}]}'),
      '{\n  "a": [\n    1,\n    {\n      "b": "c"\n    }\n  ]\n}',
    )
    assert.equal(prettyBody('{"cut'), '{"cut')
    assert.equal(prettyBody('plain <text>'), 'plain <text>')
  })

  it('should show the metadata, headers, bodies escaped, what was ignored, the fault', () => {
    const text = requestDetail(
      entry({
        Method: 'POST',
        RequestHeaders: { 'content-type': 'application/json', 'user-agent': 'sdk/1' },
        RequestBody: '{"Note":"<script>x</script>"}',
        RequestBodyBytes: 30,
        ResponseBody: 'not json <i>',
        IgnoredProperties: 'Foo',
        CoercedProperties: 'Qty',
        Fault: '4',
      }),
      'http://127.0.0.1:3000',
    ).text
    assert.doesNotMatch(text, /<script>|<i>/)
    assert.match(text, /&quot;Note&quot;: &quot;&lt;script&gt;x&lt;\/script&gt;&quot;/)
    assert.match(text, /not json &lt;i&gt;/)
    assert.match(text, /user-agent/)
    assert.match(text, /id="request-ignored">Foo</)
    assert.match(text, /id="request-coerced">Qty</)
    assert.match(text, /rule 4/)
    assert.match(text, /30 bytes/)
  })

  it('should give a curl command to copy, the token as $TOKEN, warned when the body was cut', () => {
    const text = requestDetail(
      entry({
        Query: 'a=1',
        RequestBody: "{'x'",
        RequestBodyTruncated: true,
        RequestBodyBytes: 9000,
      }),
      'http://h:1',
    ).text
    assert.match(
      text,
      /<pre id="request-curl"><code>curl -X &#39;GET&#39; &#39;http:\/\/h:1\/rest\/api\/Orders\?a=1&#39;/,
    )
    assert.match(text, /Bearer \$TOKEN/)
    assert.match(text, /data-copy="request-curl"/)
    assert.match(text, /cut when recorded/)
    assert.match(text, /9000 bytes in all/)
    assert.match(requestDetail(entry(), 'http://h').text, /id="request-body">No body/)
  })
})
