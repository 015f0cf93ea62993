// Ceiling 3: Fastify answering with the very responses Crossdock gave (read from files named in
// CROSSDOCK_PAYLOAD_PO and CROSSDOCK_PAYLOAD_LIST), serialized per request through the same response
// schemas and serializer, but with no database, no auth and no hooks. The gap between this and
// Crossdock is what Crossdock's own work costs; the gap between this and the hello-world is what
// building and sending a response of that size costs on this machine.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'
import { serializerCompiler } from '../../src/wire/serialization.ts'
import { PoDetails, PoList } from '../../src/modules/purchase-orders/index.ts'

const po: unknown = JSON.parse(readFileSync(process.env.CROSSDOCK_PAYLOAD_PO!, 'utf8'))
const list: unknown = JSON.parse(readFileSync(process.env.CROSSDOCK_PAYLOAD_LIST!, 'utf8'))

const app = Fastify({ logger: false })
app.setSerializerCompiler(serializerCompiler)
app.get('/po', { schema: { response: { 200: PoDetails } } }, async () => po)
app.get('/list', { schema: { response: { 200: PoList } } }, async () => list)
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
