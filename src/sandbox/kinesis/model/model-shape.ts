/**
 * One shape of botocore's Kinesis model, reduced to what request validation needs
 * (scripts/generate-kinesis-model.mjs writes kinesis-model.ts in this form).
 */
export interface ModelShape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'blob' | 'boolean' | 'timestamp';
  /** structure: member name → shape name, in the model's order. */
  members?: Record<string, string>;
  /** structure: members that must be present. */
  required?: string[];
  /** list: the member shape. */
  member?: string;
  /** map: key and value shapes. */
  key?: string;
  value?: string;
  /** string, list, map, blob: length bounds; integer, long: value bounds. */
  min?: number;
  max?: number;
  /** string: a Java regular expression the whole value must match. */
  pattern?: string;
  /** string: the allowed values. */
  enum?: string[];
}
