import type { ListQuery } from './types';

/**
 * `?<field>=&page=&pageSize=&q=` for `GET /api/data/:entity`. Paging and `q` are left out when
 * empty; a filter with the empty string is kept (`?standardPost=`): it asks for the records where
 * that field has no value.
 */
export function listQueryString(query: ListQuery = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query.filters ?? {})) params.set(name, String(value));
  for (const [name, value] of Object.entries({ page: query.page, pageSize: query.pageSize, q: query.q })) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
