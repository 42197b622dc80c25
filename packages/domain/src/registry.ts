import { caseEventTypes, eventDataSchemas } from './events';
import type { CaseEvent, CaseEventType } from './events';
import type { Schema } from './schema';

/** Turns the data of one schema version into the next. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

type EventDefinition = {
  readonly schemaVersion: number;
  readonly schema: Schema<unknown>;
  /** `upcasters[n]` turns version n into version n + 1. */
  readonly upcasters: Readonly<Record<number, Upcaster>>;
};

/**
 * CaseOpened v1 (before patient data was marked for crypto-shredding) carried the patient's
 * name, birth date and record number beside the clinical facts. v2 keeps them under `personal`.
 */
const caseOpenedV1ToV2: Upcaster = ({ patientName, patientBirthDate, medicalRecordNumber, ...rest }) => ({
  ...rest,
  personal: {
    patientName,
    ...(patientBirthDate === undefined ? {} : { birthDate: patientBirthDate }),
    ...(medicalRecordNumber === undefined ? {} : { medicalRecordNumber }),
  },
});

/** RecordsRequested v2 items may carry `dueBy` and `releaseAuthorisationOnFile`; v1 items are v2 items without them. */
const unchanged: Upcaster = (data) => data;

const upcastersByType: Partial<Record<CaseEventType, Record<number, Upcaster>>> = {
  CaseOpened: { 1: caseOpenedV1ToV2 },
  RecordsRequested: { 1: unchanged },
};

export const eventRegistry: Readonly<Record<CaseEventType, EventDefinition>> = Object.fromEntries(
  caseEventTypes.map((type) => {
    const upcasters = upcastersByType[type] ?? {};
    return [type, { schemaVersion: Object.keys(upcasters).length + 1, schema: eventDataSchemas[type], upcasters }];
  }),
) as Record<CaseEventType, EventDefinition>;

export class UnknownEventError extends Error {
  override readonly name = 'UnknownEventError';
}

export const isCaseEventType = (type: string): type is CaseEventType => Object.hasOwn(eventRegistry, type);

export const schemaVersionOf = (type: CaseEventType): number => eventRegistry[type].schemaVersion;

/** Reads a stored event of any known version: upcasts it step by step, then checks its shape. */
export const parseEvent = (type: string, schemaVersion: number, data: unknown): CaseEvent => {
  if (!isCaseEventType(type)) {
    throw new UnknownEventError(`Unknown case event type ${type}`);
  }
  const definition = eventRegistry[type];
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > definition.schemaVersion) {
    throw new UnknownEventError(
      `${type} has no schema version ${schemaVersion} (current: ${definition.schemaVersion})`,
    );
  }
  let current = data as Record<string, unknown>;
  for (let version = schemaVersion; version < definition.schemaVersion; version += 1) {
    const upcast = definition.upcasters[version];
    if (upcast === undefined) {
      throw new UnknownEventError(`${type} has no upcaster from version ${version}`);
    }
    current = upcast(current);
  }
  // Stored facts are read by their shape: rules added since must not make them unreadable.
  return { type, data: definition.schema.parse(current, 'data', 'stored') } as CaseEvent;
};
