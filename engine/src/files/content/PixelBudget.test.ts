import { describe, expect, it } from 'vitest';
import { PixelBudget } from './PixelBudget.js';

/** A decoding the test finishes when it wants; `started` says whether its turn came. */
function decoding(budget: PixelBudget, pixels: number) {
  let finish!: () => void;
  const state = { started: false };
  const done = budget.run(pixels, () => { state.started = true; return new Promise<void>((resolve) => { finish = resolve; }); });
  return { state, done, finish: async () => { finish(); await done; } };
}

/** Lets the promise callbacks queued so far run. */
const settle = () => new Promise<void>((resolve) => { setImmediate(resolve); });

describe('PixelBudget (images decoding at once)', () => {
  it('runs images side by side while their pixels fit, and makes the next wait until enough is freed', async () => {
    const budget = new PixelBudget(100);
    const a = decoding(budget, 60);
    const b = decoding(budget, 40);
    const c = decoding(budget, 30);
    await settle();
    expect([a.state.started, b.state.started, c.state.started]).toEqual([true, true, false]);
    expect(budget.pixelsInFlight).toBe(100);
    expect(budget.waiting).toBe(1);
    await b.finish();
    await settle();
    expect(c.state.started).toBe(true);
    expect(budget.pixelsInFlight).toBe(90);
    await a.finish();
    await c.finish();
    expect(budget.pixelsInFlight).toBe(0);
  });

  it('serves in order: a small image does not pass a large one that waits (no starvation)', async () => {
    const budget = new PixelBudget(100);
    const a = decoding(budget, 50);
    const large = decoding(budget, 80);
    const small = decoding(budget, 10); // would fit beside a, but comes after the large one
    await settle();
    expect([large.state.started, small.state.started]).toEqual([false, false]);
    await a.finish();
    await settle();
    expect([large.state.started, small.state.started]).toEqual([true, true]);
    await large.finish();
    await small.finish();
  });

  it('runs an image larger than the whole budget alone, and frees its share when the decoding fails', async () => {
    const budget = new PixelBudget(100);
    await expect(budget.run(500, async () => { throw new Error('damaged'); })).rejects.toThrow('damaged');
    expect(budget.pixelsInFlight).toBe(0);
    const huge = decoding(budget, 500);
    const next = decoding(budget, 1);
    await settle();
    expect([huge.state.started, next.state.started]).toEqual([true, false]);
    await huge.finish();
    await next.finish();
    expect(budget.waiting).toBe(0);
  });
});
