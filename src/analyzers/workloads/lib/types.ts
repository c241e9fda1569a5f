import type { Analyzer, RawFinding } from '../../types';
import type { WorkloadContext } from './context';

/** An analyzer of a controller rather than a pod: same catalog entry shape, another context. */
export interface WorkloadAnalyzer<M extends string = string> extends Omit<Analyzer<M>, 'analyze'> {
  analyze(ctx: WorkloadContext): Array<RawFinding<M>>;
}

export function defineWorkloadAnalyzer<M extends string>(a: WorkloadAnalyzer<M>): WorkloadAnalyzer<M> {
  return a;
}
