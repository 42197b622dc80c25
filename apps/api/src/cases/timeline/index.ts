export { TimelineRepository } from './timeline.repository';
export { TimelineResolver } from './timeline.resolver';
