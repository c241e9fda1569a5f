import { humanDuration } from '../../k8s/time';
import { defineAnalyzer } from '../types';
import { deletionOf, ORDINARY_GRACE_SECONDS } from './lib/deletion';

type Msg = 'graceful';

export default defineAnalyzer<Msg>({
  id: 'GracefulTermination',
  area: 'terminating',
  reads: ['events', 'node', 'nodeLease', 'nodeEvents'],
  severity: 'info',
  docs: {
    title: 'The pod is shutting down within its grace period',
    summary: 'A deleted pod shows Terminating while the kubelet runs preStop hooks, sends SIGTERM and waits up to terminationGracePeriodSeconds (30 s by default) before SIGKILL. Inside that window nothing is wrong.',
    detection: 'metadata.deletionTimestamp (the end of the grace period) is still in the future at the analysis time, the grace period is at most a minute and no preStop hook stretches it.',
    remedy: 'Nothing to do: wait for the grace period to end. If it is still Terminating afterwards, run podwhy again.',
  },
  messages: {
    graceful: 'The pod is shutting down: deleted {{since}} ago with a {{grace}}s grace period, {{left}} left.',
  },
  analyze(ctx) {
    const d = deletionOf(ctx);
    if (!d || d.overdueMs >= 0 || d.grace > ORDINARY_GRACE_SECONDS || d.preStop) return [];
    return [{
      messageId: 'graceful',
      data: { since: humanDuration(ctx.now - d.requested), grace: d.grace, left: humanDuration(-d.overdueMs) },
      evidence: [{ ref: ctx.ref, path: 'metadata.deletionTimestamp', observed: String(ctx.pod.metadata.deletionTimestamp) }],
      remedies: [],
    }];
  },
});
