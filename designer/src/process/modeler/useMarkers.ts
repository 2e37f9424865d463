import { useEffect } from 'react';
import type { Canvas, ElementRegistry } from './services';
import type { Diagram } from './useModeler';

/** The marker of an element the engine reports a problem for (process.css). */
export const PROBLEM_MARKER = 'zj-problem';

/**
 * Puts a marker class on elements (id → class), e.g. problems or diff changes, and takes it off
 * again when it no longer applies; redone after each import or change (`revision`).
 */
export function useMarkers(diagram: Diagram | undefined, markers: Record<string, string>, revision: number): void {
  const key = Object.entries(markers).map(([id, marker]) => `${id}\t${marker}`).join('\n');
  useEffect(() => {
    if (!diagram || !key) return;
    const canvas = diagram.get<Canvas>('canvas');
    const registry = diagram.get<ElementRegistry>('elementRegistry');
    const placed = key.split('\n').map((line) => line.split('\t') as [string, string]).filter(([id]) => registry.get(id));
    for (const [id, marker] of placed) canvas.addMarker(id, marker);
    return () => { for (const [id, marker] of placed) if (registry.get(id)) canvas.removeMarker(id, marker); };
  }, [diagram, key, revision]);
}
