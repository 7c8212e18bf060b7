/** The read-back check every edit passes before it may be written. */
import { readDotenvValues } from './read';

/** Keys whose value differs between what dotenv reads from `text` and `intended` (missing or extra included). */
export function verifyValues(text: string, intended: ReadonlyMap<string, string>): string[] {
  const actual = readDotenvValues(text);
  const keys = new Set([...actual.keys(), ...intended.keys()]);
  return [...keys].filter((k) => actual.get(k) !== intended.get(k));
}
