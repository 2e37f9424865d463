/**
 * How many pixels may be decoding at once across one engine's uploads. Each image waits its turn,
 * first come first served, until its pixels fit beside those in flight; an image alone always
 * runs, however large. The memory that decoding takes is so bounded by the budget (or by one image
 * when a single one is larger), however many clerks upload at the same moment.
 */
export class PixelBudget {
  private inFlight = 0;
  private readonly queue: Array<{ pixels: number; start: () => void }> = [];

  constructor(readonly budget: number) {}

  /** Pixels decoding now. */
  get pixelsInFlight(): number {
    return this.inFlight;
  }

  /** Images waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `task` (the decoding of an image of `pixels`) once its turn has come. */
  async run<T>(pixels: number, task: () => Promise<T>): Promise<T> {
    await this.acquire(pixels);
    try {
      return await task();
    } finally {
      this.release(pixels);
    }
  }

  private fits(pixels: number): boolean {
    return this.inFlight === 0 || this.inFlight + pixels <= this.budget;
  }

  private acquire(pixels: number): Promise<void> {
    if (this.queue.length === 0 && this.fits(pixels)) {
      this.inFlight += pixels;
      return Promise.resolve();
    }
    return new Promise((start) => { this.queue.push({ pixels, start }); });
  }

  private release(pixels: number): void {
    this.inFlight -= pixels;
    while (this.queue.length > 0 && this.fits(this.queue[0]!.pixels)) {
      const next = this.queue.shift()!;
      this.inFlight += next.pixels;
      next.start();
    }
  }
}
