/** The characters Kinesis allows in tag keys and values (kinesalite recorded AWS's two texts). */
import { invalidArgument } from './kinesis-texts.js';

const ALLOWED = /[^\u00C0-\u1FFF\u2C00-\uD7FF\w./\-=+_ @%]/;

/** @param failure how the second text begins, e.g. "Failed to add tags to stream X under account N" */
export function assertTagCharacters(texts: string[], failure: string): void {
  if (texts.some((text) => ALLOWED.test(text))) {
    throw invalidArgument('Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.');
  }
  if (texts.some((text) => text.includes('%'))) {
    throw invalidArgument(`${failure} because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.`);
  }
}

/** A stream or consumer holds at most 50 tags. */
const MAX_TAGS = 50;

/** Refuses tags that would leave more than 50 on the resource: "<failure> because a given <what> cannot have more than 50 tags …". */
export function assertTagRoom(current: Record<string, string>, added: Record<string, string>, failure: string, what: 'stream' | 'resource'): void {
  if (new Set([...Object.keys(current), ...Object.keys(added)]).size > MAX_TAGS) {
    throw invalidArgument(`${failure} because a given ${what} cannot have more than ${MAX_TAGS} tags associated with it.`);
  }
}
