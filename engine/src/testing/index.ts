export { freshPostgresDatabase, testDatabases, type TestDatabase } from './databases.js';
export { HttpClient, type HttpResponse } from './HttpClient.js';
export { CHILD_ENGINE_TEST_TIMEOUT, spawnChildEngine, type ChildEngine } from './childEngine.js';
export { startTestEngine, useTestEngine, type TestEngine } from './testEngine.js';
export { addOrganisation, departmentId, personData, residentId } from './fixtures.js';
export * from './fileSamples.js';
export { freePort } from './freePort.js';
export { until } from './until.js';
export { TEST_KEY_ENV } from './testKeys.js';
