/** Where the region came from; shown to the learner so a wrong region is easy to trace. `switched`: the learner switched it in the lab (one-key fix). */
export type RegionSource = 'flag' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile' | 'instance-metadata' | 'saved-progress' | 'sandbox-default' | 'asked' | 'switched';
