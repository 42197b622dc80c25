import { commandDataSchemas, isDomainError } from '@sot/domain';
import type { CommandType } from '@sot/domain';

/** GraphQL spells the domain's codes in capitals: `LIFE_THREATENING` is `life_threatening`. */
const toDomain = (value: unknown, enumKeys: ReadonlySet<string>, key = ''): unknown => {
  if (Array.isArray(value)) {
    return value.map((item) => toDomain(item, enumKeys, key));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, toDomain(inner, enumKeys, field)]));
  }
  return typeof value === 'string' && enumKeys.has(key) ? value.toLowerCase() : value;
};

/** `items[2].kind` (the domain's path) as `items.2.kind` (the form's). */
const formPath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

const sentence = (message: string, path: string): string => {
  const rest = message.startsWith(path) ? message.slice(path.length).trim() : message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
};

/**
 * Checks a form's input with the very rules the api applies (the domain's own schemas), so a
 * form refuses what the api would refuse, with the same words, before anything is sent.
 */
export const validateCommand = (
  type: CommandType,
  input: Record<string, unknown>,
  enumKeys: readonly string[] = [],
): Record<string, string> => {
  try {
    commandDataSchemas[type].parse(toDomain(input, new Set(enumKeys)), '');
    return {};
  } catch (error) {
    if (isDomainError(error)) {
      const path = error.path ?? '';
      return { [formPath(path) || 'form']: sentence(error.message, path) };
    }
    throw error;
  }
};

/** The api's `field` (`input.items.2.kind`) as the form's path. */
export const fieldOfApiError = (field: string | undefined): string | undefined => field?.replace(/^input\./, '');
