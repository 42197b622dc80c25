export { describeEventStoreContract } from './event-store.contract';
export type { ContractHarness, ContractOptions } from './event-store.contract';
