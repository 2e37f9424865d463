import type { ErrorItem } from '@zjrj/engine/contract';
import { ApiError, errorMessage, pointerSegments, type JsonObject } from '../../lib';
import { batchProblems, placeProblems, type GroupEntryLayout } from '../../rules';

const valueAt = (data: unknown, path: string): string => JSON.stringify(pointerSegments(path)
  .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data) ?? null);

/** The server's problems still worth showing after a change: those whose field kept its value (or that name none). */
export function keepUnchanged(problems: readonly ErrorItem[], before: JsonObject, after: JsonObject): ErrorItem[] {
  const kept = problems.filter((p) => !p.path || valueAt(before, p.path) === valueAt(after, p.path));
  return kept.length === problems.length ? problems as ErrorItem[] : kept;
}

/** The live verdict and the server's answer together, each message once per place. */
export function mergeProblems(...lists: ReadonlyArray<readonly ErrorItem[]>): ErrorItem[] {
  const seen = new Set<string>();
  return lists.flat().filter((p) => {
    const key = `${p.path ?? ''}\u0000${p.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/**
 * A refused save's problems placed in the entry: a batch create's `/items/<i>/data/<field>`, or an
 * update's `/<field>` (the one item edited); anything else as a message without a field.
 */
export function savedProblems(layout: GroupEntryLayout, error: unknown, batch: boolean): ErrorItem[] {
  if (!(error instanceof ApiError)) return [{ code: 'FAILED', message: errorMessage(error) }];
  return batch ? batchProblems(layout, error.errors) : placeProblems(layout, error.errors.map((item) => ({ index: 0, item })));
}
