/**
 * `sts:GetCallerIdentity` over SDK v3: who the credentials belong to, and the server's clock from the
 * response's Date header (clock skew breaks SigV4 at 15 minutes). Works on the sandbox, which answers
 * GetCallerIdentity too. Only the account, ARN and user id are returned: never a key or token.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsSettings } from './aws-settings.js';
import { baseClientConfig } from './client-config.js';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
  /** The server's clock from the Date header, when the response had one. */
  serverDate?: Date;
}

export async function getCallerIdentity(settings: AwsSettings): Promise<CallerIdentity> {
  const client = new STSClient({ ...baseClientConfig(settings, { keepAlive: false }), maxAttempts: 1 });
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
