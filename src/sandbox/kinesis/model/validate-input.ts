/**
 * Checks a decoded request against botocore's Kinesis model the way Kinesis (Coral) does, in two
 * passes: first the JSON types (a wrong type is a SerializationException, worded as Coral words it),
 * then the constraints of every member (required, length, value range, pattern, enum), collected into
 * one ValidationException: "2 validation errors detected: Value 'x' at 'streamName' failed to satisfy
 * constraint: …; …". Members the model does not know are dropped, as AWS ignores them.
 *
 * The result carries the model's types: blobs as base64 text (CBOR bytes are converted), timestamps
 * as epoch seconds, integers floored.
 */
import { KinesisError } from '../kinesis-error.js';
import { KINESIS_SHAPES } from './kinesis-model.js';
import type { ModelShape } from './model-shape.js';
import { wireValueText } from '../../wire-value-text.js';

/** Coral stops listing problems after ten. */
const MAX_REPORTED = 10;

export type ValidatedInput = Record<string, unknown>;

/** The input of `shapeName`, typed and checked; throws KinesisError (SerializationException / ValidationException). */
export function validateInput(shapeName: string, input: Record<string, unknown>): ValidatedInput {
  const shape = shapeOf(shapeName);
  const typed = checkStructure(input, shape);
  const problems: string[] = [];
  constrainStructure(typed, shape, '', problems);
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    throw new KinesisError('ValidationException', `${shown.length} validation error${shown.length > 1 ? 's' : ''} detected: ${shown.join('; ')}`);
  }
  return typed;
}

/** The message text of one constraint failure, as Coral words it (also used by operations for their own limits). */
export function constraintFailure(path: string, rendered: string, constraint: string): string {
  return `Value ${rendered} at '${path}' failed to satisfy constraint: ${constraint}`;
}

function shapeOf(name: string): ModelShape {
  const shape = KINESIS_SHAPES[name];
  if (!shape) throw new Error(`The Kinesis model has no shape ${name}.`);
  return shape;
}

// ── pass 1: types ─────────────────────────────────────────────────────────────────────────────

function serialization(message: string): KinesisError {
  return new KinesisError('SerializationException', message, 400, 'Message');
}

function structural(value: unknown): KinesisError | undefined {
  if (Array.isArray(value)) return serialization('Start of list found where not expected');
  if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    return serialization('Start of structure or map found where not expected.');
  }
  return undefined;
}

function checkStructure(value: Record<string, unknown>, shape: ModelShape): ValidatedInput {
  const result: ValidatedInput = {};
  for (const [member, shapeName] of Object.entries(shape.members ?? {})) {
    const inner = value[member];
    if (inner === undefined || inner === null) continue;
    result[member] = checkType(inner, shapeOf(shapeName));
  }
  return result;
}

function checkType(value: unknown, shape: ModelShape): unknown {
  switch (shape.type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'boolean') throw serialization('class java.lang.Boolean can not be converted to an String');
      if (typeof value === 'number') throw serialization('class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String');
      throw structural(value) ?? serialization('Unexpected value');
    case 'integer':
    case 'long': {
      const javaType = shape.type === 'integer' ? 'Integer' : 'Long';
      if (typeof value === 'number') return shape.type === 'integer' ? Math.min(Math.floor(value), 2147483647) : Math.floor(value);
      if (typeof value === 'boolean') throw serialization(`class java.lang.Boolean can not be converted to an ${javaType}`);
      if (typeof value === 'string') throw serialization(`class java.lang.String can not be converted to an ${javaType}`);
      throw structural(value) ?? serialization('Unexpected value');
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') throw serialization('class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean');
      if (typeof value === 'string') throw serialization(`'${value.toUpperCase()}' can not be converted to an Boolean`);
      throw structural(value) ?? serialization('Unexpected value');
    case 'blob':
      return checkBlob(value);
    case 'timestamp':
      if (typeof value === 'number') return value;
      if (value instanceof Date) return value.getTime() / 1000;
      if (typeof value === 'boolean') throw serialization('class java.lang.Boolean can not be converted to milliseconds since epoch');
      if (typeof value === 'string') throw serialization('class java.lang.String can not be converted to milliseconds since epoch');
      throw structural(value) ?? serialization('Unexpected value');
    case 'list':
      if (!Array.isArray(value)) {
        if (typeof value === 'object' && value !== null) throw serialization('Start of structure or map found where not expected.');
        throw serialization('Expected list or null');
      }
      return value.map((item: unknown) => (item === null || item === undefined ? item : checkType(item, shapeOf(shape.member ?? ''))));
    case 'map': {
      if (Array.isArray(value)) throw serialization('Start of list found where not expected');
      if (typeof value !== 'object' || value === null) throw serialization('Expected map or null');
      const valueShape = shapeOf(shape.value ?? '');
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, inner === null ? inner : checkType(inner, valueShape)]));
    }
    case 'structure':
      if (Array.isArray(value)) throw serialization('Start of list found where not expected');
      if (typeof value !== 'object' || value === null) throw serialization('Expected null');
      return checkStructure(value as Record<string, unknown>, shape);
  }
}

/** JSON carries blobs as base64 text, CBOR as bytes; both leave here as base64 text. */
function checkBlob(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'boolean') throw serialization('class java.lang.Boolean can not be converted to a Blob');
  if (typeof value === 'number') throw serialization('class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob');
  if (typeof value !== 'string') throw structural(value) ?? serialization('Unexpected value');
  if (value.length % 4 !== 0) {
    throw serialization(`'${value}' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: ${value.length}`);
  }
  const bad = /[^a-zA-Z0-9+/=]|=[^=]/.exec(value);
  if (bad) throw serialization(`'${value}' can not be converted to a Blob: Invalid Base64 character: '${bad[0][0] ?? ''}'`);
  return value;
}

// ── pass 2: constraints ───────────────────────────────────────────────────────────────────────

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function constrainStructure(value: ValidatedInput, shape: ModelShape, parent: string, problems: string[]): void {
  const required = new Set(shape.required ?? []);
  for (const [member, shapeName] of Object.entries(shape.members ?? {})) {
    const path = `${parent}${lowerFirst(member)}`;
    const inner = value[member];
    if (inner === undefined || inner === null) {
      if (required.has(member)) problems.push(constraintFailure(path, 'null', 'Member must not be null'));
      continue;
    }
    constrainValue(inner, shapeOf(shapeName), path, problems);
  }
}

function constrainValue(value: unknown, shape: ModelShape, path: string, problems: string[]): void {
  for (const failed of failedConstraints(value, shape)) problems.push(constraintFailure(path, `'${render(value, shape)}'`, failed));
  if (shape.type === 'structure') {
    constrainStructure(value as ValidatedInput, shape, `${path}.`, problems);
  } else if (shape.type === 'list' && Array.isArray(value)) {
    const memberShape = shapeOf(shape.member ?? '');
    if (memberShape.type === 'structure') {
      value.forEach((item, index) => {
        if (item === null || item === undefined) problems.push(constraintFailure(`${path}.${index + 1}.member`, 'null', 'Member must not be null'));
        else constrainStructure(item as ValidatedInput, memberShape, `${path}.${index + 1}.member.`, problems);
      });
    } else if (value.some((item) => failedConstraints(item, memberShape).length > 0)) {
      problems.push(constraintFailure(path, `'${render(value, shape)}'`, `Member must satisfy constraint: [${allConstraints(memberShape).join(', ')}]`));
    }
  } else if (shape.type === 'map' && typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>);
    const keyShape = shapeOf(shape.key ?? '');
    const valueShape = shapeOf(shape.value ?? '');
    if (entries.some(([key]) => failedConstraints(key, keyShape).length > 0)) {
      problems.push(constraintFailure(path, `'${render(value, shape)}'`, `Map keys must satisfy constraint: [${allConstraints(keyShape).join(', ')}]`));
    }
    if (entries.some(([, inner]) => failedConstraints(inner, valueShape).length > 0)) {
      problems.push(constraintFailure(path, `'${render(value, shape)}'`, `Map value must satisfy constraint: [${allConstraints(valueShape).join(', ')}]`));
    }
  }
}

const patterns = new Map<string, RegExp>();

function matchesPattern(value: string, pattern: string): boolean {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    compiled = new RegExp(`^(?:${pattern})$`);
    patterns.set(pattern, compiled);
  }
  return compiled.test(value);
}

/** Size as AWS counts it: characters of a string, bytes of a blob, entries of a list or map. */
function sizeOf(value: unknown, shape: ModelShape): number {
  if (shape.type === 'blob' && typeof value === 'string') return base64ByteLength(value);
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return 0;
}

/** Decoded length of base64 text, without decoding it. */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

function failedConstraints(value: unknown, shape: ModelShape): string[] {
  if (value === null || value === undefined) return [];
  const failed: string[] = [];
  const sized = shape.type === 'string' || shape.type === 'list' || shape.type === 'map' || shape.type === 'blob';
  if (shape.type === 'string' && shape.pattern !== undefined && typeof value === 'string' && !matchesPattern(value, shape.pattern)) {
    failed.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
  }
  if (sized) {
    const size = sizeOf(value, shape);
    if (shape.min !== undefined && size < shape.min) failed.push(`Member must have length greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && size > shape.max) failed.push(`Member must have length less than or equal to ${shape.max}`);
  } else if (typeof value === 'number') {
    if (shape.min !== undefined && value < shape.min) failed.push(`Member must have value greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && value > shape.max) failed.push(`Member must have value less than or equal to ${shape.max}`);
  }
  if (shape.enum !== undefined && typeof value === 'string' && !shape.enum.includes(value)) {
    failed.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  }
  return failed;
}

/** Every constraint of a member shape, as Coral lists them for collection members. */
function allConstraints(shape: ModelShape): string[] {
  const listed: string[] = [];
  if (shape.max !== undefined) listed.push(`Member must have length less than or equal to ${shape.max}`);
  if (shape.min !== undefined) listed.push(`Member must have length greater than or equal to ${shape.min}`);
  if (shape.pattern !== undefined) listed.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
  if (shape.enum !== undefined) listed.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  return listed;
}

/** A value as Coral prints it in a validation message. */
function render(value: unknown, shape: ModelShape): string {
  switch (shape.type) {
    case 'blob': {
      const length = typeof value === 'string' ? base64ByteLength(value) : 0;
      return `java.nio.HeapByteBuffer[pos=0 lim=${length} cap=${length}]`;
    }
    case 'list': {
      const member = shapeOf(shape.member ?? '');
      const items = (value as unknown[]).map((item) => (member.type === 'structure' ? `com.amazonaws.kinesis.v20131202.${shape.member ?? ''}@c965e310` : String(item)));
      return `[${items.join(', ')}]`;
    }
    case 'map':
      return `{${Object.entries(value as Record<string, unknown>).map(([key, inner]) => `${key}=${String(inner)}`).join(', ')}}`;
    default:
      return wireValueText(value);
  }
}
