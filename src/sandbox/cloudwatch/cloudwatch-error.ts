/**
 * CloudWatch's errors, named both ways AWS names them: the Smithy shape (`__type` in JSON 1.0 and
 * CBOR bodies) and the query-protocol code (`<Code>` in XML, and the `x-amzn-query-error` header
 * SDKs read in query-compatible mode). Pairs come from the service model's `awsQueryError` traits.
 */

/** Known CloudWatch errors: Smithy shape name → query code and HTTP status. */
const ERRORS = {
  InvalidParameterValueException: { code: 'InvalidParameterValue', status: 400 },
  InvalidParameterCombinationException: { code: 'InvalidParameterCombination', status: 400 },
  MissingRequiredParameterException: { code: 'MissingParameter', status: 400 },
  InvalidNextToken: { code: 'InvalidNextToken', status: 400 },
  InternalServiceFault: { code: 'InternalServiceError', status: 500 },
  // Not modelled shapes: what the query protocol answers for an action it does not have, and
  // GetMetricData's answer to a StartTime equal to EndTime.
  InvalidAction: { code: 'InvalidAction', status: 400 },
  ValidationError: { code: 'ValidationError', status: 400 },
} as const;

export type CloudWatchErrorShape = keyof typeof ERRORS;

/** Thrown by the operations; each protocol turns it into its own error body. */
export class CloudWatchError extends Error {
  readonly shape: CloudWatchErrorShape;

  constructor(shape: CloudWatchErrorShape, message: string) {
    super(message);
    this.name = shape;
    this.shape = shape;
  }

  /** The query-protocol code, e.g. `InvalidParameterValue`. */
  get code(): string {
    return ERRORS[this.shape].code;
  }

  get status(): number {
    return ERRORS[this.shape].status;
  }

  /** `Sender` for the caller's mistakes, `Receiver` for the service's. */
  get fault(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

export function invalidValue(message: string): CloudWatchError {
  return new CloudWatchError('InvalidParameterValueException', message);
}

export function missingParameter(name: string): CloudWatchError {
  return new CloudWatchError('MissingRequiredParameterException', `The parameter ${name} is required.`);
}

export function invalidCombination(message: string): CloudWatchError {
  return new CloudWatchError('InvalidParameterCombinationException', message);
}

export const SERVED_ACTIONS = ['GetMetricData', 'GetMetricStatistics', 'ListMetrics'] as const;

/** An action CloudWatch has (PutMetricAlarm …) or not, that the sandbox does not serve. */
export function unsupportedAction(action: string): CloudWatchError {
  return new CloudWatchError(
    'InvalidAction',
    `The action ${action} is not valid for this web service. The kinesis-lab sandbox serves only ${SERVED_ACTIONS.join(', ')}.`,
  );
}
