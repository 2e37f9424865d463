import type { CompletenessView, RuntimeApi } from '../../lib';

/** The engine answers at most this many ids per request. */
const BATCH = 100;

/**
 * Completeness of records, asked for in batches: the cells of one table page ask one by one in
 * the same render, and one request answers them all. A new loader asks again (after a change).
 */
export class CompletenessLoader {
  private readonly answers = new Map<string, Promise<CompletenessView | undefined>>();
  private waiting = new Map<string, Array<(view: Promise<CompletenessView | undefined>) => void>>();

  constructor(private readonly api: Pick<RuntimeApi, 'completeness'>, private readonly entity: string) {}

  load(id: string): Promise<CompletenessView | undefined> {
    const known = this.answers.get(id);
    if (known) return known;
    const answer = new Promise<CompletenessView | undefined>((resolve, reject) => {
      if (this.waiting.size === 0) queueMicrotask(() => this.flush());
      this.waiting.set(id, [...(this.waiting.get(id) ?? []), (view) => view.then(resolve, reject)]);
    });
    this.answers.set(id, answer);
    return answer;
  }

  private flush(): void {
    const waiting = this.waiting;
    this.waiting = new Map();
    const ids = [...waiting.keys()];
    for (let start = 0; start < ids.length; start += BATCH) {
      const chunk = ids.slice(start, start + BATCH);
      const views = this.api.completeness(this.entity, chunk).then((items) => new Map(items.map((v) => [v.id, v])));
      for (const id of chunk) for (const settle of waiting.get(id) ?? []) settle(views.then((byId) => byId.get(id)));
    }
  }
}

/** 资料完整 or 缺 N 项. */
export const completenessText = (view: CompletenessView): string => (view.complete ? '资料完整' : `缺 ${view.missing.length} 项`);
