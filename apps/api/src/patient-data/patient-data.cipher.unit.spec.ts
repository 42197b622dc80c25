import { createSecretKey, randomBytes } from 'node:crypto';
import { SEALED, SealedDataError, openEventData, sealEventData } from './patient-data.cipher';

const identity = { streamId: 'case-8d6f0c1e-0000-4000-8000-000000000001', eventId: 'e1', type: 'CaseOpened' };
const data = {
  occurredAt: '2026-03-02T09:00:00.000Z',
  personal: { patientName: 'Maria Lopez', birthDate: '1961-04-09' },
  condition: { name: 'Invasive ductal carcinoma', severity: 'serious', isCancer: true },
};

describe('sealing patient data', () => {
  const key = createSecretKey(randomBytes(32));

  it('moves the patient fields into one ciphertext and opens them as written', () => {
    const sealed = sealEventData(identity, data, key);
    expect(sealed).not.toHaveProperty('personal');
    expect(sealed.condition).toEqual(data.condition);
    expect(JSON.stringify(sealed)).not.toContain('Lopez');
    expect(openEventData(identity, sealed, key)).toEqual(data);
  });

  it('reads each sealed field as erased once the key is gone, keeping every other fact', () => {
    const sealed = sealEventData(
      { ...identity, type: 'CaseClosed' },
      { occurredAt: 'x', reason: 'other', comment: 'Moved to Lyon' },
      key,
    );
    expect(openEventData({ ...identity, type: 'CaseClosed' }, sealed, 'erased')).toEqual({
      occurredAt: 'x',
      reason: 'other',
      comment: '[erased]',
    });
    expect(openEventData(identity, sealEventData(identity, data, key), 'erased')).toEqual({
      ...data,
      personal: { patientName: '[erased]' },
    });
  });

  it('stores an event without patient data as it is', () => {
    const recorded = { occurredAt: 'x', requestId: 'r1', itemIds: ['a'] };
    expect(sealEventData({ ...identity, type: 'RecordsReceived' }, recorded, key)).toBe(recorded);
  });

  it('refuses to open with another key, or moved to another event', () => {
    const sealed = sealEventData(identity, data, key);
    expect(() => openEventData(identity, sealed, createSecretKey(randomBytes(32)))).toThrow(SealedDataError);
    expect(() => openEventData({ ...identity, eventId: 'e2' }, sealed, key)).toThrow(SealedDataError);
    expect(() => openEventData(identity, { ...sealed, [SEALED]: { v: 9 } }, key)).toThrow(/unknown form/);
  });
});
