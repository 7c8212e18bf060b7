type Method = (...args: never[]) => unknown;
type Methods<T> = { readonly [K in keyof T]: T[K] extends Method ? true : never };

/**
 * A service whose module loads on its first call. The CLI runs one command per process; when
 * every service (and @peculiar/x509 behind most of them) loaded up front, `info` paid for the
 * CA, the probe engine and the posture rules. `methods` names every method, checked against
 * the interface, so the object has real own properties (the router spreads the CA service).
 */
export function lazyService<T extends object>(methods: Methods<T>, load: () => Promise<T>): T {
  let loaded: Promise<T> | null = null;
  const service: Record<string, unknown> = {};
  for (const name of Object.keys(methods)) {
    service[name] = async (...args: unknown[]): Promise<unknown> => {
      const real = (await (loaded ??= load())) as Record<string, unknown>;
      return (real[name] as (...a: unknown[]) => unknown).apply(real, args);
    };
  }
  return service as T;
}
