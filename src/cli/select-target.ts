// Command-line targets (NAME, pod/NAME, deploy/NAME, ...), validated before any use.
import { isName } from '../k8s/names';
import { UserError } from './errors';

const KIND_ALIASES: Record<string, string> = {
  pod: 'Pod', pods: 'Pod', po: 'Pod',
  deploy: 'Deployment', deployment: 'Deployment', deployments: 'Deployment',
  sts: 'StatefulSet', statefulset: 'StatefulSet', statefulsets: 'StatefulSet',
  ds: 'DaemonSet', daemonset: 'DaemonSet', daemonsets: 'DaemonSet',
  rs: 'ReplicaSet', replicaset: 'ReplicaSet', replicasets: 'ReplicaSet',
  job: 'Job', jobs: 'Job',
};


export interface Target {
  kind: string;
  name: string;
}

export function parseTarget(text: string): Target {
  const slash = text.indexOf('/');
  const kindWord = slash >= 0 ? text.slice(0, slash).toLowerCase() : 'pod';
  const name = slash >= 0 ? text.slice(slash + 1) : text;
  const kind = KIND_ALIASES[kindWord];
  if (!kind) throw new UserError(`unknown target kind ${JSON.stringify(kindWord)} in ${JSON.stringify(text)} (use pod/, deploy/, sts/, ds/, rs/ or job/)`);
  if (!isName(name)) throw new UserError(`${JSON.stringify(name)} is not a valid Kubernetes object name`);
  return { kind, name };
}

