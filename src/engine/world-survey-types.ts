/** A resource with one of the lab's names that exists now, as cleanup names its kinds. */
export interface SurveyedResource {
  kind: 'stream' | 'pipe' | 'iam-role' | 'log-group';
  name: string;
  /** `global` for IAM. */
  region: string;
  /** Streams: provisioned shards billed per hour, or on-demand. */
  openShards?: number;
  onDemand?: boolean;
}

/** What exists now where the lab runs, for the completion summary, `report` and `cleanup`. */
export interface WorldSurvey {
  /**
   * Records in the lab's stream now: counted in the stream (up to a limit), else CloudWatch's
   * IncomingRecords; `byLab` of them went there from the lab's own producers, the rest from the
   * learner's scripts (or the pipe check's probes). Absent when the stream is not there.
   */
  records?: { inStream: number; byLab: { 'put-record': number; 'put-records': number }; counted: 'stream' | 'cloudwatch' };
  resources: SurveyedResource[];
}
