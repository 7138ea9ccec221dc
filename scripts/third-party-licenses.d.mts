/** Types of third-party-licenses.mjs, for its tests. */
export interface MetafileInputs {
  inputs: Record<string, unknown>;
}
export function bundledPackageDirs(metafile: MetafileInputs): string[];
export function thirdPartyLicenses(metafile: MetafileInputs, root: string, legalComments?: string[]): string;
export function legalCommentBlocks(text: string): string[];
