import { defineAnalyzer, type Evidence, type RawFinding } from '../types';
import { currentSeverity, editRemedy, restartText } from '../shared/util';
import { oomCases } from './lib/kills';
import { name, sh } from '../../k8s/command';

type Msg = 'noLimit' | 'nodeOom';

export default defineAnalyzer<Msg>({
  id: 'SystemOOM',
  area: 'running',
  reads: ['events', 'nodeEvents', 'node'],
  severity: 'error',
  docs: {
    title: "The node ran out of memory and the kernel's OOM killer picked this container",
    summary: "The container was OOM-killed, but not for crossing a limit of its own: the whole node ran out of memory. With cgroup v2 the runtime reports OOMKilled in both cases, so the reason alone does not tell them apart. The fix is on the node and in the requests of everything on it, not in this container's limit.",
    detection: 'A container\'s current or last termination has reason OOMKilled and either the container has no memory limit (only the node\'s OOM killer can kill it), or the node recorded a SystemOOM/OOMKilling event during that run. data.why says which.',
    remedy: "Set memory requests (and limits) on the pods of the node so the scheduler does not overcommit it; reserve memory for the system (kubelet systemReserved/kubeReserved, evictionHard memory.available) so the kubelet evicts before the kernel kills; move memory-hungry pods apart.",
  },
  messages: {
    noLimit: 'Container {{container}} was OOM-killed by node {{node}}: it has no memory limit, so the node itself ran out of memory{{restartText}}.',
    nodeOom: 'Container {{container}} was OOM-killed by node {{node}}\'s OOM killer, not by its own {{limit}} limit: {{why}}.',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    for (const o of oomCases(ctx).filter((x) => x.verdict === 'system')) {
      const restarts = o.c.status?.restartCount ?? 0;
      const evidence: Evidence[] = [{ ref: ctx.ref, path: o.path, observed: `OOMKilled, exit ${o.term.exitCode}${o.term.finishedAt ? ` at ${o.term.finishedAt}` : ''}` }];
      if (o.limit) evidence.push({ ref: ctx.ref, path: `${o.c.specPath}.resources.limits.memory`, observed: o.limit });
      else evidence.push({ ref: ctx.ref, path: `${o.c.specPath}.resources.limits`, observed: 'no memory limit' });
      if (o.nodeEvent) evidence.push({ ref: o.nodeEvent.ref, observed: `${o.nodeEvent.reason}: ${o.nodeEvent.message}` });
      const node = ctx.pod.spec.nodeName ?? 'its node';
      out.push({
        messageId: o.limit ? 'nodeOom' : 'noLimit',
        data: { container: o.c.name, node, limit: o.limit, why: o.why, exitCode: o.term.exitCode, restarts, restartText: restartText(restarts) },
        evidence,
        remedies: [
          editRemedy(ctx, `give container ${o.c.name} resources.requests.memory (its typical usage) and resources.limits.memory (its peak), so the scheduler accounts for it and it cannot starve the node`),
          { summary: `See what else uses memory on ${node}`, command: sh`kubectl describe node ${name(node)} | sed -n '/Non-terminated Pods/,/Events/p'` },
          { summary: 'Reserve memory for the system so the kubelet evicts before the kernel kills (kubelet config: systemReserved, kubeReserved, evictionHard memory.available)' },
        ],
        severity: currentSeverity(ctx, o.c),
        key: node,
      });
    }
    return out;
  },
});
