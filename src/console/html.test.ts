import assert from 'node:assert/strict'
import { test } from 'node:test'
import { html, queryString, raw } from './html.ts'

test('interpolated text is escaped; Html and raw pass through', () => {
  const name = `<script>alert("x")</script> & 'q'`
  assert.equal(
    html`<td>${name}</td>`.text,
    '<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</td>',
  )
  assert.equal(html`<p>${html`<b>${'<i>'}</b>`}</p>`.text, '<p><b>&lt;i&gt;</b></p>')
  assert.equal(html`${raw('<hr>')}`.text, '<hr>')
})

test('arrays join, and null, undefined and false render nothing', () => {
  assert.equal(
    html`${['<a>', html`<b></b>`, 3]}|${null}${undefined}${false}`.text,
    '&lt;a&gt;<b></b>3|',
  )
})

test('queryString keeps only set values', () => {
  assert.equal(queryString({ a: 1, b: '', c: undefined, d: 'x y' }), '?a=1&d=x+y')
  assert.equal(queryString({ a: undefined }), '')
})
