import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import {
  ADMIN_PASSWORD,
  createTestApp,
  type TestApp,
  type TestAppOptions,
} from '../helpers/build-app.ts'
import type { TestDialect } from '../helpers/dialects.ts'

// The console's browser tests: Debian's Chromium, headless, driven by playwright-core. Where it
// is missing the tests are skipped with the command that installs it (CI installs it: .ci/run).

export const CHROMIUM_INSTALL = 'sudo apt-get install -y chromium'

export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return existsSync(path) ? path : null
}

/** The reason browser tests are skipped here, or false when they run. */
export function browserSkip(): string | false {
  if (chromiumPath() !== null) {
    return false
  }
  const reason = `Chromium is not installed; install it with: ${CHROMIUM_INSTALL}`
  // CI installs it (.ci/run): there a missing browser is a failure, never a silent skip.
  if (process.env.CROSSDOCK_REQUIRE_BROWSER === '1') {
    throw new Error(reason)
  }
  return reason
}

// The flags the machine notes give: no sandbox (root in CI), and no background networking (the
// closed network refuses Chromium's calls home, many at a time).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--no-default-browser-check',
]

export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const executablePath = chromiumPath()
  if (executablePath === null) {
    throw new Error(browserSkip() || 'no Chromium')
  }
  const profile = mkdtempSync(join(tmpdir(), 'crossdock-chromium-'))
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    // playwright-core gives the browser a new empty profile; HOME is a scratch folder too, so
    // nothing is left in the user's own.
    env: { ...process.env, HOME: profile },
  })
  return {
    browser,
    async close() {
      await browser.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface ConsoleHarness {
  t: TestApp
  /** The server's origin, e.g. http://127.0.0.1:43121 */
  origin: string
  browser: Browser
  /** A new browser context (own cookies) and page. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>
  /** A page signed in as the admin (or the given user). */
  signedIn(username?: string, password?: string): Promise<Page>
  close(): Promise<void>
}

/** A test app listening on a free port, and Chromium pointed at it. */
export async function startConsole(
  dialect: TestDialect,
  options: TestAppOptions = {},
): Promise<ConsoleHarness> {
  const t = await createTestApp(dialect, options)
  let chromiumHandle: Awaited<ReturnType<typeof launchChromium>> | undefined
  try {
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const address = t.app.server.address()
    if (address === null || typeof address === 'string') {
      throw new Error('no port')
    }
    const origin = `http://127.0.0.1:${address.port}`
    chromiumHandle = await launchChromium()
    const { browser } = chromiumHandle
    const contexts: BrowserContext[] = []
    const newPage = async () => {
      const context = await browser.newContext({ baseURL: origin })
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      page.on('dialog', (dialog) => void dialog.accept())
      return { context, page }
    }
    const handle = chromiumHandle
    return {
      t,
      origin,
      browser,
      newPage,
      async signedIn(username = 'admin', password = ADMIN_PASSWORD) {
        const { page } = await newPage()
        await signIn(page, username, password)
        return page
      },
      async close() {
        for (const context of contexts) {
          await context.close().catch(() => {})
        }
        await handle.close()
        await t.close()
      },
    }
  } catch (error) {
    await chromiumHandle?.close()
    await t.close()
    throw error
  }
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (!/\/console\/login(?:\?|$)/.test(page.url())) {
    await page.goto('/console/login')
  }
  await page.getByLabel('User name').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForLoadState('domcontentloaded')
}
