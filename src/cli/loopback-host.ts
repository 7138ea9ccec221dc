import { isIPv6 } from 'node:net';

/**
 * Whether a host name or address can only be reached from this machine, in every spelling a learner
 * or a URL may use: `localhost`, `LOCALHOST`, `x.localhost`, `127.0.0.1`, `127.1`, `2130706433`,
 * `0x7f.1`, `::1`, `[::1]`, `0:0:0:0:0:0:0:1`, `::ffff:127.0.0.1`. The WHATWG URL parser normalizes the
 * numeric forms exactly as `new URL` and Node's resolver read them.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  let normalized: string;
  try {
    normalized = new URL(`http://${isIPv6(bare) ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return false;
  }
  if (/^127\.\d+\.\d+\.\d+$/.test(normalized)) return true;
  // IPv6 loopback, and IPv4-mapped addresses in 127.0.0.0/8 (::ffff:7f00:1 is ::ffff:127.0.0.1).
  return normalized === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(normalized);
}

/** The endpoint URL's host is loopback: a local sandbox, where dummy credentials are fine. */
export function isLoopbackUrl(endpoint: string): boolean {
  return isLoopbackHost(new URL(endpoint).hostname);
}
