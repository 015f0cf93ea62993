import type { Database } from '../../db/database.ts'
import { ValidationError } from '../../shared/errors.ts'
import {
  CLIENT_SETTING_DEFAULTS,
  canonicalSettingName,
  type ClientSettings,
} from './settings.catalog.ts'
import {
  deleteSetting,
  listSettingRows,
  listSettingRowsNamed,
  upsertSetting,
} from './settings.repository.ts'
import { cachedRead, invalidateReadCache } from '../../db/read-cache.ts'

/**
 * The effective client settings for a company: defaults ← server-wide ← company override.
 * Pass null for the server-wide values alone.
 * @example const { EnableLinkingOrderToPO } = await getClientSettings(db, order.companyId)
 */
export async function getClientSettings(
  db: Database,
  companyId: number | null,
): Promise<ClientSettings> {
  return cachedRead(db, `settings:${companyId ?? 0}`, async () =>
    mergeSettings(await listSettingRows(db, companyId)),
  )
}

function mergeSettings(rows: Awaited<ReturnType<typeof listSettingRows>>): ClientSettings {
  const merged: Record<string, unknown> = { ...CLIENT_SETTING_DEFAULTS }
  // Server-wide first, then the company's, so the override wins.
  for (const row of rows.sort((a, b) => a.company_id - b.company_id)) {
    if (Object.hasOwn(CLIENT_SETTING_DEFAULTS, row.name)) {
      merged[row.name] = JSON.parse(row.value_json)
    }
  }
  return merged as ClientSettings
}

/** Names of the boolean client settings. */
export type BooleanSettingName = {
  [K in keyof ClientSettings]: ClientSettings[K] extends boolean ? K : never
}[keyof ClientSettings]

/**
 * A boolean setting across companies, for reads that span them (lists): the server-wide value
 * and the companies whose own override differs from it.
 * @example const { server, otherCompanyIds } = await booleanSettingAcrossCompanies(db, 'EnableVendorInvoicesWorkflow')
 */
export async function booleanSettingAcrossCompanies(
  db: Database,
  name: BooleanSettingName,
): Promise<{ server: boolean; otherCompanyIds: number[] }> {
  const rows = await listSettingRowsNamed(db, name)
  const serverRow = rows.find((r) => r.company_id === 0)
  const server =
    serverRow === undefined
      ? CLIENT_SETTING_DEFAULTS[name]
      : JSON.parse(serverRow.value_json) === true
  const otherCompanyIds = rows
    .filter((r) => r.company_id !== 0 && (JSON.parse(r.value_json) === true) !== server)
    .map((r) => r.company_id)
  return { server, otherCompanyIds }
}

/** A validated change: a canonical setting name and its value (null removes the override). */
export type SettingChange = [name: string, value: unknown]

/**
 * Checks names (any case) and value types without writing; a ValidationError names each bad key
 * as `model.<prefix><key>`.
 * @example const changes = validateClientSettings({ enablelinkingordertopo: false })
 */
export function validateClientSettings(
  values: Record<string, unknown>,
  prefix = '',
): SettingChange[] {
  const changes: SettingChange[] = []
  const errors: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(values)) {
    const name = canonicalSettingName(key)
    if (name === undefined) {
      errors[`model.${prefix}${key}`] = ['Unknown client setting.']
      continue
    }
    if (value !== null && typeof value !== typeof CLIENT_SETTING_DEFAULTS[name]) {
      errors[`model.${prefix}${key}`] = [`Expected ${typeof CLIENT_SETTING_DEFAULTS[name]}.`]
      continue
    }
    changes.push([name, value])
  }
  if (Object.keys(errors).length > 0) {
    throw new ValidationError(errors)
  }
  return changes
}

/** Writes validated changes; run it inside the caller's transaction. */
export async function writeClientSettings(
  db: Database,
  companyId: number,
  changes: SettingChange[],
): Promise<void> {
  for (const [name, value] of changes) {
    if (value === null) {
      await deleteSetting(db, companyId, name)
    } else {
      await upsertSetting(db, companyId, name, JSON.stringify(value))
    }
  }
}

/**
 * Sets (or with `null`, removes) settings for the server (companyId 0) or a company.
 * Names are matched case-insensitively; values must have the default's type. All or nothing.
 */
export async function changeClientSettings(
  db: Database,
  companyId: number,
  values: Record<string, unknown>,
): Promise<ClientSettings> {
  const changes = validateClientSettings(values)
  await db.transaction().execute((trx) => writeClientSettings(trx, companyId, changes))
  invalidateReadCache()
  return getClientSettings(db, companyId === 0 ? null : companyId)
}

/**
 * The values stored for the server (companyId 0) or one company alone, without defaults or
 * inherited values.
 * @example const overrides = await getClientSettingOverrides(db, 2)
 */
export async function getClientSettingOverrides(
  db: Database,
  companyId: number,
): Promise<Record<string, unknown>> {
  const rows = await listSettingRows(db, companyId === 0 ? null : companyId)
  const out: Record<string, unknown> = {}
  for (const row of rows) {
    if (row.company_id === companyId && Object.hasOwn(CLIENT_SETTING_DEFAULTS, row.name)) {
      out[row.name] = JSON.parse(row.value_json)
    }
  }
  return out
}

/** A 400 naming the client setting that forbids (or requires) a field. */
export function settingError(field: string, message: string): ValidationError {
  return ValidationError.field(field, message)
}
