import { defineAnalyzer } from '../types';
import { schedulingStep } from './lib/step';
import { name, sh } from '../../k8s/command';

type Msg = 'gated';

export default defineAnalyzer<Msg>({
  id: 'SchedulingGated',
  area: 'scheduling',
  reads: [],
  severity: 'warning',
  docs: {
    title: 'The pod has scheduling gates, so the scheduler does not consider it yet',
    summary: 'spec.schedulingGates hold a pod back from scheduling until every gate is removed, usually by a controller (a queueing system like Kueue, a quota or provisioning controller). It is by design, but a gate that is never removed keeps the pod Pending forever.',
    detection: 'spec.schedulingGates is not empty (kubectl shows SchedulingGated; the PodScheduled condition has reason SchedulingGated).',
    remedy: 'Find the controller that owns the gate (its name usually says) and why it has not admitted the pod; remove the gate by hand only if that controller is gone.',
  },
  messages: {
    gated: 'The pod waits for its scheduling gate(s) {{gates}} to be removed; the scheduler ignores it until then.',
  },
  analyze: schedulingStep((ctx) => {
    const gates = (ctx.pod.spec.schedulingGates ?? []).map((g) => g.name);
    if (gates.length === 0 || ctx.pod.spec.nodeName) return [];
    return [{
      messageId: 'gated',
      data: { gates: gates.join(', ') },
      evidence: [{ ref: ctx.ref, path: 'spec.schedulingGates', observed: gates.join(', ') }],
      remedies: [
        { summary: `Find the controller that owns ${gates[0]} and why it has not admitted the pod (its logs, a queue or quota object)` },
        { summary: 'Only if that controller is gone, remove the gates by hand (spec.schedulingGates can only shrink)', command: sh`kubectl patch pod ${name(ctx.name)} -n ${name(ctx.namespace)} --type json -p '[{"op":"remove","path":"/spec/schedulingGates"}]'` },
      ],
      key: gates.join(','),
    }];
  }),
});
