/** nginx mTLS lint: the misconfigurations of proxy-matrix.md §4 found in a parsed config. */
import { LINT_IDS, type LintFinding, type ParsedNginxConfig } from '../types';
import { ruleContext, type LintContext } from './context';
import { buildModel } from './model';
import { LINT_RULES } from './rules';

export type { LintContext } from './context';
export { LINT_RULES, type LintRule } from './rules';
export { referencedFiles } from './referenced-files';

const PARSE_FIX = 'Correct this line: nginx refuses the whole configuration while any file fails to parse or an include cannot be read.';

/** Findings sorted by file (in the order the config reads them), then line; each reported once. */
export function lintNginx(config: ParsedNginxConfig, ctx: LintContext): LintFinding[] {
  const parse: LintFinding[] = config.errors.map((e) => ({ id: 'PARSE', severity: 'high', file: e.pos.file, line: e.pos.line, message: e.message, fix: PARSE_FIX }));
  const model = buildModel(config);
  const rctx = ruleContext(ctx);
  const all = [...parse, ...LINT_RULES.flatMap((rule) => rule.check(model, rctx))];
  const seen = new Set<string>();
  const unique = all.filter((f) => {
    const key = `${f.id}\u0000${f.file}\u0000${f.line}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const fileRank = (file: string): number => {
    const k = config.files.indexOf(file);
    return k < 0 ? config.files.length : k;
  };
  return unique.sort(
    (a, b) => fileRank(a.file) - fileRank(b.file) || a.file.localeCompare(b.file) || a.line - b.line || LINT_IDS.indexOf(a.id) - LINT_IDS.indexOf(b.id) || a.message.localeCompare(b.message),
  );
}
