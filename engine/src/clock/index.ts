/** Time comes from here, so tests can move it without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-01-15T08:00:00.000Z')) {}
  now(): Date { return new Date(this.current); }
  set(iso: string): void { this.current = new Date(iso); }
  advance(ms: number): void { this.current = new Date(this.current.getTime() + ms); }
}

export const isoNow = (clock: Clock): string => clock.now().toISOString();
