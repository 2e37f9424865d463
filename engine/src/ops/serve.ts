import type { Server } from 'node:http';
import type { EngineConfig } from '../config/index.js';
import { loggableError, type Logger } from '../log/index.js';
import type { Lifecycle } from './Lifecycle.js';

/** What serving needs of the engine (app/createEngine's Engine). */
export interface Servable {
  lifecycle: Lifecycle;
  listen(port: number, host?: string): Promise<Server>;
  /** Stops the job runner (handlers end after their current chunk and give the job back) and closes the database. */
  close(): Promise<void>;
}

export interface ServeOptions {
  logger: Logger;
  /** Ends the process (tests of the wiring pass their own). */
  exit?: (code: number) => void;
}

/**
 * Stops accepting connections, lets the requests in flight finish (at most `timeoutMs`, then
 * their connections are cut), closing every keep-alive connection as soon as it is idle.
 * Resolves with the number of requests cut (0 when everything finished).
 */
export async function drainServer(server: Server, lifecycle: Lifecycle, timeoutMs: number, logger: Logger): Promise<number> {
  lifecycle.drain();
  const closed = new Promise<void>((resolve) => { server.close(() => resolve()); });
  server.closeIdleConnections();
  logger.info({ inFlight: lifecycle.inFlight, timeoutMs }, 'draining: no new connections, finishing requests in flight');
  let cut = 0;
  const timer = setTimeout(() => {
    cut = lifecycle.inFlight;
    logger.warn({ cut, timeoutMs }, 'shutdown timeout: cutting the connections still open (SHUTDOWN_TIMEOUT_MS)');
    server.closeAllConnections();
  }, timeoutMs);
  await closed;
  clearTimeout(timer);
  return cut;
}

/**
 * Listens as configured (host, port, keep-alive) and shuts down gracefully on SIGTERM or SIGINT:
 * health answers 503 and new connections are refused, requests in flight finish (SHUTDOWN_TIMEOUT_MS),
 * then the job runner stops and the database closes; exit code 0. A second signal exits at once (1).
 */
export async function serve(engine: Servable, config: EngineConfig, { logger, exit = (code) => process.exit(code) }: ServeOptions): Promise<Server> {
  const server = await engine.listen(config.port, config.host);
  // Keep-alive and request timeouts are the server's own (app/httpServer).
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    drainServer(server, engine.lifecycle, config.http.shutdownTimeoutMs, logger)
      .then(() => engine.close())
      .then(() => { logger.info('shutdown complete'); exit(0); },
        (error: unknown) => { logger.error({ err: loggableError(error) }, 'shutdown failed'); exit(1); });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return server;
}
