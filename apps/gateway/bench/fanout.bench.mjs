// Live updates to many consoles (pnpm bench fanout; not a test). The gateway runs in a child process
// (fanout-server.mjs) on a fresh database with the demo data; this process opens CLIENTS WebSockets
// (plain `ws` speaking the graphql-ws protocol, so the clients cost the same in both runs), each
// subscribed to `ticketReceived { …the queue's ticket fields }` and `queueCountsChanged`, spread over
// the operator, dispatcher, supervisor, leader and admin demo accounts. Each of EVENTS calls is
// logged through `logCall`; from the moment the mutation answered (the ticket is committed) the time
// until each client holds the ticket and the new counts is one sample (after unmeasured warm-up calls
// that also prove every subscription open). Baseline in the same run: a
// raw `ws` server (another child) broadcasting those very messages to as many clients, timed from
// the moment it is told to. Also: the gateway's memory (RSS after a GC) with every subscription
// open against the same gateway idle, and the SQL statements the gateway ran per event.
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { reportResult } from "../../../tooling/scripts/bench-report.mjs";
import { benchLogin, machineLoad, percentile } from "../../../packages/supervision/bench/bench-kit.mjs";

const CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? 2000);
const EVENTS = Number(process.env.BENCH_FANOUT_EVENTS ?? 10);
const DEADLINE_MS = Number(process.env.BENCH_FANOUT_DEADLINE_MS ?? 20_000);
const USERS = ["operator", "dispatcher", "supervisor", "leader", "admin"];
const TICKET_FIELDS = "id trackingNumber status channel requestType urgency receivedAt description category { id nameZh nameEn } district { id nameZh nameEn } township { id nameZh nameEn }";
const TICKETS = `subscription { ticketReceived { ${TICKET_FIELDS} } }`;
const COUNTS = "subscription { queueCountsChanged { received waitingForDispatch mineToday emergencies } }";
const log = (message) => console.log(`[bench] ${message}`);
const now = () => performance.timeOrigin + performance.now();

/** Forks a server child; resolves with a handle once it says where it listens. */
function startChild(mode) {
  const child = fork(new URL("./fanout-server.mjs", import.meta.url), [mode], { execArgv: ["--expose-gc", "--max-old-space-size=2048"], stdio: "inherit" });
  const waiting = [];
  child.on("message", (message) => waiting.shift()?.(message));
  const ask = (message) => new Promise((resolve) => { waiting.push(resolve); child.send(message); });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${mode} server exited with ${code}`)));
    waiting.push((message) => resolve({ child, url: message.url, ask, tell: (message) => child.send(message) }));
  });
}

/** Opens `count` sockets in batches (a burst of thousands of handshakes overruns the listen backlog). */
async function openAll(count, open) {
  const sockets = [];
  for (let start = 0; start < count; start += 50) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, i) => open(start + i)))));
  }
  return sockets;
}

/** Subscriptions the gateway refused when asked (they are asked again, up to 5 times). */
let refusals = 0;

/** A graphql-ws client on a plain socket: init, two subscriptions, every `next` handed to `onNext`. */
function graphqlClient(url, cookie, onNext) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, "graphql-transport-ws", { headers: { cookie } });
    const queries = { tickets: TICKETS, counts: COUNTS };
    const attempts = { tickets: 0, counts: 0 };
    const ask = (id) => socket.send(JSON.stringify({ id, type: "subscribe", payload: { query: queries[id] } }));
    socket.on("error", reject);
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === "connection_ack") {
        ask("tickets");
        ask("counts");
        resolve(socket);
      } else if (message.type === "next") {
        onNext(message, data);
      } else if (message.type === "error") {
        refusals += 1;
        if (refusals <= 3) {console.error("[bench] subscription refused", JSON.stringify(message.payload).slice(0, 300));}
        if (attempts[message.id]++ < 5) {setTimeout(() => ask(message.id), 500);}
      }
    });
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
  });
}

function waitFor(condition, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) {
        return resolve();
      }
      if (Date.now() - started > timeoutMs) {
        // After a stall of this process, timers run before the sockets' pending data is read: read it first.
        return setImmediate(() => setImmediate(() => (condition() ? resolve() : reject(new Error(`timed out waiting for ${what}`)))));
      }
      setTimeout(check, 5);
    };
    check();
  });
}

const mb = (bytes) => bytes / 1024 / 1024;

async function runGateway() {
  const gateway = await startChild("gateway");
  const cookies = {};
  for (const user of USERS) {cookies[user] = (await benchLogin(gateway, user)).cookie;}
  const gql = async (query, variables, cookie) => {
    const response = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query, variables }) });
    const body = await response.json();
    if (body.errors) {throw new Error(JSON.stringify(body.errors));}
    return body.data;
  };
  const catalog = await gql("{ categories { id code } areas { id nameZh } }", {}, cookies.operator);
  const input = (i) => ({
    requestType: "HELP",
    urgency: i % 3 === 0 ? "EMERGENCY" : "NORMAL",
    categoryId: catalog.categories.find((c) => c.code === "URBAN.NOISE").id,
    description: `工地夜间施工噪音很大，影响休息。（第 ${i} 次来电）`,
    districtId: catalog.areas.find((a) => a.nameZh === "张店区").id,
    address: "张店区共青团西路 88 号",
    citizenName: "王先生",
    phone: "13812345678",
  });
  // Warm-up: the first call compiles and caches what every later one reuses.
  await gql("mutation($input: LogCallInput!) { logCall(input: $input) { id } }", { input: input(1000) }, cookies.operator);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idle = await gateway.ask({ memory: true });

  // Per event: when each client received the ticket, and the counts after it. An event's state exists
  // before its logCall is sent: a push can arrive before the mutation's own answer (it often does), and
  // was lost to the measurement when the state was only set up after the answer. Arrivals are kept as
  // instants; a latency is counted from the answer, an arrival before it as 0 ms.
  let current = null;
  const ticketArrivals = new Map();
  const arrivalsOf = (trackingNumber) => {
    if (!ticketArrivals.has(trackingNumber)) {ticketArrivals.set(trackingNumber, new Map());}
    return ticketArrivals.get(trackingNumber);
  };
  const latencies = (arrivals, t0) => [...arrivals.values()].map((at) => Math.max(0, at - t0));
  const logTracked = async (inputValue) => {
    const state = { trackingNumber: null, t0: Infinity, ticket: new Map(), counts: new Map() };
    current = state;
    const data = await gql("mutation($input: LogCallInput!) { logCall(input: $input) { id trackingNumber } }", { input: inputValue }, cookies.operator);
    state.trackingNumber = data.logCall.trackingNumber;
    state.t0 = now();
    state.ticket = arrivalsOf(state.trackingNumber);
    return state;
  };
  let errorsPushed = 0;
  const samples = { ticket: [], counts: [] };
  let messages = { ticket: null, counts: null };
  const sockets = await openAll(CLIENTS, (i) =>
    graphqlClient(`${gateway.url.replace("http", "ws")}/graphql`, cookies[USERS[i % USERS.length]], (message, raw) => {
      if (!current) {return;}
      const at = now();
      if (message.id === "tickets" && message.payload.data?.ticketReceived?.trackingNumber) {
        const arrivals = arrivalsOf(message.payload.data.ticketReceived.trackingNumber);
        if (!arrivals.has(i)) {arrivals.set(i, at);}
        messages.ticket ??= raw.toString();
      } else if (message.id === "counts" && message.payload.data?.queueCountsChanged) {
        if (!current.counts.has(i)) {current.counts.set(i, at);}
        messages.counts ??= raw.toString();
      } else if (message.payload.errors) {
        errorsPushed += 1;
        if (errorsPushed <= 3) {console.error("[bench] error pushed", JSON.stringify(message.payload.errors).slice(0, 300));}
      }
    }),
  );
  // Every subscription is open once a ticket logged now reaches every client (a client whose subscription
  // was still on its way misses it: another is logged, up to 10 times). These warm-up calls (which also
  // compile and cache each audience's execution) are not measured.
  let ready = false;
  for (let attempt = 0; attempt < 10 && !ready; attempt++) {
    const state = await logTracked(input(2000 + attempt));
    ready = await waitFor(() => state.ticket.size === CLIENTS && state.counts.size === CLIENTS, 15_000, "warm-up").then(
      () => true,
      () => false,
    );
    current = null;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (!ready) {
    log("not every client received the warm-up calls: some subscriptions never opened (the deliveries they miss count at the deadline)");
  }
  if (refusals > 0) {
    log(`${refusals} subscriptions were refused when first asked (asked again)`);
  }
  const open = await gateway.ask({ memory: true });
  log(`gateway memory: idle RSS ${mb(idle.memory.rss).toFixed(0)} MB (heap ${mb(idle.memory.heapUsed).toFixed(0)} MB); with ${CLIENTS * 2} GraphQL subscriptions on ${CLIENTS} sockets (${open.subscriptions} pub/sub listeners) RSS ${mb(open.memory.rss).toFixed(0)} MB (heap ${mb(open.memory.heapUsed).toFixed(0)} MB)`);

  const statementsPerEvent = [];
  let missing = 0;
  for (let event = 0; event < EVENTS; event++) {
    await gateway.ask({ statements: "reset" });
    const state = await logTracked(input(event));
    try {
      await waitFor(() => state.ticket.size === CLIENTS && state.counts.size === CLIENTS, DEADLINE_MS, "every client");
    } catch {
      // What never arrived counts as arriving at the deadline (the figure is then a lower bound).
      const missingBy = (map) => USERS.map((user, u) => `${user} ${Array.from({ length: CLIENTS }, (_, i) => i).filter((i) => i % USERS.length === u && !map.has(i)).length}`).join(", ");
      log(`event ${event}: after ${DEADLINE_MS / 1000} s only ${state.ticket.size} of ${CLIENTS} clients had the ticket (missing: ${missingBy(state.ticket)}) and ${state.counts.size} the counts (missing: ${missingBy(state.counts)})`);
      if (event >= 0) {
        missing += 2 * CLIENTS - state.ticket.size - state.counts.size;
        samples.ticket.push(...Array(CLIENTS - state.ticket.size).fill(DEADLINE_MS));
        samples.counts.push(...Array(CLIENTS - state.counts.size).fill(DEADLINE_MS));
      }
    }
    samples.ticket.push(...latencies(state.ticket, state.t0));
    samples.counts.push(...latencies(state.counts, state.t0));
    log(`event ${event}: ticket p99 ${percentile(latencies(state.ticket, state.t0), 99)?.toFixed(0)} ms, counts p99 ${percentile(latencies(state.counts, state.t0), 99)?.toFixed(0)} ms`);
    // Everything the event set off has settled before the statements are read.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const counted = await gateway.ask({ statements: "read" });
    statementsPerEvent.push(counted.statements);
    if (event === 0) {log(`statements of one event (logCall included), distinct: ${counted.sample.map((s) => s.slice(0, 90)).join(" | ")}`);}
    current = null;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const socket of sockets) {socket.terminate();}
  gateway.tell({ stop: true });
  return { idle, open, samples, messages, statementsPerEvent, missing };
}

async function runRaw(messages) {
  const raw = await startChild("raw");
  let current = null;
  const samples = [];
  const sockets = await openAll(CLIENTS, (i) =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(raw.url);
      socket.on("error", reject);
      socket.on("open", () => resolve(socket));
      socket.on("message", (data) => {
        const message = JSON.parse(data.toString());
        if (!current) {return;}
        const key = `${i}:${message.id}`;
        if (!current.seen.has(key)) {
          current.seen.add(key);
          samples.push(now() - current.t0);
        }
      });
    }),
  );
  for (let event = -1; event < EVENTS; event++) {
    current = { t0: now(), seen: new Set() };
    const state = current;
    raw.tell({ broadcast: [messages.ticket, messages.counts] });
    await waitFor(() => state.seen.size === CLIENTS * 2, 60_000, `raw event ${event}`);
    if (event < 0) {
      samples.length = 0;
    }
    current = null;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const socket of sockets) {socket.terminate();}
  raw.tell({ stop: true });
  return samples;
}

async function main() {
  log(`${CLIENTS} clients × 2 subscriptions, ${EVENTS} tickets logged; ${machineLoad()}`);
  const gateway = await runGateway();
  const rawSamples = await runRaw(gateway.messages);
  const both = [...gateway.samples.ticket, ...gateway.samples.counts];
  const p = (values, q) => percentile(values, q);
  log(`gateway ticketReceived p50 ${p(gateway.samples.ticket, 50).toFixed(0)} ms p99 ${p(gateway.samples.ticket, 99).toFixed(0)} ms; queueCountsChanged p50 ${p(gateway.samples.counts, 50).toFixed(0)} ms p99 ${p(gateway.samples.counts, 99).toFixed(0)} ms`);
  log(`raw ws broadcast of the same two messages p50 ${p(rawSamples, 50).toFixed(0)} ms p99 ${p(rawSamples, 99).toFixed(0)} ms`);
  if (gateway.missing > 0) {log(`${gateway.missing} deliveries never arrived (or carried an error): counted at ${DEADLINE_MS} ms`);}
  log(`SQL statements per event (logCall's own included): ${gateway.statementsPerEvent.join(", ")}`);
  const ticketP99 = p(gateway.samples.ticket, 99);
  const countsP99 = p(gateway.samples.counts, 99);
  const rawP99 = p(rawSamples, 99);
  for (const [name, value] of [["live ticketReceived", ticketP99], ["live queueCountsChanged", countsP99], ["live ticket + counts (both)", p(both, 99)]]) {
    const ratio = value / rawP99;
    reportResult({
      benchmark: `${name} to ${CLIENTS} subscribers, p99`,
      result: `${value.toFixed(0)} ms`,
      baseline: `${rawP99.toFixed(0)} ms (raw ws broadcast)`,
      ratio,
      target: "≤ 3× and < 1 s",
      pass: ratio <= 3 && value < 1000,
    });
  }
  const growth = mb(gateway.open.memory.rss - gateway.idle.memory.rss);
  reportResult({
    benchmark: `gateway memory, ${CLIENTS * 2} open subscriptions on ${CLIENTS} sockets`,
    result: `+${growth.toFixed(0)} MB RSS (${mb(gateway.open.memory.rss).toFixed(0)} MB)`,
    baseline: `${mb(gateway.idle.memory.rss).toFixed(0)} MB idle`,
    ratio: null,
    target: "≤ +200 MB",
    pass: growth <= 200,
  });
  log(machineLoad());
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
