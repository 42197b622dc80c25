export { NO_CASE, commandKey, extendLoaded, loadCase, readCaseHistory, toCaseEvent } from './case-history';
export type { CaseEventSource, CaseHistoryEntry, LoadedCase, RecordedCommand } from './case-history';
export { eventIdFor } from './event-ids';
export { appendAnchor, headsDigest, isAtOrBefore, latestAnchor } from './store-anchor';
export type { StoreAnchor } from './store-anchor';
export { CHAIN_HASH, chainHash, chainVerifier, verifyChain } from './tamper-evidence';
export type { HistoryIntegrity } from './tamper-evidence';
