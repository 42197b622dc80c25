/** The slice of a pino logger these helpers use, so the package does not pin a logger. */
export type LogFn = (fields: Record<string, unknown>, message: string) => void;
export type Logger = { readonly debug: LogFn; readonly info: LogFn; readonly warn: LogFn; readonly error: LogFn };

const ignore: LogFn = () => undefined;
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
