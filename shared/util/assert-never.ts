/** Makes a switch exhaustive: the compiler rejects a call with anything but `never`. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
