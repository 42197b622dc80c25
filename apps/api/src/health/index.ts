export { DatabaseHealthCheck } from './database-health';
export { HealthController } from './health.controller';
