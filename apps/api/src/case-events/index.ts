export { commandKey, loadCase, readCaseHistory, toCaseEvent } from './case-history';
export type { CaseHistoryEntry, LoadedCase, RecordedCommand } from './case-history';
export { eventIdFor } from './event-ids';
