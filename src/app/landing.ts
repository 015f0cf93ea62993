import type { FastifyInstance, FastifyRequest } from 'fastify'
import { LOGO_SVG, PRODUCT_NAME, VERSION } from './brand.ts'

// `GET /`: where things are, for a person (HTML) or a tool (JSON with `Accept: application/json`).

export const API_BASE_PATH = '/rest/api'
export const SWAGGER_UI_PATH = '/rest/swagger'
export const OPENAPI_PATH = '/rest/openapi.json'
/** Listed once something serves it. */
export const CONSOLE_PATH = '/console'

export interface ServiceUrls {
  Name: string
  Version: string
  ApiBase: string
  SwaggerUi: string
  OpenApi: string
  Console?: string
}

export function serviceUrls(origin: string, hasConsole: boolean): ServiceUrls {
  return {
    Name: PRODUCT_NAME,
    Version: VERSION,
    ApiBase: `${origin}${API_BASE_PATH}`,
    SwaggerUi: `${origin}${SWAGGER_UI_PATH}`,
    OpenApi: `${origin}${OPENAPI_PATH}`,
    ...(hasConsole && { Console: `${origin}${CONSOLE_PATH}` }),
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

function page(urls: ServiceUrls): string {
  const link = (label: string, url: string) =>
    `<li>${label}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${PRODUCT_NAME} ${escapeHtml(urls.Version)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}h1{display:flex;gap:.6rem;align-items:center}a{color:#0f4c81}</style>
</head><body>
<h1>${LOGO_SVG}${PRODUCT_NAME} <small>${escapeHtml(urls.Version)}</small></h1>
<p>A server that speaks the Sellercloud REST API. Get a token with <code>POST ${API_BASE_PATH}/token</code>.</p>
<ul>
${link('API base', urls.ApiBase)}
${link('Swagger UI', urls.SwaggerUi)}
${link('OpenAPI document', urls.OpenApi)}
${urls.Console === undefined ? '' : link('Console', urls.Console)}
</ul>
</body></html>
`
}

/** The request's own origin, so the links work through whatever name the caller used. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}

/** JSON when the client asks for it and not for HTML (a browser asks for HTML; curl for anything). */
function wantsJson(accept: string | undefined): boolean {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase())
  return types.includes('application/json') && !types.includes('text/html')
}

export function registerLanding(app: FastifyInstance): void {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const urls = serviceUrls(originOf(request), app.hasRoute({ method: 'GET', url: CONSOLE_PATH }))
    const vary = reply.getHeader('vary')
    void reply.header('vary', vary === undefined ? 'Accept' : `${String(vary)}, Accept`)
    if (wantsJson(request.headers.accept)) {
      return reply.type('application/json; charset=utf-8').serializer(JSON.stringify).send(urls)
    }
    return reply.type('text/html; charset=utf-8').send(page(urls))
  })
}
