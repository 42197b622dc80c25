export { HistoryIntegrityResolver } from './history-integrity.resolver';
