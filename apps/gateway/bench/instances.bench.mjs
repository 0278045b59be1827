// pnpm bench instances — two gateway processes on one PostgreSQL behind a small Node reverse proxy
// (round robin for HTTP requests and WebSocket upgrades), as a centre runs N instances behind a load
// balancer. Shows, with figures: live events reach subscribers on either instance whichever instance
// wrote them (latency against the same run through one instance), a session works on both and a
// logout on one is refused at once on the other, a due durable timer fires once, and each period of
// a periodic job runs once. Needs `tsc -b apps/gateway` (pnpm bench does it).
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { reportResult } from "../../../tooling/scripts/bench-report.mjs";
import { freeLowPort, machineLoad, percentile } from "../../../packages/supervision/bench/bench-kit.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(here, "../dist/cli.js");
const platform = await import("../../../packages/platform/dist/index.js");
const log = (message) => console.log(`[bench] ${message}`);
const SUBSCRIBERS = Number(process.env.CIVICLINE_BENCH_INSTANCE_SUBSCRIBERS ?? 40);
const TICKETS = Number(process.env.CIVICLINE_BENCH_INSTANCE_TICKETS ?? 30);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A reverse proxy sending each HTTP request and each WebSocket upgrade to the next of `targets` in turn. */
function startProxy(port) {
  let targets = [];
  let next = 0;
  const counts = new Map();
  const pick = () => {
    const target = targets[next % targets.length];
    next += 1;
    counts.set(target, (counts.get(target) ?? 0) + 1);
    return target;
  };
  const server = createServer((req, res) => {
    const target = pick();
    const upstream = httpRequest({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  server.on("upgrade", (req, socket, head) => {
    const target = pick();
    const upstream = connect(target, "127.0.0.1", () => {
      const headers = Object.entries(req.headers).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => `${name}: ${v}`) : [`${name}: ${value}`]));
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join("\r\n")}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on("error", close);
    socket.on("error", close);
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        route: (ports) => {
          targets = ports;
          counts.clear();
        },
        counts: () => counts,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

function startGateway(port, databaseUrl, dataDir) {
  const env = { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, CIVICLINE_DATA_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: "production", CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "true" };
  const child = spawn(process.execPath, [CLI, "start"], { env, stdio: ["ignore", "ignore", "inherit"] });
  return { port, pid: child.pid, child, exited: new Promise((resolve) => child.once("exit", resolve)) };
}

async function waitReady(port) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) {return;}
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the gateway on port ${port} did not become ready`);
}

async function gql(url, query, variables = {}, cookie) {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) });
  return { response, body: await response.json() };
}

async function login(url, username) {
  const { response } = await gql(url, `mutation { login(input: { username: "${username}", password: "civicline-demo" }) { token } }`);
  return response.headers.get("set-cookie").split(";")[0];
}

async function place(url) {
  const { body } = await gql(url, "{ categories { id code } areas { id nameZh } }");
  return { categoryId: body.data.categories.find((c) => c.code === "URBAN.NOISE").id, districtId: body.data.areas.find((a) => a.nameZh === "张店区").id };
}

let phoneSeq = 0;
async function submit(url, where) {
  phoneSeq += 1;
  const { body } = await gql(url, "mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }", {
    i: { requestType: "HELP", ...where, description: "小区门口积水严重，行人无法通过。", address: "张店区华光路 5 号", citizenName: "吴女士", phone: `139${String(10_000_000 + phoneSeq).slice(-8)}` },
  });
  if (!body.data) {throw new Error(`submitRequest failed: ${JSON.stringify(body.errors)}`);}
  return body.data.submitRequest.trackingNumber;
}

/** `count` subscribers to ticketReceived through the proxy; each records when each tracking number arrived. */
async function subscribe(proxyUrl, cookie, count) {
  const arrivals = new Map();
  const clients = [];
  for (let index = 0; index < count; index += 1) {
    const seen = new Map();
    arrivals.set(index, seen);
    const client = createClient({
      url: `${proxyUrl.replace("http", "ws")}/graphql`,
      retryAttempts: 0,
      lazy: false,
      webSocketImpl: class extends WebSocket {
        constructor(address, protocols) {
          super(address, protocols, { headers: { cookie } });
        }
      },
    });
    client.subscribe({ query: "subscription { ticketReceived { trackingNumber } }" }, { next: (message) => seen.set(message.data.ticketReceived.trackingNumber, performance.now()), error: () => {}, complete: () => {} });
    clients.push(client);
  }
  return { arrivals, dispose: () => Promise.all(clients.map((client) => client.dispose())) };
}

/** Sends tickets through the proxy (round robin: every other one written by the other instance); latencies to every subscriber. */
async function measureLive(proxy, ports, operatorCookie, where) {
  proxy.route(ports);
  const feed = await subscribe(proxy.url, operatorCookie, SUBSCRIBERS);
  // Subscriptions are not acknowledged: warm-up tickets until every subscriber has had one.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const number = await submit(proxy.url, where);
    await sleep(500);
    if ([...feed.arrivals.values()].every((seen) => seen.has(number))) {break;}
  }
  // Upgrades and requests so far per instance port (the sockets were opened first, round robin).
  const sockets = Object.fromEntries([...proxy.counts()].map(([port, n]) => [port, n]));
  const sent = [];
  for (let index = 0; index < TICKETS; index += 1) {
    const startedAt = performance.now();
    sent.push({ number: await submit(proxy.url, where), startedAt });
    await sleep(50);
  }
  await sleep(3_000);
  const latencies = [];
  let delivered = 0;
  for (const { number, startedAt } of sent) {
    for (const seen of feed.arrivals.values()) {
      const at = seen.get(number);
      if (at !== undefined) {
        delivered += 1;
        latencies.push(at - startedAt);
      }
    }
  }
  await feed.dispose();
  return { delivered, expected: sent.length * SUBSCRIBERS, p50: percentile(latencies, 50), p95: percentile(latencies, 95), sockets };
}

const dir = await mkdtemp(path.join(tmpdir(), "civicline-instances-bench-"));
let database;
const gateways = [];
let proxy;
try {
  database = await platform.resolveDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: dir, embeddedPort: await freeLowPort() });
  if (process.env.DATABASE_URL) {
    const name = `civicline_bench_${Date.now().toString(36)}`;
    await query(process.env.DATABASE_URL, `CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    database = { url: url.toString(), embedded: null, dropName: name };
  }
  log("starting two gateway instances on one database (one migrates and seeds, the other waits)…");
  const [portA, portB, proxyPort] = [await freeLowPort(), await freeLowPort(), await freeLowPort()];
  gateways.push(startGateway(portA, database.url, path.join(dir, "a")), startGateway(portB, database.url, path.join(dir, "b")));
  await Promise.all([waitReady(portA), waitReady(portB)]);
  const bothReadyAt = Date.now();
  proxy = await startProxy(proxyPort);
  proxy.route([portA, portB]);
  const where = await place(proxy.url);
  const operatorCookie = await login(`http://127.0.0.1:${portA}`, "operator");

  // 1. Live events: one instance (the baseline), then both.
  const one = await measureLive(proxy, [portA], operatorCookie, where);
  const two = await measureLive(proxy, [portA, portB], operatorCookie, where);
  log(`one instance: ${one.delivered}/${one.expected} delivered, p50 ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms`);
  log(`two instances: ${two.delivered}/${two.expected} delivered, p50 ${two.p50.toFixed(1)} ms, p95 ${two.p95.toFixed(1)} ms; connections and requests per instance port ${JSON.stringify(two.sockets)}`);
  reportResult({
    benchmark: `ticketReceived to ${SUBSCRIBERS} subscribers spread over 2 instances, tickets written on both`,
    result: `${two.delivered}/${two.expected} delivered, p95 ${two.p95.toFixed(0)} ms`,
    baseline: `one instance: ${one.delivered}/${one.expected}, p95 ${one.p95.toFixed(0)} ms`,
    ratio: two.p95 / one.p95,
    target: "every event to every subscriber",
    pass: two.delivered === two.expected && one.delivered === one.expected,
  });

  // 2. Sessions: a login on A works on B; a logout on A is refused on B at once.
  const urlA = `http://127.0.0.1:${portA}`;
  const urlB = `http://127.0.0.1:${portB}`;
  const cookie = await login(urlA, "supervisor");
  let worked = 0;
  for (let index = 0; index < 20; index += 1) {
    const { body } = await gql(index % 2 === 0 ? urlA : urlB, "{ me { id } }", {}, cookie);
    if (body.data?.me?.id) {worked += 1;}
  }
  await gql(urlA, "mutation { logout }", {}, cookie);
  const afterLogout = await gql(urlB, "{ me { id } }", {}, cookie);
  const refused = !afterLogout.body.data?.me;
  reportResult({
    benchmark: "a session on 2 instances (login on A; requests alternate; logout on A, then B)",
    result: `${worked}/20 requests served; B after the logout: ${refused ? "refused" : "STILL SIGNED IN"}`,
    baseline: "—",
    ratio: null,
    target: "all served, refused at once after logout",
    pass: worked === 20 && refused,
  });

  // 3. Durable timers: four tickets' dispatch deadlines brought to now fire once each.
  const numbers = await Promise.all([0, 1, 2, 3].map((index) => submit(index % 2 === 0 ? urlA : urlB, where)));
  let timers = [];
  for (let attempt = 0; attempt < 100 && timers.length < numbers.length; attempt += 1) {
    timers = await query(
      database.url,
      `SELECT tm.key, t.id AS ticket_id FROM platform_timer tm JOIN intake_ticket t ON tm.key = 'routing:ticket:' || t.id || ':dispatch_overdue' WHERE t.tracking_number = ANY($1) AND tm.fired_at IS NULL`,
      [numbers],
    );
    if (timers.length < numbers.length) {await sleep(200);}
  }
  const keys = timers.map((timer) => timer.key);
  await query(database.url, "UPDATE platform_timer SET due_at = now(), available_at = now() WHERE key = ANY($1)", [keys]);
  await query(database.url, "SELECT pg_notify('civicline_timer', key) FROM platform_timer WHERE key = ANY($1)", [keys]);
  let fired = 0;
  for (let attempt = 0; attempt < 100 && fired < keys.length; attempt += 1) {
    await sleep(200);
    fired = Number((await query(database.url, "SELECT count(*) AS n FROM platform_timer WHERE key = ANY($1) AND fired_at IS NOT NULL", [keys]))[0].n);
  }
  await sleep(1_000);
  const events = await query(database.url, "SELECT count(*) AS n FROM platform_outbox WHERE type = 'routing.dispatch_overdue' AND payload->>'ticketId' = ANY($1)", [timers.map((timer) => timer.ticket_id)]);
  reportResult({
    benchmark: "due durable timers with 2 instances listening",
    result: `${keys.length} timers: ${fired} fired, ${events[0].n} overdue events`,
    baseline: "—",
    ratio: null,
    target: "each fires once",
    pass: keys.length === numbers.length && fired === keys.length && Number(events[0].n) === keys.length,
  });

  // 4. Periodic jobs: every period of every job since the start has one run, claimed by either instance.
  // Each instance checks a one-minute job at least every 15 s: wait until both have checked at least once
  // (on a quiet machine the steps above can end sooner than that, and no period had been looked at yet).
  await sleep(Math.max(0, bothReadyAt + 16_000 - Date.now()));
  const runs = await query(database.url, "SELECT job, period_start, count(*) AS runs, min(claimed_by) AS claimed_by FROM platform_schedule_run GROUP BY job, period_start");
  const claimedBy = new Set(runs.map((run) => run.claimed_by.split(":").pop()));
  reportResult({
    benchmark: "periodic jobs with 2 instances checking",
    result: `${runs.length} job periods, ${runs.filter((run) => Number(run.runs) === 1).length} run once; instances that ran some: ${claimedBy.size}`,
    baseline: "—",
    ratio: null,
    target: "one run per period",
    pass: runs.length > 0 && runs.every((run) => Number(run.runs) === 1),
  });
  console.log(`  ${machineLoad()}`);
} finally {
  await proxy?.close();
  for (const gateway of gateways) {
    gateway.child.kill("SIGTERM");
    await gateway.exited;
  }
  if (database?.dropName) {await query(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS ${database.dropName} WITH (FORCE)`);}
  await database?.embedded?.stop();
  await rm(dir, { recursive: true, force: true });
}

async function query(url, sql, parameters = []) {
  const dataSource = platform.createDataSource({ url, entities: [], migrations: [], poolSize: 1, applicationName: "civicline-bench" });
  await dataSource.initialize();
  try {
    return await dataSource.query(sql, parameters);
  } finally {
    await dataSource.destroy();
  }
}
