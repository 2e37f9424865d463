import type { Server } from 'node:http';
import path from 'node:path';
import type Koa from 'koa';
import { AccessPolicy, NetworkPolicy } from '../access/index.js';
import { AccountService, InputValidator, RoleService } from '../accounts/index.js';
import { AuditLog } from '../audit/index.js';
import { AccountPolicies, AuthService, LoginThrottle, PasswordChecker, PasswordService, SessionStore, TwoFactorPolicy, TwoFactorService,
  TwoFactorStore } from '../auth/index.js';
import { isoNow, systemClock, type Clock } from '../clock/index.js';
import type { EngineConfig } from '../config/index.js';
import { openDatabase, type Database } from '../db/index.js';
import { DefinitionPublisher, DefinitionRegistry, DefinitionRepository, loadDefinitionFiles, MetaSchemas, type LoadSummary } from '../definitions/index.js';
import { createFileStorage, FileService } from '../files/index.js';
import { TemplateService } from '../templates/index.js';
import { CompletenessService } from '../completeness/index.js';
import { LocationRequestService } from '../location/index.js';
import { AttachmentBatchService } from '../supplementary/index.js';
import { ImportJobHandler, ImportService } from '../imports/index.js';
import { createDelivery, JobQueries, JobRepository, JobRunner, type JobHandler } from '../jobs/index.js';
import { createHttpApp } from '../http/createHttpApp.js';
import type { AppState, Services } from '../http/context.js';
import { createLogger, loggableError, type Logger } from '../log/index.js';
import { databaseCheck, jobsCheck, Lifecycle, withStartupLock } from '../ops/index.js';
import { OrgService } from '../orgs/index.js';
import { RecordService, SensitiveRecordData, sealPlainRecords } from '../records/index.js';
import { ensureBuiltinRoles } from '../seed/builtinRoles.js';
import { seedDemo } from '../seed/demoSeed.js';
import { WorkflowService } from '../workflow/index.js';
import { RealNameService, registerRealNameActions } from '../realName/index.js';
import { ChangeRequestService, registerChangeRequestActions } from '../changeRequests/index.js';
import { AcceptedLists, PreRegistrationService, registerPreRegistrationActions } from '../preRegistration/index.js';
import { registerTransferActions, TransferService } from '../transfers/index.js';
import { createDesigner } from '../designer/index.js';
import { RequestThrottle } from '../throttle/index.js';
import { createHttpServer } from './httpServer.js';
import { developmentKeyring, FieldCipher } from '../privacy/index.js';

export interface Engine extends Services {
  clock: Clock;
  checker: PasswordChecker;
  orgs: OrgService;
  sessions: SessionStore;
  metaSchemas: MetaSchemas;
  app: Koa<AppState>;
  definitionsLoaded: LoadSummary;
  listen(port: number, host?: string): Promise<Server>;
  close(): Promise<void>;
}

export interface EngineOptions {
  clock?: Clock;
  logger?: Logger;
  /** More job handlers (tests), registered before the runner starts so its recovery knows their kind. */
  jobHandlers?: (services: Services) => JobHandler[];
}

/**
 * The composition root: database (migrated), definitions (loaded and validated), services, the
 * demo seed on an empty database outside production, and the HTTP app. Nothing is global.
 */
export async function createEngine(config: EngineConfig, options: EngineOptions = {}): Promise<Engine> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const db: Database = openDatabase(config.database);
  try {
    // Engines started at once on one PostgreSQL take turns (ops/startupLock): the start's loads are not safe in parallel.
    return await withStartupLock(db, () => assemble(config, db, clock, logger, options));
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** Every service, wired once; nothing here touches the database. */
function buildServices(config: EngineConfig, db: Database, registry: DefinitionRegistry, metaSchemas: MetaSchemas, clock: Clock,
  logger: Logger) {
  const cipher = new FieldCipher(config.keyring ?? developmentKeyring(config.dataDir));
  db.recordData = new SensitiveRecordData(cipher, registry); // records.data: x-sensitive fields encrypted at rest
  const access = new AccessPolicy(registry, db.models, db.reader);
  const sessions = new SessionStore(db.models, clock, config.session, db.reader);
  const policies = new AccountPolicies(registry, config.passwordPolicy);
  policies.current(); // a missing policy definition stops the start
  const throttle = new LoginThrottle(db.knex, clock);
  const checker = new PasswordChecker(throttle);
  const network = new NetworkPolicy(config.network);
  const twoFactorPolicy = new TwoFactorPolicy(config.twoFactorRequired);
  const twoFactor = new TwoFactorService({ db, store: new TwoFactorStore(db.knex, cipher), policy: twoFactorPolicy, checker, policies, sessions,
    clock, forgetAccount: (id) => auth.forgetAccount(id) });
  const auth = new AuthService({ db, sessions, access, checker, policies, network, clock, twoFactor, twoFactorPolicy,
    identityCacheMs: config.session.identityCacheMs });
  const forgetAccount = (id: string) => auth.forgetAccount(id);
  const passwords = new PasswordService({ db, checker, policies, sessions, clock, defaultPassword: config.defaultPassword, forgetAccount });
  const validator = new InputValidator(registry);
  const definitions = new DefinitionRepository(db.models);
  const roles = new RoleService({ db, access, validator, clock, forgetAccount });
  const records = new RecordService({ db, registry, access, clock, logger });
  const jobRepository = new JobRepository(db);
  const delivery = createDelivery({ repository: jobRepository, clock, logger, config: config.jobs, database: config.database });
  const jobs = new JobRunner({ db, repository: jobRepository, clock, logger, config: config.jobs, delivery });
  const files = new FileService({ db, storage: createFileStorage(config.storage), clock, logger, sweep: config.storage.sweep,
    limits: config.uploads });
  const workflow = new WorkflowService({ db, registry, definitions, clock, cipher });
  registerRealNameActions(workflow, { registry, forgetAccount, cipher });
  registerChangeRequestActions(workflow, { db, registry, cipher });
  registerPreRegistrationActions(workflow, cipher);
  registerTransferActions(workflow, { db, registry, cipher });
  const completeness = new CompletenessService({ db, registry, access });
  const publisher = new DefinitionPublisher({ db, repository: definitions, registry, metaSchemas, clock });
  const lifecycle = new Lifecycle();
  lifecycle.addCheck('database', databaseCheck(db));
  lifecycle.addCheck('jobs', jobsCheck(db));
  lifecycle.addCheck('jobQueue', () => jobs.delivery.check());
  const services: Services = {
    config, db, lifecycle, registry, access, auth, passwords, network, logger, roles, definitions,
    publisher, cipher, twoFactor,
    audit: new AuditLog({ db, clock, logger, config: config.audit }),
    records,
    accounts: new AccountService({ db, validator, passwords, sessions, throttle, roles, clock, forgetAccount }),
    templates: new TemplateService({ registry, access, records }),
    completeness,
    locations: new LocationRequestService({ db, clock }),
    jobs,
    jobQueries: new JobQueries({ repository: jobs.repository, access, registry, clock }),
    files,
    attachmentBatches: new AttachmentBatchService({ db, registry, access, records, files, logger }),
    imports: new ImportService({ db, registry, access, runner: jobs, records, clock }),
    workflow,
    realName: new RealNameService({ db, registry, files, workflow, clock, cipher }),
    changeRequests: new ChangeRequestService({ db, registry, access, workflow, clock, cipher }),
    preRegistration: new PreRegistrationService({ db, registry, access, completeness, workflow, clock, cipher, logger }),
    acceptedLists: new AcceptedLists({ db, cipher }),
    transfers: new TransferService({ db, registry, workflow, clock, cipher }),
    requestThrottle: new RequestThrottle(db.knex, clock, config.throttle),
    designer: createDesigner({ db, registry, definitions, publisher, access, clock }),
  };
  jobs.register(new ImportJobHandler({ db, registry, access, auth, clock, reportDir: path.join(config.dataDir, 'reports') }));
  return { services, sessions, checker };
}

async function assemble(config: EngineConfig, db: Database, clock: Clock, logger: Logger, options: EngineOptions): Promise<Engine> {
  await db.migrateLatest();
  const metaSchemas = new MetaSchemas(path.join(config.definitionsDir, 'schemas'));
  const definitionsLoaded = await loadDefinitionFiles(db, config.definitionsDir, metaSchemas, isoNow(clock));
  const registry = new DefinitionRegistry(new DefinitionRepository(db.models));
  await registry.refresh();
  const { services, sessions, checker } = buildServices(config, db, registry, metaSchemas, clock, logger);
  const orgs = new OrgService(db.models);
  const sealed = await sealPlainRecords(db, registry); // databases from before x-sensitive: idempotent, under the startup lock
  if (sealed > 0) logger.info({ records: sealed }, 'sensitive fields of existing records encrypted');
  const builtinRoles = await ensureBuiltinRoles(db.models, isoNow(clock));
  if (config.seedDemo && await seedDemo({ db, orgs, records: services.records, auth: services.auth, roles: builtinRoles,
    defaultPassword: config.defaultPassword, now: isoNow(clock) })) {
    logger.info('demo seed loaded');
  }
  const app = createHttpApp(services);
  // Job handlers are registered by now (buildServices; tests through options): recovery needs every kind.
  for (const handler of options.jobHandlers?.(services) ?? []) services.jobs.register(handler);
  await services.jobs.start();
  services.files.start();
  services.audit.start();
  // Several engines on one database: what another one published is in force here within a poll, without a restart.
  const definitionsPoll = setInterval(() => {
    registry.refreshIfChanged().catch((error: unknown) => logger.warn({ err: loggableError(error) }, 'definitions refresh failed'));
  }, config.definitionsPollMs);
  definitionsPoll.unref();
  const servers: Server[] = [];
  return {
    ...services, clock, checker, orgs, sessions, metaSchemas, app, definitionsLoaded,
    listen: (port, host) => new Promise((resolve, reject) => {
      const server = createHttpServer(app.callback(), config.http);
      server.listen(port, host, () => resolve(server));
      server.once('error', reject); // e.g. EADDRINUSE: the start fails with it rather than an uncaught exception
      servers.push(server);
    }),
    close: async () => {
      clearInterval(definitionsPoll);
      await services.jobs.stop();
      await services.files.stop();
      await services.audit.stop();
      await Promise.all(servers.map((s) => new Promise((resolve) => { s.close(resolve); s.closeAllConnections(); })));
      await db.destroy();
    },
  };
}
