import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { RuntimeApi, type EntityDefinition } from '../../api';
import { AppServicesContext } from '../AppServices';
import { useLookups } from './useLookups';

const probation = { key: 'probation', title: '试用期', schema: { type: 'object', properties: {
  personId: { type: 'string', title: '人员', 'x-ref': { entity: 'person' } },
} }, uiSchema: {} } as unknown as EntityDefinition;

/** The engine through the real API client; each person read waits until the test answers it. */
function engine() {
  const waiting = new Map<string, (response: Response) => void>();
  const fetch = (url: string) => new Promise<Response>((resolve) => { waiting.set(url, resolve); });
  const api = new RuntimeApi({ fetch });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppServicesContext.Provider value={{ api, onApiError: () => () => undefined }}>{children}</AppServicesContext.Provider>);
  const answer = (url: string, status: number, body?: unknown) =>
    waiting.get(url)?.(new Response(body === undefined ? null : JSON.stringify(body), { status }));
  return { wrapper, answer, asked: (url: string) => waiting.has(url) };
}

describe('useLookups (the records the probation rules look up)', () => {
  it('is pending until each wanted person is read, found or not, and resolves them then', async () => {
    const { wrapper, answer, asked } = engine();
    const records = [{ personId: 'p1' }, { personId: 'p2' }];
    const { result } = renderHook(() => useLookups(probation, ['personId'], records), { wrapper });
    expect(result.current.pending).toBe(true);
    expect(result.current.resolve('personId', 'p1')).toBeNull();

    await waitFor(() => expect(asked('/api/data/person/p1') && asked('/api/data/person/p2')).toBe(true));
    await act(async () => { answer('/api/data/person/p1', 200, { id: 'p1', version: 1, data: { name: '张三' } }); });
    await waitFor(() => expect(result.current.resolve('personId', 'p1')).toEqual({ name: '张三' }));
    expect(result.current.pending).toBe(true); // p2 still being read

    await act(async () => { answer('/api/data/person/p2', 404, { errors: [{ code: 'NOT_FOUND', message: '不存在' }] }); });
    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(result.current.resolve('personId', 'p2')).toBeNull();
  });

  it('is not pending when nothing is looked up', () => {
    const { wrapper } = engine();
    const { result } = renderHook(() => useLookups(probation, ['personId'], [{ personId: 3 }]), { wrapper });
    expect(result.current.pending).toBe(false);
  });
});
