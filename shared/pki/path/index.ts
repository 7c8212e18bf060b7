/** RFC 5280 §6 path validation with revocation: the console's own validator (see validate.ts). */
export { validatePath } from './validate';
/** Input and result types of validatePath. */
export type { CrlInput, PathStep, PeerName, PolicyInput, ValidationFailure, ValidationInput, ValidationProfile, ValidationResult } from './types';
/** The closed list of failure rule ids. */
export type { Rule } from './failure';
