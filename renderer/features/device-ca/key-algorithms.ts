import { KEY_ALGORITHMS, type KeyAlgorithm } from '../../../shared/model/ca';
import { KEY_ALGORITHM_LABEL } from './format';

export const KEY_ALGORITHM_OPTIONS: readonly { readonly value: KeyAlgorithm; readonly label: string }[] = KEY_ALGORITHMS.map((value) => ({
  value,
  label: KEY_ALGORITHM_LABEL[value],
}));

export const KEY_ALGORITHM_HINT = 'EC P-256 suits most devices and NGINX; RSA 3072 for clients without EC; Ed25519 only where every client supports it.';
