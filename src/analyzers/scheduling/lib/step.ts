// The one step every scheduling analyzer goes through: it gets the pod's scheduling view (computed once in
// src/scheduler), filter analyzers get the simulation only when the filters reject the pod on every node (else
// the scheduler's message when there are no nodes to simulate on), and while preemption has made room and waits
// for its victims, what they say is background (info), not the cause.
import type { SchedulingView } from '../../../scheduler/view';
import type { Simulation } from '../../../scheduler/simulate';
import type { PodContext } from '../../context';
import type { RawFinding } from '../../types';

type Analyze<M extends string> = (ctx: PodContext) => Array<RawFinding<M>>;

export function schedulingStep<M extends string>(analyze: (ctx: PodContext, view: SchedulingView) => Array<RawFinding<M>>): Analyze<M> {
  return (ctx) => {
    const view = ctx.scheduling;
    const out = analyze(ctx, view);
    return view.preempting ? out.map((f) => ({ ...f, severity: 'info' as const })) : out;
  };
}

export interface FilterSteps<M extends string> {
  /** whether the pod asks for what the filter checks at all (a nodeSelector, required affinity...) */
  applies?(ctx: PodContext): boolean;
  /** no nodes to simulate on: what the scheduler's message says */
  fromMessage(ctx: PodContext, view: SchedulingView): Array<RawFinding<M>>;
  /** the filters reject the pod on every node: what the verdicts say */
  fromVerdicts(ctx: PodContext, sim: Simulation): Array<RawFinding<M>>;
}

export function filterStep<M extends string>(steps: FilterSteps<M>): Analyze<M> {
  return schedulingStep((ctx, view) => {
    if (!view.unscheduled || (steps.applies && !steps.applies(ctx))) return [];
    if (!view.sim) return steps.fromMessage(ctx, view);
    return view.filterRejection ? steps.fromVerdicts(ctx, view.filterRejection) : [];
  });
}
