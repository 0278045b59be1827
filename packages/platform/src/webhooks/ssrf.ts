import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/** Addresses a webhook may not reach unless an admin allowed private networks on it. */
const BLOCKED = new BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata lives here)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(address, prefix, "ipv4");
}
for (const [address, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["64:ff9b::", 96], // NAT64 (may wrap a private IPv4)
] as const) {
  BLOCKED.addSubnet(address, prefix, "ipv6");
}

/** Whether an IP address is loopback, link-local, private or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) {
    return BLOCKED.check(address, "ipv4");
  }
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) {
      return BLOCKED.check(mapped, "ipv4");
    }
    return BLOCKED.check(address, "ipv6");
  }
  return true;
}

export type UrlProblem = { code: "INVALID_URL" | "SCHEME_NOT_ALLOWED" | "CREDENTIALS_IN_URL" | "PRIVATE_ADDRESS" | "UNRESOLVABLE"; message: string };

export const WEBHOOK_URL_MAX = 2000;

/** The URL's shape: http(s), no user:password, not too long. Null when fine. */
export function urlShapeProblem(raw: string): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: "INVALID_URL", message: "Enter a full URL such as https://example.com/civicline/events." };
  }
  if (raw.length > WEBHOOK_URL_MAX) {
    return { code: "INVALID_URL", message: `The URL may have at most ${WEBHOOK_URL_MAX} characters.` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { code: "SCHEME_NOT_ALLOWED", message: "Only http and https URLs are allowed." };
  }
  if (url.username || url.password) {
    return { code: "CREDENTIALS_IN_URL", message: "Put no user name or password in the URL; deliveries are signed instead." };
  }
  return null;
}

/** The host of a URL without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

type Resolver = (host: string) => Promise<string[]>;

const systemResolve: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((a) => a.address)))));

/**
 * Checks a webhook URL before it is saved: its shape, and (unless private networks are allowed on
 * it) every address its host resolves to now. Deliveries check again at connect time (`safeLookup`),
 * so a DNS answer that changes later is caught there.
 */
export async function checkWebhookUrl(raw: string, options: { allowPrivateNetwork: boolean; resolve?: Resolver }): Promise<UrlProblem | null> {
  const shape = urlShapeProblem(raw);
  if (shape || options.allowPrivateNetwork) {
    return shape;
  }
  const host = hostOf(new URL(raw));
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (options.resolve ?? systemResolve)(host);
  } catch {
    return { code: "UNRESOLVABLE", message: "The URL's host name could not be found." };
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    return { code: "PRIVATE_ADDRESS", message: "The URL leads to a loopback, link-local or private address; an administrator must allow that on this webhook." };
  }
  return null;
}

export class PrivateAddressError extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to a private address (${address})`);
  }
}

/**
 * A `lookup` for http(s).request that refuses private addresses after DNS resolution, at connect
 * time (no window for DNS rebinding between check and use).
 */
export const safeLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[] | string, family?: number) => {
    if (error) {
      (callback as (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void)(error, [] as LookupAddress[]);
      return;
    }
    const list: LookupAddress[] = Array.isArray(addresses) ? addresses : [{ address: addresses, family: family ?? 4 }];
    const blocked = list.find((entry) => isPrivateAddress(entry.address));
    if (blocked || list.length === 0) {
      (callback as (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void)(new PrivateAddressError(blocked?.address ?? hostname), [] as LookupAddress[]);
      return;
    }
    if (options.all) {
      (callback as (err: null, addresses: LookupAddress[]) => void)(null, list);
    } else {
      (callback as (err: null, address: string, family: number) => void)(null, list[0]!.address, list[0]!.family);
    }
  });
};

/** Whether a URL's host is an IP literal in a private range (Node skips `lookup` for literals). */
export function literalPrivateHost(url: URL): string | null {
  const host = hostOf(url);
  return isIP(host) && isPrivateAddress(host) ? host : null;
}
