import { beforeAll } from 'vitest';
import { usccCheckChar } from '../../schema/idDocuments/index.js';
import type { HttpClient, useTestEngine } from '../../testing/index.js';

/** A valid 统一社会信用代码 from its first 17 characters. */
export const uscc = (first17: string) => `${first17}${usccCheckChar(first17)}`;

export const ROUTE = '/api/change-requests/institution';

/** The institution (江岸区人民医院), its bureau (江岸区卫生健康局) and another institution, logged in once per file. */
export function changeRequestClients(ctx: ReturnType<typeof useTestEngine>) {
  const clients = {} as { hospital: HttpClient; bureau: HttpClient; other: HttpClient };
  beforeAll(async () => {
    for (const [key, username] of [['hospital', 'jarmyy001'], ['bureau', 'jawjj0001'], ['other', 'jazxyy001']] as const) {
      clients[key] = ctx.engine.client();
      await clients[key].firstLogin(username);
    }
  });
  return {
    clients,
    /** The institution's one record as the hospital reads it. */
    institution: async () => (await clients.hospital.get('/api/data/institution')).body.items[0] as
      { id: string; version: number; data: Record<string, unknown> },
    /** The client's open task of the instance, if any. */
    openTask: async (client: HttpClient, instanceId: string) =>
      ((await client.get('/api/tasks')).body.items as Array<{ id: string; instanceId: string; nodeId: string; outcomes: string[] }>)
        .find((t) => t.instanceId === instanceId),
  };
}
