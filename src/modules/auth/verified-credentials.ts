import { createHmac, createSecretKey, randomBytes } from 'node:crypto'

// Remembers, for a few minutes, that a (user, password, stored hash) triple verified correctly, so an
// integration that asks for a token on every call does not pay ~50 ms of scrypt each time. Only
// successes are remembered (a wrong guess always pays the full KDF), entries are HMACs under a
// per-process random key (no password is kept), and the stored hash is part of the entry, so a
// password change invalidates it at once.

const TTL_MS = 10 * 60_000
const MAX_ENTRIES = 10_000
// A KeyObject, not a Buffer: with a Buffer, every createHmac builds a key object first (≈ 20 µs, not 2).
const key = createSecretKey(randomBytes(32))
const verified = new Map<string, number>()

function entry(username: string, password: string, storedHash: string): string {
  return createHmac('sha256', key)
    .update(username)
    .update('\0')
    .update(password)
    .update('\0')
    .update(storedHash)
    .digest('base64')
}

export function wasVerified(
  username: string,
  password: string,
  storedHash: string,
  now: number,
): boolean {
  const id = entry(username, password, storedHash)
  const until = verified.get(id)
  if (until === undefined) {
    return false
  }
  if (until <= now) {
    verified.delete(id)
    return false
  }
  return true
}

export function rememberVerified(
  username: string,
  password: string,
  storedHash: string,
  now: number,
): void {
  if (verified.size >= MAX_ENTRIES) {
    verified.delete(verified.keys().next().value!)
  }
  verified.set(entry(username, password, storedHash), now + TTL_MS)
}

// Checks under way, by the same entry: concurrent first logins of one user (an integration that
// starts ten workers at once) wait for one scrypt instead of ten.
const inFlight = new Map<string, Promise<boolean>>()

/**
 * Runs `verify` once for concurrent calls with the same (user, password, stored hash); every
 * caller gets its verdict. Nothing is kept once it settles.
 * @example const ok = await verifyOnce(name, password, hash, () => verifyPassword(password, hash))
 */
export function verifyOnce(
  username: string,
  password: string,
  storedHash: string,
  verify: () => Promise<boolean>,
): Promise<boolean> {
  const id = entry(username, password, storedHash)
  let pending = inFlight.get(id)
  if (pending === undefined) {
    pending = verify().finally(() => inFlight.delete(id))
    inFlight.set(id, pending)
  }
  return pending
}
