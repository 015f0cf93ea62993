import type { Database } from '../../db/database.ts'
import { ValidationError } from '../../shared/errors.ts'
import {
  CLIENT_SETTING_DEFAULTS,
  canonicalSettingName,
  type ClientSettings,
} from './settings.catalog.ts'
import { deleteSetting, listSettingRows, upsertSetting } from './settings.repository.ts'

/**
 * The effective client settings for a company: defaults ← server-wide ← company override.
 * Pass null for the server-wide values alone.
 * @example const { EnableLinkingOrderToPO } = await getClientSettings(db, order.companyId)
 */
export async function getClientSettings(
  db: Database,
  companyId: number | null,
): Promise<ClientSettings> {
  const rows = await listSettingRows(db, companyId)
  const merged: Record<string, unknown> = { ...CLIENT_SETTING_DEFAULTS }
  // Server-wide first, then the company's, so the override wins.
  for (const row of rows.sort((a, b) => a.company_id - b.company_id)) {
    if (Object.hasOwn(CLIENT_SETTING_DEFAULTS, row.name)) {
      merged[row.name] = JSON.parse(row.value_json)
    }
  }
  return merged as ClientSettings
}

/**
 * Sets (or with `null`, removes) settings for the server (companyId 0) or a company.
 * Names are matched case-insensitively; values must have the default's type.
 */
export async function changeClientSettings(
  db: Database,
  companyId: number,
  values: Record<string, unknown>,
): Promise<ClientSettings> {
  const changes: Array<[string, unknown]> = []
  const errors: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(values)) {
    const name = canonicalSettingName(key)
    if (name === undefined) {
      errors[`model.${key}`] = ['Unknown client setting.']
      continue
    }
    if (value !== null && typeof value !== typeof CLIENT_SETTING_DEFAULTS[name]) {
      errors[`model.${key}`] = [`Expected ${typeof CLIENT_SETTING_DEFAULTS[name]}.`]
      continue
    }
    changes.push([name, value])
  }
  if (Object.keys(errors).length > 0) {
    throw new ValidationError(errors)
  }
  await db.transaction().execute(async (trx) => {
    for (const [name, value] of changes) {
      if (value === null) {
        await deleteSetting(trx, companyId, name)
      } else {
        await upsertSetting(trx, companyId, name, JSON.stringify(value))
      }
    }
  })
  return getClientSettings(db, companyId === 0 ? null : companyId)
}

/** A 400 naming the client setting that forbids (or requires) a field. */
export function settingError(field: string, message: string): ValidationError {
  return ValidationError.field(field, message)
}
