/**
 * A process that joined another's embedded sandbox takes it over when the owner exits; until it has,
 * nothing listens at the address. A call made in that gap waits for the endpoint to serve again (once)
 * instead of failing after the SDK's quick retries, which a take-over on a busy machine outlasts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
});

/** Answers ListStreams as Kinesis does, with one stream whose name says which server answered. */
function listStreamsServer(name: string, port = 0): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ StreamNames: [name], HasMoreStreams: false }));
    });
  });
  servers.push(server);
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

/** A port nothing listens on any more (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const probe = await listStreamsServer('probe');
  const { port } = probe.address() as AddressInfo;
  servers.splice(servers.indexOf(probe), 1);
  await new Promise((done) => probe.close(done));
  return port;
}

function client(port: number, endpointReturns?: () => Promise<boolean>) {
  return createKinesisClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, credentials: { ...SANDBOX_CREDENTIALS }, ...(endpointReturns ? { endpointReturns } : {}) }, { maxAttempts: 1 });
}

describe('a refused connection to an endpoint that comes back', () => {
  it('waits for the endpoint once and then gets its answer', async () => {
    const port = await closedPort();
    let asked = 0;
    const kinesis = client(port, async () => {
      asked += 1;
      await listStreamsServer('taken-over', port);
      return true;
    });
    const answer = await kinesis.send(new ListStreamsCommand({}));
    expect(answer.StreamNames).toEqual(['taken-over']);
    expect(asked).toBe(1);
    kinesis.destroy();
  });

  it('fails as before when the endpoint does not come back, or when nothing can bring it back', async () => {
    const port = await closedPort();
    const gone = client(port, () => Promise.resolve(false));
    await expect(gone.send(new ListStreamsCommand({}))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    gone.destroy();
    const plain = client(port);
    await expect(plain.send(new ListStreamsCommand({}))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    plain.destroy();
  });
});
