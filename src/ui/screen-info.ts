import type { RegionSource } from '../aws/resolve-region.js';

/** Facts about this run the header shows; fixed for the run's lifetime. */
export interface ScreenInfo {
  target: 'sandbox' | 'aws';
  endpoint?: string;
  profile?: string;
  region: string;
  regionSource: RegionSource;
  stream: string;
  /** One-time notices: resumed, progress file moved aside … */
  notices: string[];
}
