/** `11010519491231002X` → `110105********002X` (R-13: lists and logs show ID numbers masked). */
export function maskIdNumber(value: string): string {
  if (value.length <= 6) return '*'.repeat(value.length);
  const keep = value.length >= 15 ? [6, 4] : [2, 2];
  return `${value.slice(0, keep[0])}${'*'.repeat(value.length - keep[0]! - keep[1]!)}${value.slice(-keep[1]!)}`;
}

const ID_LIKE = /(?<![0-9A-Za-z])\d{14,17}[\dXx](?![0-9A-Za-z])/g;

/** Every string inside a JSON value with anything shaped like an ID number masked (defence in depth). */
export function maskIdNumbersDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(ID_LIKE, maskIdNumber);
  if (Array.isArray(value)) return value.map(maskIdNumbersDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskIdNumbersDeep(v)]));
  }
  return value;
}
