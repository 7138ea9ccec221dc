import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { roomUrls } from './room-addresses.js';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) }) as NetworkInterfaceInfo;

const interfaces = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.0.12', 'IPv4'), nic('fe80::1', 'IPv6')],
  wlan0: [nic('10.0.0.7', 'IPv4')],
};

describe('roomUrls', () => {
  it('turns a wildcard bind into the machine\'s LAN addresses', () => {
    expect(roomUrls('http://0.0.0.0:4567', '0.0.0.0', interfaces)).toEqual(['http://192.168.0.12:4567', 'http://10.0.0.7:4567']);
    expect(roomUrls('http://[::]:4567', '::', interfaces)).toEqual(['http://192.168.0.12:4567', 'http://10.0.0.7:4567']);
  });

  it('keeps a specific address as it is, loopback included', () => {
    expect(roomUrls('http://127.0.0.1:4567', '127.0.0.1', interfaces)).toEqual(['http://127.0.0.1:4567']);
    expect(roomUrls('http://192.168.0.12:4567', '192.168.0.12', interfaces)).toEqual(['http://192.168.0.12:4567']);
  });

  it('finds nothing on a machine with loopback only', () => {
    expect(roomUrls('http://0.0.0.0:4567', '0.0.0.0', { lo: interfaces.lo })).toEqual([]);
  });
});
