/** The Posture area's pure logic: the rule table, the audit, secret handling and the reports. */
export { auditEnv, pathKeys, summarize, type AuditInput } from './audit';
export { isSecretKey, maskValue } from './secret-keys';
export { RULES, ruleById } from './rule-table';
export type { Rule } from './rule-types';
export { GROUP_TITLES } from './report-common';
export { reportJson, type PostureReport } from './report-json';
export { reportMarkdown } from './report-markdown';
export { reportHtml } from './report-html';
