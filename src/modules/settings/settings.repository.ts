import type { Database } from '../../db/database.ts'

export interface SettingRow {
  company_id: number
  name: string
  value_json: string
}

/** Server-wide rows (company 0) and, when given, the company's overrides. */
export function listSettingRows(db: Database, companyId: number | null): Promise<SettingRow[]> {
  return db
    .selectFrom('client_setting')
    .select(['company_id', 'name', 'value_json'])
    .where('company_id', 'in', companyId === null ? [0] : [0, companyId])
    .execute()
}

export async function upsertSetting(
  db: Database,
  companyId: number,
  name: string,
  valueJson: string,
): Promise<void> {
  await db
    .insertInto('client_setting')
    .values({ company_id: companyId, name, value_json: valueJson })
    .onConflict((oc) => oc.columns(['company_id', 'name']).doUpdateSet({ value_json: valueJson }))
    .execute()
}

export async function deleteSetting(db: Database, companyId: number, name: string): Promise<void> {
  await db
    .deleteFrom('client_setting')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
    .execute()
}

/** Every stored value of one setting: the server-wide row (company 0) and each company's override. */
export function listSettingRowsNamed(db: Database, name: string): Promise<SettingRow[]> {
  return db
    .selectFrom('client_setting')
    .select(['company_id', 'name', 'value_json'])
    .where('name', '=', name)
    .execute()
}
