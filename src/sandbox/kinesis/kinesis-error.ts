/**
 * An error the Kinesis engine answers with, as AWS's JSON protocol carries it:
 * `{"__type": "ResourceNotFoundException", "message": "Stream x under account N not found."}`.
 */
export class KinesisError extends Error {
  /**
   * @param type AWS's error code (`__type`)
   * @param status HTTP status @default 400
   * @param messageKey Coral writes `Message` for SerializationException, `message` elsewhere @default 'message'
   */
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly messageKey: 'message' | 'Message' = 'message',
  ) {
    super(message);
    this.name = type;
  }

  /** The response body. */
  body(): Record<string, unknown> {
    return { __type: this.type, [this.messageKey]: this.message };
  }
}
