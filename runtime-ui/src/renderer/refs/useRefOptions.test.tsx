import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RefAnnotation } from '../../api';
import type { RefOption, RefSource } from './RendererServices';
import { useRefOptions } from './useRefOptions';

const departments: RefOption[] = [
  { value: 'd1', label: '内科' }, { value: 'd2', label: '规培管理科' }, { value: 'd3', label: '外科' },
];

/** A source whose searches for typed text wait until the test answers them. */
function slowSource() {
  const waiting = new Map<string, (options: RefOption[]) => void>();
  const source: RefSource = {
    search: (_ref, text) => (text ? new Promise((resolve) => { waiting.set(text, resolve); }) : Promise.resolve(departments)),
    labels: async (_entity, ids) => new Map(departments.filter((d) => ids.includes(d.value)).map((d) => [d.value, d.label])),
  };
  return { source, answer: (text: string, options: RefOption[]) => waiting.get(text)?.(options), asked: (text: string) => waiting.has(text) };
}

const ref: RefAnnotation = { entity: 'department' };
const labels = (options: RefOption[]) => options.map((o) => o.label);

describe('useRefOptions (reference select options)', () => {
  it('narrows the options to the typed text at once, and keeps them still until the server answers differently', async () => {
    const { source, answer, asked } = slowSource();
    const { result, rerender } = renderHook(({ text }) => useRefOptions(source, ref, text, undefined), { initialProps: { text: '' } });
    await waitFor(() => expect(labels(result.current.options)).toEqual(['内科', '规培管理科', '外科']));

    rerender({ text: '规培' });
    expect(labels(result.current.options)).toEqual(['规培管理科']);
    expect(result.current.loading).toBe(true);

    await waitFor(() => expect(asked('规培')).toBe(true));
    await act(async () => { answer('规培', [{ value: 'd2', label: '规培管理科' }, { value: 'd4', label: '规培二科' }]); });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(labels(result.current.options)).toEqual(['规培管理科', '规培二科']);
  });

  it('keeps the chosen record first, named, even when the search does not find it', async () => {
    const { source } = slowSource();
    const { result, rerender } = renderHook(({ text }) => useRefOptions(source, ref, text, 'd1'), { initialProps: { text: '' } });
    await waitFor(() => expect(labels(result.current.options)).toEqual(['内科', '规培管理科', '外科']));
    rerender({ text: '外' }); // its search is never answered here: what shows is the narrowed list
    await waitFor(() => expect(labels(result.current.options)).toEqual(['内科', '外科']));
  });
});
