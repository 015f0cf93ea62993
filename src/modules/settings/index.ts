// The face of the settings module (Sellercloud client settings, global and per company).
export {
  booleanSettingAcrossCompanies,
  changeClientSettings,
  getClientSettingOverrides,
  getClientSettings,
  validateClientSettings,
  writeClientSettings,
  type SettingChange,
} from './settings.service.ts'
export type { ClientSettings } from './settings.catalog.ts'
