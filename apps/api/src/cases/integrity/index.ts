export { HistoryIntegrityResolver } from './history-integrity.resolver';
export { StoreAnchoring } from './store-anchoring';
