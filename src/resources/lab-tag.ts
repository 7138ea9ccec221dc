/** Tag that marks what the lab created, so cleanup never touches a stream it did not make. */
export const LAB_TAG_KEY = 'kinesis-lab';

/** The tag value: the lab's id, and this learner's install when known (`kinesis-data-streams/3f9c…`). */
export function labTagValue(labId: string, ownerId?: string): string {
  return ownerId ? `${labId}/${ownerId}` : labId;
}

/** What this run tags its resources with (and cleanup looks for). */
export function labTagOf(ctx: { labId: string; labTag?: string }): string {
  return ctx.labTag ?? ctx.labId;
}
