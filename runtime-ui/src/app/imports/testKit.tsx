import type { ReactNode } from 'react';
import { RuntimeApi } from '../../api';
import type { Scheduler } from '../location';
import { AppServicesContext, type AppServices } from '../AppServices';

/** Test support (not part of the app): a scripted engine behind the real API client, a manual clock. */
export interface Answer { status: number; body?: unknown }
export interface Call { method: string; url: string; form?: FormData }

/**
 * The engine's answers by `METHOD path` (with query), in order per key (the last one repeats);
 * unknown paths answer 404. Every call is recorded, multipart bodies as FormData.
 */
export function scriptedEngine(script: Record<string, Answer[]>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, url, form: init?.body instanceof FormData ? init.body : undefined });
    const answers = script[`${method} ${url}`] ?? [];
    const answer = (answers.length > 1 ? answers.shift() : answers[0]) ?? { status: 404 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  };
  const services: AppServices = { api: new RuntimeApi({ fetch }), onApiError: () => () => undefined };
  const wrapper = ({ children }: { children: ReactNode }) =>
    <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
  return { calls, services, wrapper };
}

/** A scheduler that runs nothing by itself: the test decides when the interval has passed. */
export function manualClock() {
  const tasks: Array<{ ms: number; run: () => void; cancelled: boolean }> = [];
  const scheduler: Scheduler = {
    after(ms, run) {
      const task = { ms, run, cancelled: false };
      tasks.push(task);
      return () => { task.cancelled = true; };
    },
  };
  const pending = () => tasks.filter((t) => !t.cancelled);
  const tick = () => {
    const task = pending()[0];
    if (!task) throw new Error('nothing is scheduled');
    task.cancelled = true;
    task.run();
  };
  return { scheduler, pending, tick };
}
