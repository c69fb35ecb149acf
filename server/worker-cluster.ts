/**
 * SEDP_WORKERS=N: N server processes on one port (node:cluster). The primary only starts,
 * restarts and stops workers; it opens no store, so every database connection belongs to a
 * worker that serves requests. Each worker is a whole server (server/start-server.ts).
 */
import cluster, { type Worker } from 'node:cluster';

/** Restart waits: 1 s, doubling to this, so a worker that dies at once does not spin. */
const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that ran this long before dying was not crash-looping: its waits start over. */
const STABLE_AFTER_MS = 60_000;
/** After SIGTERM/SIGINT, workers get this long to finish their requests, then are killed. */
const STOP_TIMEOUT_MS = 10_000;

interface Slot {
  index: number;
  worker?: Worker;
  startedAt: number;
  /** Deaths in a row without a stable run between them. */
  failures: number;
}

export function runPrimary(workers: number, port: number): void {
  const slots: Slot[] = Array.from({ length: workers }, (_, i) => ({
    index: i + 1,
    startedAt: 0,
    failures: 0,
  }));
  let anyListened = false;
  let stopping = false;
  /** What the primary exits with once every worker has gone. */
  let stopCode = 0;

  const start = (slot: Slot) => {
    slot.startedAt = Date.now();
    // The index goes with the restarted worker too, so worker 1 (the clean-up) always exists.
    const worker = cluster.fork({ SEDP_WORKER_INDEX: String(slot.index) });
    slot.worker = worker;
    worker.once('listening', () => {
      anyListened = true;
      console.log(`Worker ${slot.index} (pid ${worker.process.pid}) is serving.`);
    });
    worker.once('exit', (code, signal) => {
      slot.worker = undefined;
      if (stopping) {
        if (slots.every((other) => other.worker === undefined)) process.exit(stopCode);
        return;
      }
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (!anyListened) {
        // Nothing ever served (port in use, database unreachable): restarting would only
        // repeat the worker's own error message, which is already printed above.
        console.error(`Worker ${slot.index} stopped before serving (${how}); stopping.`);
        stopAll(1);
        return;
      }
      if (Date.now() - slot.startedAt >= STABLE_AFTER_MS) slot.failures = 0;
      const delay = Math.min(1_000 * 2 ** slot.failures, MAX_RESTART_DELAY_MS);
      slot.failures += 1;
      console.error(
        `Worker ${slot.index} (pid ${worker.process.pid}) stopped unexpectedly (${how}); starting it again in ${delay / 1_000} s.`,
      );
      setTimeout(() => {
        if (!stopping) start(slot);
      }, delay);
    });
  };

  const stopAll = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    stopCode = exitCode;
    const running = slots.flatMap((slot) => (slot.worker ? [slot.worker] : []));
    if (running.length === 0) process.exit(exitCode);
    // Each worker stops like a single server on SIGTERM: no new connections, open push
    // transactions finish, the store closes.
    for (const worker of running) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const slot of slots) slot.worker?.process.kill('SIGKILL');
      process.exit(exitCode);
    }, STOP_TIMEOUT_MS).unref();
  };

  console.log(`Starting ${workers} server processes on port ${port}.`);
  for (const slot of slots) start(slot);
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
}
