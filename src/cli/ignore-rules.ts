// Accepted findings from the command line (--ignore) and a file (--ignore-file, else .podwhyignore when present).
import { UserError } from './errors';
import type { IO } from './io';

/** --ignore rules, then --ignore-file (or .podwhyignore in the working directory when it exists). */
export async function ignoreRules(args: { ignore?: string[]; ignoreFile?: string }, io: Pick<IO, 'readFile'>) {
  const { parseIgnoreFile, parseIgnoreRule, IgnoreRuleError } = await import('../report/ignore');
  const file = args.ignoreFile ?? '.podwhyignore';
  try {
    const rules = (args.ignore ?? []).map((r) => {
      try {
        return parseIgnoreRule(r);
      } catch (e) {
        throw new IgnoreRuleError(`--ignore ${(e as Error).message}`);
      }
    });
    const text = io.readFile?.(file);
    if (text === undefined && args.ignoreFile !== undefined) throw new UserError(`--ignore-file ${args.ignoreFile}: no such file`);
    if (text !== undefined) rules.push(...parseIgnoreFile(text, file));
    return rules;
  } catch (e) {
    if (e instanceof IgnoreRuleError) throw new UserError(e.message);
    throw e;
  }
}
