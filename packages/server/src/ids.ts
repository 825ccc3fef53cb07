import { randomBytes } from 'node:crypto';

/** `tk_Xa9…`: URL-safe, matches the protocol's IdSchema, and says what it names. */
export function newId(prefix: 'app' | 'ag' | 'vi' | 'cv' | 'msg' | 'tk' | 'sys' | 'inc' | 'note' | 'att'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
