/** The rule table: which check produces which catalogue ids (proxy-matrix.md §4). */
import type { LintId } from '../types';
import type { Rule } from './context';
import { checkCrls, checkVerifyDepth } from './rules/ca-files';
import { checkHeaderInheritance, checkHeaderLiterals } from './rules/headers';
import { checkSharedListen } from './rules/listen';
import { checkOcsp } from './rules/ocsp';
import { checkUpstreamTls } from './rules/upstream-tls';
import { checkAdvertisedCaNames, checkOptionalEnforced, checkOptionalNoCa } from './rules/verify-client';

export interface LintRule {
  readonly ids: readonly LintId[];
  readonly title: string;
  readonly check: Rule;
}

export const LINT_RULES: readonly LintRule[] = [
  { ids: ['M-1'], title: 'optional client auth without enforcement', check: checkOptionalEnforced },
  { ids: ['M-2'], title: 'optional_no_ca feeding identity headers', check: checkOptionalNoCa },
  { ids: ['M-5'], title: 'proxy_set_header inheritance hole', check: checkHeaderInheritance },
  { ids: ['M-6'], title: 'header template emits text without a certificate', check: checkHeaderLiterals },
  { ids: ['M-7'], title: 'ssl_verify_depth below the chain length', check: checkVerifyDepth },
  { ids: ['M-8', 'M-9'], title: 'CRL missing for a CA, expired or about to expire', check: checkCrls },
  { ids: ['M-11'], title: 'OCSP settings that fail or do nothing', check: checkOcsp },
  { ids: ['M-12'], title: 'unverified https upstream', check: checkUpstreamTls },
  { ids: ['M-15'], title: 'mTLS and non-mTLS servers on one address', check: checkSharedListen },
  { ids: ['M-20'], title: 'ssl_client_certificate advertises CA names', check: checkAdvertisedCaNames },
];
