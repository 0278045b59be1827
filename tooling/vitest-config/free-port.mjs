import { createServer } from "node:net";

const LOW_PORTS = { from: 20_000, to: 32_000 };
const handedOut = new Set();

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A free TCP port on 127.0.0.1 below Linux's ephemeral range (32768–60999), never handed out twice by
 * this process: a server a test starts there cannot be beaten to its port by some client socket.
 */
export async function freeLowPort() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = LOW_PORTS.from + Math.floor(Math.random() * (LOW_PORTS.to - LOW_PORTS.from));
    if (!handedOut.has(port) && (await portIsFree(port))) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port between ${LOW_PORTS.from} and ${LOW_PORTS.to} on 127.0.0.1`);
}
