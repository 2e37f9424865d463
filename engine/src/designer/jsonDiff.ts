import type { JsonChange } from '../contract/index.js';
import { canonicalJson } from '../definitions/index.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** RFC 6901: `~` and `/` inside a key are escaped. */
const pointer = (base: string, key: string | number) => `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * The changes from `before` to `after` as JSON pointers (RFC 6901): objects key by key, arrays
 * index by index (an item appended is an `add`, one cut off a `remove`), anything else replaced.
 */
export function jsonDiff(before: unknown, after: unknown, path = ''): JsonChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      if (!(key in after) || after[key] === undefined) return before[key] === undefined ? [] : [{ path: pointer(path, key), op: 'remove' as const, before: before[key] }];
      if (!(key in before) || before[key] === undefined) return [{ path: pointer(path, key), op: 'add' as const, after: after[key] }];
      return jsonDiff(before[key], after[key], pointer(path, key));
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: JsonChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
      if (i >= after.length) changes.push({ path: pointer(path, i), op: 'remove', before: before[i] });
      else if (i >= before.length) changes.push({ path: pointer(path, i), op: 'add', after: after[i] });
      else changes.push(...jsonDiff(before[i], after[i], pointer(path, i)));
    }
    return changes;
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [{ path, op: 'replace', before, after }];
}

/** The changed paths, shortened to at most `depth` segments and de-duplicated: an audit row's summary. */
export function diffSummary(changes: JsonChange[], depth = 3, max = 50): string[] {
  const paths = [...new Set(changes.map((c) => c.path.split('/').slice(0, depth + 1).join('/') || '/'))];
  return paths.length > max ? [...paths.slice(0, max), `…（另有 ${paths.length - max} 处）`] : paths;
}
