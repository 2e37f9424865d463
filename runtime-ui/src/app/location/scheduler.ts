/** Runs something later; returns how to cancel it. Tests pass a manual one (no real time passes). */
export interface Scheduler {
  after(ms: number, run: () => void): () => void;
}

export const timerScheduler: Scheduler = {
  after(ms, run) {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};
