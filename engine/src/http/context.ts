import type { Context, ParameterizedContext } from 'koa';
import type { AccessPolicy } from '../access/index.js';
import type { AuthService, Principal } from '../auth/index.js';
import type { EngineConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import type { Logger } from '../log/index.js';
import type { RecordService } from '../records/index.js';

/** What route handlers may use: services only, never the database directly (except health). */
export interface Services {
  config: EngineConfig;
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  auth: AuthService;
  records: RecordService;
  logger: Logger;
}

export interface AppState {
  requestId: string;
  principal?: Principal;
}

export type AppContext = ParameterizedContext<AppState> & Context;

export const SESSION_COOKIE = 'sid';
