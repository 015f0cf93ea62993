// The face of sandbox snapshots (issue 19): reset, snapshots and the request gate they run behind.
export { registerSnapshotRoutes } from './snapshots.routes.ts'
export {
  createRequestGate,
  registerRequestGate,
  registerRequestGateExit,
  leaveRequestGate,
  type RequestGate,
} from './request-gate.ts'
export { resetSandbox, type ResetContext, type ResetReport } from './reset-sandbox.ts'
export {
  createSnapshot,
  deleteSnapshot,
  listSnapshotViews,
  restoreSnapshot,
  type SnapshotView,
} from './snapshots.service.ts'
export {
  EXCLUDED_PREFIXES,
  EXCLUDED_TABLES,
  isExcludedTable,
  listAllTables,
  listDataTables,
} from './snapshots.repository.ts'
export {
  ResetReport as ResetReportBody,
  SnapshotCreate,
  SnapshotList,
  SnapshotView as SnapshotBody,
} from './snapshots.schemas.ts'
