import { humanDuration } from '../../k8s/time';
import { defineAnalyzer } from '../types';
import { deletionOf, ORDINARY_GRACE_SECONDS } from './lib/deletion';

type Msg = 'slow';

export default defineAnalyzer<Msg>({
  id: 'SlowTermination',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents'],
  severity: 'info',
  docs: {
    title: 'The pod takes long to terminate by design: a long grace period or a preStop hook',
    summary: 'terminationGracePeriodSeconds of minutes (databases, queue consumers draining work) or a preStop hook (sleeping so load balancers drain) keeps a pod Terminating for as long as configured. Within that window the wait is intended.',
    detection: 'metadata.deletionTimestamp is still in the future and the grace period is over a minute or a container has a preStop hook.',
    remedy: 'Nothing, if the wait is intended. Otherwise shorten terminationGracePeriodSeconds or the preStop hook, and make the application exit promptly on SIGTERM.',
  },
  messages: {
    slow: 'The pod is shutting down slowly by design: {{why}}; {{left}} of its {{grace}}s grace period left.',
  },
  analyze(ctx) {
    const d = deletionOf(ctx);
    if (!d || d.overdueMs >= 0 || (d.grace <= ORDINARY_GRACE_SECONDS && !d.preStop)) return [];
    const why = [d.grace > ORDINARY_GRACE_SECONDS ? `terminationGracePeriodSeconds is ${d.grace}` : '', d.preStop ? 'a preStop hook runs first' : ''].filter(Boolean).join(' and ');
    return [{
      messageId: 'slow',
      data: { why, grace: d.grace, left: humanDuration(-d.overdueMs), preStop: d.preStop },
      evidence: [{ ref: ctx.ref, path: 'metadata.deletionTimestamp', observed: String(ctx.pod.metadata.deletionTimestamp) }, { ref: ctx.ref, path: 'metadata.deletionGracePeriodSeconds', observed: String(d.grace) }],
      remedies: [],
    }];
  },
});
