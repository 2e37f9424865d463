export { databaseCheck, jobsCheck } from './checks.js';
export { Lifecycle, type CheckResult, type ReadinessCheck } from './Lifecycle.js';
export { withStartupLock } from './startupLock.js';
export { drainServer, serve, type Servable, type ServeOptions } from './serve.js';
export { trackRequests } from './trackRequests.js';
