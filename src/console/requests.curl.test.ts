import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { describe, it } from 'node:test'
import { curlCommand, shellQuote, type CurlSource } from './requests.curl.ts'

const BASE = 'http://127.0.0.1:3000'
const entry = (over: Partial<CurlSource> = {}): CurlSource => ({
  Method: 'GET',
  Path: '/rest/api/Orders',
  Query: null,
  RequestHeaders: null,
  RequestBody: null,
  ...over,
})

/** The words the shell makes of `command` (curl replaced by printf, one word a line). */
function shellWords(command: string): string[] {
  const script = `curl() { printf '%s\\n' "$@"; }\n${command}`
  const out = execFileSync('sh', ['-c', script], {
    env: { TOKEN: 'tok-123', PATH: '/usr/bin:/bin' },
  })
  return out.toString('utf8').replace(/\n$/, '').split('\n')
}

describe('copy as curl', () => {
  it('should quote a word for a POSIX shell, a single quote as quote-backslash-quote-quote', () => {
    assert.equal(shellQuote('plain'), `'plain'`)
    assert.equal(shellQuote("it's"), `'it'\\''s'`)
    assert.equal(shellQuote(''), `''`)
    assert.deepEqual(shellWords(`curl ${shellQuote('a\'b $HOME `x` \\ "q"')}`), [
      'a\'b $HOME `x` \\ "q"',
    ])
  })

  it('should send a GET without a body: method, URL, the token as $TOKEN, no data', () => {
    const command = curlCommand(BASE, entry())
    assert.equal(
      command,
      `curl -X 'GET' 'http://127.0.0.1:3000/rest/api/Orders' \\\n  -H "Authorization: Bearer $TOKEN"`,
    )
    assert.doesNotMatch(command, /--data/)
    assert.deepEqual(shellWords(command), [
      '-X',
      'GET',
      'http://127.0.0.1:3000/rest/api/Orders',
      '-H',
      'Authorization: Bearer tok-123',
    ])
  })

  it('should keep the query string as recorded, quoted so & and = stay in the URL', () => {
    const command = curlCommand(`${BASE}/`, entry({ Query: 'pageSize=5&keyword=a%20b&x=1;rm' }))
    assert.equal(
      shellWords(command)[2],
      'http://127.0.0.1:3000/rest/api/Orders?pageSize=5&keyword=a%20b&x=1;rm',
    )
    assert.doesNotMatch(curlCommand(BASE, entry({ Query: '' })), /\?/)
  })

  it('should send a JSON body with quotes in it exactly, with its content type', () => {
    const body = `{"Notes":"O'Brien said \\"hi\\" $(id)","Qty":2}`
    const command = curlCommand(
      BASE,
      entry({
        Method: 'POST',
        RequestHeaders: { 'content-type': 'application/json; charset=utf-8', accept: '*/*' },
        RequestBody: body,
      }),
    )
    assert.match(command, /-H 'Content-Type: application\/json; charset=utf-8'/)
    assert.doesNotMatch(command, /accept/i)
    assert.deepEqual(shellWords(command).slice(-4), [
      '-H',
      'Content-Type: application/json; charset=utf-8',
      '--data-raw',
      body,
    ])
  })

  it('should send a body that is no JSON as its text, newlines and @ included', () => {
    const body = "@file\nline 2 'x'"
    const command = curlCommand(
      BASE,
      entry({ Method: 'PUT', RequestHeaders: { 'Content-Type': 'text/plain' }, RequestBody: body }),
    )
    const words = shellWords(command)
    assert.equal(words.length, 10, 'the body is one word over two lines')
    assert.deepEqual(words.slice(0, 2), ['-X', 'PUT'])
    assert.equal(words[7], '--data-raw')
    assert.equal(words.slice(8).join('\n'), body)
  })

  it('should leave out the content type when none was recorded', () => {
    const command = curlCommand(BASE, entry({ Method: 'DELETE', RequestHeaders: { accept: 'x' } }))
    assert.doesNotMatch(command, /Content-Type/)
  })
})
