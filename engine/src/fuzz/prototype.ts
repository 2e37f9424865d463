/**
 * What `Object.prototype` holds before a fuzz run, to check none of our code wrote to it (a
 * `__proto__` key in input merged into an object would). Compare after the run.
 */
export function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

/** Keys that pollute prototypes when code copies input naively. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
