import { LOGO_SVG, VERSION } from '../app/brand.ts'
import { csrfField } from './forms.ts'
import { html, raw, type Html } from './html.ts'

export type Section =
  'home' | 'orders' | 'purchase-orders' | 'crossdock' | 'stock' | 'requests' | 'sandbox'

const SECTIONS: readonly (readonly [Section, string, string])[] = [
  ['orders', 'Orders', '/console/orders'],
  ['purchase-orders', 'Purchase orders', '/console/purchase-orders'],
  ['crossdock', 'Crossdock', '/console/crossdock'],
  ['stock', 'Stock', '/console/stock'],
  ['requests', 'Requests', '/console/requests'],
  ['sandbox', 'Sandbox', '/console/sandbox'],
]

export interface Viewer {
  username: string
  csrfToken: string
}

export interface PageOptions {
  title: string
  section: Section
  viewer: Viewer
  /** A message shown above the page's content (after an action). */
  notice?: string | undefined
}

const ASSET = (name: string) => `/console/assets/${name}?v=${encodeURIComponent(VERSION)}`

function document(title: string, bodyAttributes: Html, body: Html): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          name="htmx-config"
          content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"historyCacheSize":0}'
        />
        <title>${title} · Crossdock console</title>
        <link rel="stylesheet" href="${ASSET('console.css')}" />
        <script src="${ASSET('htmx.min.js')}" defer></script>
        <script src="${ASSET('console.js')}" defer></script>
      </head>
      <body ${bodyAttributes}>
        ${body}
      </body>
    </html>`
}

/** A whole console page: the navigation, the viewer's sign-out, and `content`. */
export function page(options: PageOptions, content: Html): Html {
  const { viewer } = options
  const headers = JSON.stringify({ 'X-CSRF-Token': viewer.csrfToken })
  return document(
    options.title,
    html`hx-headers="${headers}"`,
    html`<a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <a class="brand" href="/console" aria-label="Crossdock console home"
          >${raw(LOGO_SVG)}<span>Crossdock</span></a
        >
        <nav aria-label="Sections">
          <ul>
            ${SECTIONS.map(
              ([section, label, href]) =>
                html`<li>
                  <a href="${href}" ${section === options.section ? html`aria-current="page"` : ''}
                    >${label}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <form class="signout" method="post" action="/console/logout">
          ${csrfField(viewer.csrfToken)}
          <span class="who">${viewer.username}</span>
          <button type="submit">Sign out</button>
        </form>
      </header>
      <main id="main" tabindex="-1">
        ${options.notice === undefined ? '' : html`<div class="alert notice" role="status">${options.notice}</div>`}
        ${content}
      </main>`,
  )
}

/** A page outside the signed-in console (the sign-in form, an error before sign-in). */
export function barePage(title: string, content: Html): Html {
  return document(
    title,
    html``,
    html`<main id="main" class="bare">
      <div class="brand">${raw(LOGO_SVG)}<span>Crossdock console</span></div>
      ${content}
    </main>`,
  )
}
