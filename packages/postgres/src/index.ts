export * from './database';
export * from './embedded';
export * from './logger';
export * from './scratch';
