import { DomainError } from './errors';

/**
 * Where a value comes from: `incoming` (a command, from a person or a system) is held to every
 * rule; `stored` (an event read back) only to its shape, since rules added later must not make
 * yesterday's facts unreadable.
 */
export type Origin = 'incoming' | 'stored';

/**
 * A tiny validator, because the domain may import nothing: each schema parses an unknown value
 * into its type or throws INVALID_INPUT naming the path. Commands and stored events share it.
 */
export type Schema<T> = { readonly parse: (value: unknown, path?: string, origin?: Origin) => T };
export type Infer<S> = S extends Schema<infer T> ? T : never;

const invalid = (path: string, message: string): never => {
  throw new DomainError('INVALID_INPUT', `${path || 'value'} ${message}`, path || undefined);
};

/** C0 control characters other than tab and line breaks, and DEL: never part of a person's text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Bidirectional embeddings, overrides and isolates: they can make a name read as another. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export const text = (options: { max: number; min?: number; bidiControls?: 'refused' }): Schema<string> => ({
  parse: (value, path = '', origin = 'incoming') => {
    if (typeof value !== 'string') {
      return invalid(path, 'must be a string');
    }
    if (!value.isWellFormed()) {
      return invalid(path, 'contains a broken character (a lone UTF-16 surrogate)');
    }
    if (origin === 'incoming' && CONTROL.test(value)) {
      return invalid(path, 'contains a control character (such as NUL)');
    }
    if (origin === 'incoming' && options.bidiControls === 'refused' && BIDI_CONTROL.test(value)) {
      return invalid(path, 'contains a bidirectional override character, which can disguise a name');
    }
    const trimmed = value.trim();
    const min = options.min ?? 1;
    if (trimmed.length < min) {
      return invalid(path, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
    }
    if (trimmed.length > options.max) {
      return invalid(path, `must have at most ${options.max} characters (got ${trimmed.length})`);
    }
    return trimmed;
  },
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The years an instant of this domain can fall in; outside, it is a typing error (and PostgreSQL refuses year 0). */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;

/** An instant, normalised to `toISOString()` form so that string order is time order. */
export const instant: Schema<string> = {
  parse: (value, path = '') => {
    const time = typeof value === 'string' && ISO_DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time)) {
      return invalid(path, 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z');
    }
    const normalised = new Date(time).toISOString();
    const year = Number(normalised.slice(0, 4));
    if (normalised.startsWith('-') || year < EARLIEST_YEAR || year > LATEST_YEAR) {
      return invalid(path, `must lie between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`);
    }
    return normalised;
  },
};

/** A calendar date (birth dates): `YYYY-MM-DD`, checked to exist. */
export const calendarDate: Schema<string> = {
  parse: (value, path = '') => {
    if (typeof value !== 'string' || !ISO_DATE.test(value)) {
      return invalid(path, 'must be a date as YYYY-MM-DD');
    }
    const parsed = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
      return invalid(path, 'is not a real calendar date');
    }
    return value;
  },
};

export const bool: Schema<boolean> = {
  parse: (value, path = '') => (typeof value === 'boolean' ? value : invalid(path, 'must be true or false')),
};

export const integer = (options: { min: number; max: number }): Schema<number> => ({
  parse: (value, path = '') => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return invalid(path, 'must be a whole number');
    }
    if (value < options.min || value > options.max) {
      return invalid(path, `must be between ${options.min} and ${options.max}`);
    }
    return value;
  },
});

export const oneOf = <const T extends readonly string[]>(values: T): Schema<T[number]> => ({
  parse: (value, path = '') =>
    typeof value === 'string' && values.includes(value) ? value : invalid(path, `must be one of ${values.join(', ')}`),
});

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Ids chosen by clients (request ids, item ids): short, printable, no spaces. */
export const identifier: Schema<string> = {
  parse: (value, path = '') =>
    typeof value === 'string' && IDENTIFIER.test(value)
      ? value
      : invalid(path, 'must be 1-128 letters, digits or _ . : - and start with a letter or digit'),
};

export const optional = <T>(schema: Schema<T>): Schema<T | undefined> => ({
  parse: (value, path = '', origin) =>
    value === undefined || value === null ? undefined : schema.parse(value, path, origin),
});

export const array = <T>(item: Schema<T>, options: { min?: number; max: number }): Schema<T[]> => ({
  parse: (value, path = '', origin) => {
    if (!Array.isArray(value)) {
      return invalid(path, 'must be a list');
    }
    const min = options.min ?? 0;
    if (value.length < min || value.length > options.max) {
      return invalid(path, `must have between ${min} and ${options.max} entries (got ${value.length})`);
    }
    return value.map((entry, index) => item.parse(entry, `${path}[${index}]`, origin));
  },
});

type Shape = Record<string, Schema<unknown>>;
type Optionals<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
export type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, Optionals<S>>]: Infer<S[K]> } & {
  [K in Optionals<S>]?: Infer<S[K]>;
};

/** Unknown keys are rejected: a misspelt field must not vanish silently. */
export const object = <S extends Shape>(shape: S): Schema<ObjectOf<S>> => {
  // Once per schema, not per value: every stored event is parsed through these on every read.
  const fields = Object.entries(shape);
  return {
    parse: (value, path = '', origin) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return invalid(path, 'must be an object');
      }
      const input = value as Record<string, unknown>;
      for (const key in input) {
        if (Object.hasOwn(input, key) && !(key in shape)) {
          return invalid(path ? `${path}.${key}` : key, 'is not a known field');
        }
      }
      const output: Record<string, unknown> = {};
      for (const [key, schema] of fields) {
        const parsed = schema.parse(input[key], path ? `${path}.${key}` : key, origin);
        if (parsed !== undefined) {
          output[key] = parsed;
        }
      }
      return output as ObjectOf<S>;
    },
  };
};
