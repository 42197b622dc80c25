export { CaseSubscriptionsResolver } from './case-subscriptions.resolver';
