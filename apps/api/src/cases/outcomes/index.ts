export { OutcomeStatsRepository } from './outcome-stats.repository';
export { OutcomeStatsResolver } from './outcome-stats.resolver';
