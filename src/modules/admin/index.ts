// The face of the admin module: the /admin API and loading fixtures.
export { registerAdminApi } from './admin.routes.ts'
export {
  FixturesFileError,
  applyFixtures,
  loadReferenceData,
  parseFixtures,
  prepareFixtures,
  startingFixtures,
  writeFixtures,
  type PreparedFixtures,
  type SeedReport,
} from './fixtures.service.ts'
