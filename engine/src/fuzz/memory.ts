/** JavaScript heap plus memory outside it (Buffers, zlib), in bytes. */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/**
 * Watches memory over a fuzz run: `sample()` after each input records the growth over the start.
 * Garbage not yet collected counts too, so the bound is loose; it catches an input that makes the
 * code under test allocate far more than the input's size (an inflation or a runaway loop).
 */
export function memoryWatch() {
  const start = used();
  let peak = 0;
  return {
    sample: () => { peak = Math.max(peak, used() - start); },
    get peakMiB() { return Math.round(peak / 1048576); },
  };
}

/** Growth over a run that any input may cause (measured 4–23 MiB); the inputs are at most a few kilobytes. */
export const MEMORY_BOUND_MIB = 96;

/**
 * Registers, for every test of the calling file, a fresh watch and the check of its peak against
 * the bound; call the returned `sample` after each input.
 */
export function boundMemory(hooks: { beforeEach(fn: () => void): void; afterEach(fn: () => void): void },
  check: (peakMiB: number) => void): () => void {
  let watch = memoryWatch();
  hooks.beforeEach(() => { watch = memoryWatch(); });
  hooks.afterEach(() => check(watch.peakMiB));
  return () => watch.sample();
}
