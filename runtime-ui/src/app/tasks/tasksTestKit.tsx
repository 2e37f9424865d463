import { fireEvent, screen, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { RuntimeApi, type Task } from '../../api';
import { AppServicesContext, type AppServices } from '../AppServices';

/** Test support (not part of the app): an engine answering by a handler, every request recorded with its JSON body. */
export interface Reply { status: number; body?: unknown }
export interface Sent { method: string; url: string; body: unknown }
export type Handler = (request: Sent, sent: readonly Sent[]) => Reply | undefined;

export function taskEngine(handler: Handler) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const request = { method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? JSON.parse(init.body) as unknown : undefined };
    sent.push(request);
    const reply = handler(request, sent) ?? { status: 404 };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status });
  };
  const services: AppServices = { api: new RuntimeApi({ fetch }), onApiError: () => () => undefined };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <App><AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider></App>
    </ConfigProvider>
  );
  const count = (method: string, url: string) => sent.filter((s) => s.method === method && s.url === url).length;
  return { sent, services, wrapper, count };
}

export const OPEN = '/api/tasks?state=open';
export const DONE = '/api/tasks?state=done';

export const task = (fields: Partial<Task> = {}): Task => ({
  id: 't1', instanceId: 'i1', processKey: 'realNameReview', nodeId: 'review', name: '审核实名认证', businessKey: 'jarmyrsk01',
  status: 'open', createdAt: '2026-11-25T02:30:00.000Z', data: { 姓名: '张三', 手机号码: '13800138000' },
  outcomes: ['approve', 'reject', 'sendBack'], form: null, ...fields,
});

export const page = (...items: Task[]): Reply => ({ status: 200, body: { items, total: items.length } });

/** Opens the first task of the inbox with 处理; the drawer. */
export async function openTaskDrawer(): Promise<HTMLElement> {
  const table = await screen.findByTestId('task-table');
  fireEvent.click((await within(table).findAllByRole('button', { name: '处理' }))[0]!);
  return screen.findByTestId('task-drawer');
}
