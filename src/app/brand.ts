import { readFileSync } from 'node:fs'

// The Crossdock name, version and logo, shared by the landing page, Swagger UI and the start-up log.

export const PRODUCT_NAME = 'Crossdock'

/** The version in package.json (read once; the file ships with the server). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version

/** A dock door with two arrows crossing it: small, self-contained (no fonts, no external refs). */
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="40" height="40" role="img" aria-label="Crossdock">
<rect x="2" y="2" width="60" height="60" rx="12" fill="#0f4c81"/>
<path d="M12 50V22l20-10 20 10v28" fill="none" stroke="#fff" stroke-width="4" stroke-linejoin="round"/>
<path d="M18 30h28M40 24l6 6-6 6" fill="none" stroke="#ffb000" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
<path d="M46 42H18M24 36l-6 6 6 6" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`

/** @fastify/swagger-ui's options for the Crossdock title, logo (links to the landing page) and icon. */
export const SWAGGER_UI_BRANDING = {
  theme: {
    title: 'Crossdock API',
    favicon: [
      {
        filename: 'crossdock.svg',
        rel: 'icon',
        type: 'image/svg+xml',
        sizes: 'any',
        content: LOGO_SVG,
      },
    ],
  },
  logo: { type: 'image/svg+xml', content: LOGO_SVG, href: '/', target: '_self' as const },
}
