import { html, type Html } from './html.ts'
import { curlCommand } from './requests.curl.ts'
import { durationText, journalTime, statusBadge, type JournalEntry } from './requests.list.view.ts'

// One journal entry (`/console/requests/:id`): its metadata, headers, the request and response
// bodies (JSON indented when it parses), what the wire binding ignored or coerced, the fault
// applied, and the request as a curl command to copy. Pure: data in, Html out.

/** A body as shown: JSON indented by two spaces when it parses, else the text as stored. */
export function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

function prop(label: string, value: Html | string | number | null, id?: string): Html {
  if (value === null || value === '') {
    return html``
  }
  return html`<dt>${label}</dt>
    <dd ${id === undefined ? '' : html`id="${id}"`}>${value}</dd>`
}

function summary(e: JournalEntry): Html {
  const user = e.User === null ? null : e.UserID === null ? e.User : `${e.User} (ID ${e.UserID})`
  return html`<dl class="props" id="request-summary">
    ${prop('Time (UTC)', journalTime(e.Time))} ${prop('Method', e.Method)} ${prop('Path', e.Path)}
    ${prop('Query', e.Query)} ${prop('Status', statusBadge(e.Status))}
    ${prop('Duration', durationText(e.DurationMs))} ${prop('User', user ?? 'none (no valid token)')}
    ${prop('Token expires (UTC)', e.TokenExpiresAt === null ? null : journalTime(e.TokenExpiresAt))}
    ${prop('IP', e.Ip)} ${prop('Request ID', e.RequestId)}
    ${prop(
      'Fault applied',
      e.Fault === null
        ? null
        : html`rule ${e.Fault} (<a href="/console/sandbox#faults">faults</a>)`,
      'request-fault',
    )}
    ${prop('Ignored properties', e.IgnoredProperties, 'request-ignored')}
    ${prop('Coerced properties', e.CoercedProperties, 'request-coerced')}
    ${prop('Ignored parameters', e.IgnoredParameters, 'request-ignored-parameters')}
  </dl>`
}

function headersList(headers: Record<string, string> | null): Html {
  if (headers === null || Object.keys(headers).length === 0) {
    return html``
  }
  return html`<h3>Headers</h3>
    <dl class="props" id="request-headers">
      ${Object.entries(headers).map(([name, value]) => prop(name, value))}
    </dl>`
}

function bodyBlock(
  id: string,
  text: string | null,
  bytes: number | null,
  truncated: boolean,
): Html {
  if (text === null) {
    return html`<p class="muted" id="${id}">No body.</p>`
  }
  const size = bytes === null ? '' : `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  return html`${
      truncated
        ? html`<p class="muted">
            Cut at the journal's body limit: ${size} in all, the start shown.
          </p>`
        : size === ''
          ? ''
          : html`<p class="muted">${size}</p>`
    }
    <pre id="${id}"><code>${prettyBody(text)}</code></pre>`
}

function curlBlock(baseUrl: string, e: JournalEntry): Html {
  return html`<section class="card" aria-labelledby="request-curl-heading">
    <h2 id="request-curl-heading">Copy as curl</h2>
    <p class="muted">
      Sends this request again. Set <code>TOKEN</code> to a bearer token first (the journal keeps
      none); secrets the journal replaced by <code>***</code> must be filled in again.
    </p>
    ${
      e.RequestBodyTruncated
        ? html`<p class="alert notice">
            The body was cut when recorded: the command sends the start only.
          </p>`
        : ''
    }
    <pre id="request-curl"><code>${curlCommand(baseUrl, e)}</code></pre>
    <button type="button" data-copy="request-curl">Copy command</button>
  </section>`
}

/** The entry's page content; `baseUrl` is the server as the console was reached (`http://host`). */
export function requestDetail(e: JournalEntry, baseUrl: string): Html {
  return html`<p><a href="/console/requests">← Requests</a></p>
    <h1>Request ${e.Id}: ${e.Method} ${e.Path}</h1>
    <section class="card" aria-labelledby="request-meta-heading">
      <h2 id="request-meta-heading">Request</h2>
      ${summary(e)} ${headersList(e.RequestHeaders)}
      <h3>Body</h3>
      ${bodyBlock('request-body', e.RequestBody, e.RequestBodyBytes, e.RequestBodyTruncated)}
    </section>
    <section class="card" aria-labelledby="response-heading">
      <h2 id="response-heading">Response ${statusBadge(e.Status)}</h2>
      ${bodyBlock('response-body', e.ResponseBody, e.ResponseBodyBytes, e.ResponseBodyTruncated)}
    </section>
    ${curlBlock(baseUrl, e)}`
}
