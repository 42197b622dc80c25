export { AppError } from './app-error';
export type { AppErrorCode } from './app-error';
export { APP_CONFIG, ConfigError, loadConfig } from './config';
export type { AppConfig } from './config';
export { DATABASE, EVENT_STORE, KYSELY, PG_POOL, READ_MODEL_SCHEMA_NAME, createKysely } from './database';
export { LOGGER, PinoNestLogger, createLogger } from './logger';
export { migrateToLatest } from './migrations';
export { PlatformModule } from './platform.module';
export type { PlatformOptions } from './platform.module';
