import { randomUUID } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A new opaque id: a UUIDv7 (RFC 9562) — 48-bit millisecond time, a 12-bit counter that keeps ids
 * made in the same millisecond in creation order, and random bits from crypto.randomUUID. Time
 * order keeps primary-key inserts local and lets "order by id" mean "order of creation".
 */
export function newId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = 0;
  } else {
    sequence += 1;
    if (sequence > 0xfff) {
      lastMs += 1;
      sequence = 0;
    }
    ms = lastMs;
  }
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}
