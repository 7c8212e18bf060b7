/**
 * Which settings hold secrets, judged by name (the platform's names for workload tokens, HMAC
 * secrets and bearer tokens are not published, sentinel-secure-x.md §1.2), and how a secret is shown.
 */

/** Names that say "this is a credential". */
const SECRET_WORD = /SECRET|TOKEN|HMAC|BEARER|PASSWORD|PASSWD|PASSPHRASE|API_KEY|CREDENTIAL|ENCRYPTION_KEY|FERNET/;
/** Names that say "this is about a credential, not one": a lifetime, a switch, a file name... */
const NOT_A_VALUE =
  /(_TTL|_SECONDS|_MINUTES|_HOURS|_DAYS|_LIFETIME|_EXPIRY|_AGE|_INTERVAL|_TIMEOUT|_WINDOW|_LENGTH|_BYTES|_ROUNDS|_ITERATIONS|_PATH|_FILE|_DIR|_ENABLED|_DISABLED|_HEADER|_NAME|_ISSUER|_AUDIENCE|_ALGORITHM|_ALG|_MODE|_TYPE|_COMMAND|_HOOK|_LIMIT|_MAX|_MIN|_COUNT|_URL|_ID)$/;
/** Names of key material, which may hold a path or the key itself. */
const KEY_MATERIAL = /PRIVATE_KEY|SIGNING_KEY|KEY_PATH|KEY_FILE/;
const PUBLIC_SIDE = /PUBLIC|VERIFY|VERIFICATION/;

/** A name whose value should be a long random string (the strength rules apply to it). */
export function isStrengthSecretKey(key: string): boolean {
  const name = key.toUpperCase();
  if (name.includes('REQUIRE_') || NOT_A_VALUE.test(name)) return false;
  if (KEY_MATERIAL.test(name)) return false;
  return SECRET_WORD.test(name);
}

/** Names of private key material (a path to a file, or the key inline). */
export function isPrivateKeyMaterialKey(key: string): boolean {
  const name = key.toUpperCase();
  return KEY_MATERIAL.test(name) && !PUBLIC_SIDE.test(name);
}

/**
 * True when a value looks like key material written into the file rather than a path to it:
 * a PEM block, or one long base64 token (an Ed25519 key is 44 characters) that does not start like a path.
 */
export function isInlineKeyMaterial(value: string): boolean {
  const v = value.trim();
  if (v.includes('-----BEGIN')) return true;
  if (/^(\/|\.\.?\/|~\/)/.test(v) || /\.(pem|key|der|p8|pk8|crt)$/i.test(v)) return false;
  return /^[A-Za-z0-9+/_-]{40,}={0,2}$/.test(v);
}

/**
 * Whether the UI and the report mask this setting. Key-material names are secret when the value is
 * inline, or when the value is not known (masking a path costs little; showing a key costs a lot).
 */
export function isSecretKey(key: string, value?: string): boolean {
  if (isStrengthSecretKey(key)) return true;
  if (isPrivateKeyMaterialKey(key)) return value === undefined || isInlineKeyMaterial(value);
  return false;
}

const SHORT = 16;

/**
 * A secret as it may be shown: never more than 2 real characters, and none for short values
 * (16 characters and under, where 2 would be a large share of the secret).
 */
export function maskValue(value: string): string {
  if (value.length === 0) return '(empty)';
  if (value.length <= SHORT) return `•••• (${value.length} chars)`;
  return `${value.slice(0, 2)}… (${value.length} chars)`;
}
