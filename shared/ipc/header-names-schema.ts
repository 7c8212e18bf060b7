import { z } from './zod';

/** The forwarded client-certificate header names by role (shared/nginx/types HEADER_ROLES), each checked by `name`. */
export function headerNamesSchema<T extends z.ZodMiniType>(name: T) {
  return z.strictObject({ verify: name, subjectDn: name, issuerDn: name, serial: name, fingerprint: name, validFrom: name, validTo: name, cert: name });
}
