/** Types of benchmarks-page.mjs, for its tests. */
export function writeBenchmarkSection(heading: string, section: string, page?: string | URL): Promise<void>;
