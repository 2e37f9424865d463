import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './hashRoute';
import { loginUrl } from './useDesignerAccess';

describe('designer routes', () => {
  it('given a definition link, then it opens that definition, and the route writes back to the same hash', () => {
    expect(parseRoute('#/ruleset/probation-2025')).toEqual({ page: 'definition', kind: 'ruleset', key: 'probation-2025' });
    expect(routeHash({ page: 'definition', kind: 'ruleset', key: 'probation-2025' })).toBe('#/ruleset/probation-2025');
  });

  it('given a kind or nothing, then the list opens (on that kind)', () => {
    expect(parseRoute('#/dictionary')).toEqual({ page: 'list', kind: 'dictionary' });
    expect(parseRoute('')).toEqual({ page: 'list' });
    expect(routeHash({ page: 'list' })).toBe('#/');
  });

  it('given no session, then the login of the runtime UI is told to come back to the same designer page', () => {
    expect(loginUrl({ pathname: '/designer/', hash: '#/ruleset/probation-2024' })).toBe('/?next=%2Fdesigner%2F%23%2Fruleset%2Fprobation-2024');
  });
});
