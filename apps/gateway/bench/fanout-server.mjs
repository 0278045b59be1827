// The server side of the fan-out bench (fanout.bench.mjs forks it, so that the clients' work and
// memory are not the server's): either the real gateway (mode "gateway", on the bench database with
// the demo data) or a raw `ws` server that broadcasts whatever string it is handed (mode "raw").
// It talks to the bench over IPC: { ready, url }, memory after a GC, statements counted.
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { WebSocketServer } from "ws";

const mode = process.argv[2];
const send = (message) => process.send?.(message);

function memory() {
  globalThis.gc?.();
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed };
}

// Statements the domain sends (the outbox, timers and schedules poll meanwhile: they are left out).
const BACKGROUND = /platform_outbox|platform_timer|platform_schedule_run|pg_notify|pg_advisory|SAVEPOINT|^(START TRANSACTION|COMMIT|ROLLBACK)/u;
let statements = [];
const original = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = function (text, ...rest) {
  const sql = String(text).replace(/\s+/gu, " ");
  if (!BACKGROUND.test(sql)) {statements.push(sql);}
  return original.call(this, text, ...rest);
};

if (mode === "raw") {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  server.on("listening", () => send({ ready: true, url: `ws://127.0.0.1:${server.address().port}` }));
  process.on("disconnect", () => process.exit(0));
  process.on("message", (message) => {
    if (message.broadcast) {
      for (const text of message.broadcast) {
        for (const client of server.clients) {client.send(text);}
      }
    } else if (message.memory) {
      send({ memory: memory(), clients: server.clients.size });
    } else if (message.stop) {
      server.close(() => process.exit(0));
      for (const client of server.clients) {client.terminate();}
    }
  });
} else {
  const { openBenchDatabase, startBenchGateway } = await import("../../../packages/supervision/bench/bench-kit.mjs");
  const { createRequire } = await import("node:module");
  const pg = createRequire(new URL("../../../packages/platform/package.json", import.meta.url))("pg");
  const database = await openBenchDatabase(pg, "fanout");
  const app = await startBenchGateway(database);
  send({ ready: true, url: app.url });
  let stopping;
  const stop = () => (stopping ??= app.stop().then(() => database.close()));
  // The bench ended (or died) without saying stop: the gateway and its embedded PostgreSQL go too.
  process.on("disconnect", () => void stop().finally(() => process.exit(0)));
  process.on("message", async (message) => {
    if (message.memory) {
      send({ memory: memory(), subscriptions: app.services.pubsub.subscriberCount() });
    } else if (message.statements === "reset") {
      statements = [];
      send({ statements: 0 });
    } else if (message.statements === "read") {
      send({ statements: statements.length, sample: [...new Set(statements)].slice(0, 12) });
    } else if (message.stop) {
      await stop();
      process.exit(0);
    }
  });
}
