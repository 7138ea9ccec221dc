/**
 * `sts:GetCallerIdentity` over SDK v3: who the credentials belong to, and the server's clock from the
 * response's Date header (clock skew breaks SigV4 at 15 minutes). Works on the sandbox, which answers
 * GetCallerIdentity too. Only the account, ARN and user id are returned: never a key or token.
 */
import http from 'node:http';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { STSClientConfig } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsSettings } from './aws-settings.js';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
  /** The server's clock from the Date header, when the response had one. */
  serverDate?: Date;
}

export async function getCallerIdentity(settings: AwsSettings): Promise<CallerIdentity> {
  const config: STSClientConfig = { region: settings.region, maxAttempts: 1 };
  if (settings.profile) config.profile = settings.profile;
  if (settings.credentials) config.credentials = { ...settings.credentials };
  if (settings.endpoint) {
    config.endpoint = settings.endpoint;
    config.requestHandler = new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: false }), connectionTimeout: 5_000, requestTimeout: 15_000 });
  }
  const client = new STSClient(config);
  let serverDate: Date | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const date = (result.response as { headers?: Record<string, string> }).headers?.date;
      if (date && !Number.isNaN(Date.parse(date))) serverDate = new Date(date);
      return result;
    },
    { step: 'deserialize', name: 'kinesisLabServerDate' },
  );
  try {
    const out = await client.send(new GetCallerIdentityCommand({}));
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '', ...(serverDate ? { serverDate } : {}) };
  } finally {
    client.destroy();
  }
}
