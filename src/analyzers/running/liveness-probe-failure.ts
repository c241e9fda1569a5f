import { restartProbeAnalyzer } from './lib/restart-probe';

export default restartProbeAnalyzer('LivenessProbeFailure', 'liveness', {
  title: 'The liveness probe keeps failing, so the kubelet restarts the container',
  summary: 'The kubelet kills a container whose liveness probe fails failureThreshold times in a row, then restarts it. Exit code 137 or 143 after a "failed liveness probe, will be restarted" event is this probe, not memory. A common trap: the probe starts checking before the application is ready, so a slow start turns into an endless restart loop.',
  detection: 'A Killing event "Container X failed liveness probe, will be restarted" during the container\'s last run, with the Unhealthy "Liveness probe failed: ..." events that led to it. The failure text is classified (connection refused, timeout, HTTP status, connection reset, command failed), and the probe budget initialDelaySeconds + failureThreshold × periodSeconds is compared with how long the container ran.',
  remedy: 'If the application is killed while starting, add a startupProbe (or raise initialDelaySeconds/failureThreshold). If the endpoint times out under load, raise timeoutSeconds, and keep liveness checks cheap and free of dependencies on other services.',
});
