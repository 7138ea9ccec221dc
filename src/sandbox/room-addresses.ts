import type { NetworkInterfaceInfo } from 'node:os';

/** Hosts that mean "every interface": printing them as an address would tell learners nothing. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The URLs learners in the room can use for a sandbox listening on `url`: for a wildcard bind, one
 * per non-internal IPv4 address (IPv6 link-local addresses need a zone id nobody types); otherwise
 * the URL itself.
 */
export function roomUrls(url: string, host: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  if (!WILDCARDS.has(host)) return [url];
  const port = new URL(url).port;
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
  return [...new Set(addresses)].map((address) => `http://${address}:${port}`);
}
