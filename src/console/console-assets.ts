import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { FastifyInstance } from 'fastify'

// The console's static files, read once at start-up and served from memory: its stylesheet, its
// small script, and htmx from node_modules. Nothing is fetched from anywhere else.

const require = createRequire(import.meta.url)

const ASSETS: ReadonlyMap<string, { type: string; path: string }> = new Map([
  [
    'console.css',
    {
      type: 'text/css; charset=utf-8',
      path: new URL('./assets/console.css', import.meta.url).pathname,
    },
  ],
  [
    'console.js',
    {
      type: 'text/javascript; charset=utf-8',
      path: new URL('./assets/console.js', import.meta.url).pathname,
    },
  ],
  [
    'htmx.min.js',
    { type: 'text/javascript; charset=utf-8', path: require.resolve('htmx.org/dist/htmx.min.js') },
  ],
])

export function registerConsoleAssets(app: FastifyInstance): void {
  const files = new Map(
    [...ASSETS].map(([name, asset]) => [
      name,
      { type: asset.type, body: readFileSync(asset.path) },
    ]),
  )
  app.get('/assets/:name', async (request, reply) => {
    const file = files.get((request.params as { name: string }).name)
    if (file === undefined) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
    }
    // The URLs carry the version (?v=), so a browser may keep them for a day.
    return reply
      .type(file.type)
      .header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(file.body)
  })
}
