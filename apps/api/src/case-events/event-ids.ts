import { createHash } from 'node:crypto';

/**
 * A stable UUID for the n-th event of a command, so a redelivered command carries the same event
 * ids and the store appends it once (name-based, version 8 layout, RFC 9562).
 */
export const eventIdFor = (commandId: string, index: number): string => {
  const bytes = createHash('sha256').update(`sot:${commandId}:${index}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
