import { BadRequestError } from '../errors/index.js';
import type { EntitySchema } from '../schema/index.js';

export interface ListQuery {
  page: number;
  pageSize: number;
  q?: string;
  /** Exact values; null: the field has no value (`?field=` left empty), e.g. posts not mapped yet. */
  filters: Record<string, string | number | null>;
}

type RawQuery = Record<string, string | string[] | undefined>;

export const MAX_PAGE_SIZE = 100;
const reserved = new Set(['page', 'pageSize', 'q']);

function positiveInt(raw: string | undefined, name: string, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new BadRequestError(`参数 ${name} 应为 1 到 ${max} 之间的整数。`, 'BAD_QUERY');
  }
  return value;
}

function single(raw: string | string[] | undefined, name: string): string | undefined {
  if (Array.isArray(raw)) throw new BadRequestError(`参数 ${name} 只能出现一次。`, 'BAD_QUERY');
  return raw;
}

/** `?page=&pageSize=&q=&<field>=`: unknown fields are refused rather than silently ignored; an empty value means "no value". */
export function parseListQuery(raw: RawQuery, schema: EntitySchema): ListQuery {
  const query: ListQuery = {
    page: positiveInt(single(raw.page, 'page'), 'page', 1, 1_000_000),
    pageSize: positiveInt(single(raw.pageSize, 'pageSize'), 'pageSize', 20, MAX_PAGE_SIZE),
    filters: {},
  };
  const q = single(raw.q, 'q')?.trim();
  if (q) query.q = q.slice(0, 100);
  for (const [name, value] of Object.entries(raw)) {
    if (reserved.has(name) || value === undefined) continue;
    const field = schema.field(name);
    if (!field || !schema.isFilterable(name)) throw new BadRequestError(`不支持按「${name}」筛选。`, 'BAD_QUERY');
    const text = single(value, name) ?? '';
    if (text === '') {
      query.filters[name] = null;
      continue;
    }
    const numeric = field.schema.type === 'integer' || field.schema.type === 'number';
    if (numeric && !Number.isFinite(Number(text))) throw new BadRequestError(`「${field.title}」的筛选值应为数字。`, 'BAD_QUERY');
    query.filters[name] = numeric ? Number(text) : text;
  }
  return query;
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
