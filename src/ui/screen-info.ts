import type { RegionSource } from '../shared/region-source.js';

/** Facts about this run the header shows; fixed for the run's lifetime. */
export interface ScreenInfo {
  target: 'sandbox' | 'aws';
  endpoint?: string;
  profile?: string;
  region: string;
  regionSource: RegionSource;
  stream: string;
  /**
   * The key this session signs sandbox calls with (from its settings): the code view shows it in the
   * lines a learner pastes into their own shell. Absent on real AWS.
   */
  sandboxCredentials?: { accessKeyId: string; secretAccessKey: string };
  /** The sandbox runs without AWS's limits (`--limits off`). */
  limitsOff?: boolean;
  /** One-time notices: resumed, progress file moved aside … */
  notices: string[];
}
