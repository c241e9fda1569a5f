import { restartProbeAnalyzer } from './lib/restart-probe';

export default restartProbeAnalyzer('StartupProbeFailure', 'startup', {
  title: 'The startup probe never succeeds, so the container is killed and restarted',
  summary: 'A startupProbe gives an application initialDelaySeconds + failureThreshold × periodSeconds to start; if it has not passed by then the kubelet kills and restarts the container, and the liveness and readiness probes never run.',
  detection: 'A Killing event "Container X failed startup probe, will be restarted" during the last run, with the Unhealthy "Startup probe failed: ..." events, classified like liveness failures; the startup budget is shown.',
  remedy: 'Raise failureThreshold (or periodSeconds) so the budget covers the real start time, or find out why the application does not start listening (its log).',
});
