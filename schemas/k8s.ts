// The Kubernetes objects podwhy reads, as zod schemas: loose objects (unknown fields kept), declaring only what the
// analyzers read. A type and its schema share a name.
import * as z from 'zod';
import { parseQuantity, QuantityError } from './quantity';

const str = z.string();
const optStr = str.optional().nullable();
const optInt = z.number().int().optional().nullable();
const optBool = z.boolean().optional().nullable();
/** RFC 3339 timestamps as written by the API server; kept as strings and parsed where used. */
const time = z.string().optional().nullable();

export const QuantityValue = z.union([z.string(), z.number()]).superRefine((v, ctx) => {
  try {
    parseQuantity(v);
  } catch (e) {
    if (!(e instanceof QuantityError)) throw e;
    ctx.addIssue({ code: 'custom', message: `invalid quantity ${JSON.stringify(v)}` });
  }
});
export const ResourceList = z.record(z.string(), QuantityValue);
export type ResourceList = z.infer<typeof ResourceList>;

export const OwnerReference = z.looseObject({ apiVersion: optStr, kind: str, name: str, uid: optStr, controller: optBool });
export type OwnerReference = z.infer<typeof OwnerReference>;

export const ObjectMeta = z.looseObject({
  name: str,
  namespace: optStr,
  uid: optStr,
  creationTimestamp: time,
  deletionTimestamp: time,
  deletionGracePeriodSeconds: optInt,
  labels: z.record(z.string(), z.string()).optional().nullable(),
  annotations: z.record(z.string(), z.string()).optional().nullable(),
  ownerReferences: z.array(OwnerReference).optional().nullable(),
  finalizers: z.array(z.string()).optional().nullable(),
});
export type ObjectMeta = z.infer<typeof ObjectMeta>;

/** metadata of a list item that may lack a name (events written by some tools); never used as an index key */
const Meta = ObjectMeta;

const KeyRef = z.looseObject({ name: optStr, key: str, optional: optBool });
export const EnvVar = z.looseObject({
  name: str,
  valueFrom: z
    .looseObject({ configMapKeyRef: KeyRef.optional().nullable(), secretKeyRef: KeyRef.optional().nullable() })
    .optional()
    .nullable(),
});
const EnvFrom = z.looseObject({
  configMapRef: z.looseObject({ name: optStr, optional: optBool }).optional().nullable(),
  secretRef: z.looseObject({ name: optStr, optional: optBool }).optional().nullable(),
});

const ProbeHandler = {
  exec: z.looseObject({ command: z.array(z.string()).optional().nullable() }).optional().nullable(),
  httpGet: z.looseObject({ path: optStr, port: z.union([z.string(), z.number()]), scheme: optStr }).optional().nullable(),
  tcpSocket: z.looseObject({ port: z.union([z.string(), z.number()]) }).optional().nullable(),
  grpc: z.looseObject({ port: z.number() }).optional().nullable(),
};
export const Probe = z.looseObject({
  ...ProbeHandler,
  initialDelaySeconds: optInt,
  periodSeconds: optInt,
  timeoutSeconds: optInt,
  failureThreshold: optInt,
  successThreshold: optInt,
});
export type Probe = z.infer<typeof Probe>;

export const ContainerPort = z.looseObject({
  containerPort: z.number(),
  hostPort: optInt,
  hostIP: optStr,
  protocol: optStr,
  name: optStr,
});

export const Container = z.looseObject({
  name: str,
  image: optStr,
  command: z.array(z.string()).optional().nullable(),
  args: z.array(z.string()).optional().nullable(),
  ports: z.array(ContainerPort).optional().nullable(),
  env: z.array(EnvVar).optional().nullable(),
  envFrom: z.array(EnvFrom).optional().nullable(),
  resources: z
    .looseObject({ requests: ResourceList.optional().nullable(), limits: ResourceList.optional().nullable() })
    .optional()
    .nullable(),
  livenessProbe: Probe.optional().nullable(),
  readinessProbe: Probe.optional().nullable(),
  startupProbe: Probe.optional().nullable(),
  restartPolicy: optStr,
  lifecycle: z.looseObject({ preStop: z.unknown().optional().nullable() }).optional().nullable(),
});
export type Container = z.infer<typeof Container>;

export const Toleration = z.looseObject({
  key: optStr,
  operator: optStr,
  value: optStr,
  effect: optStr,
  tolerationSeconds: optInt,
});
export type Toleration = z.infer<typeof Toleration>;

export const Volume = z.looseObject({
  name: str,
  configMap: z.looseObject({ name: optStr, optional: optBool, items: z.array(z.looseObject({ key: str })).optional().nullable() }).optional().nullable(),
  secret: z.looseObject({ secretName: optStr, optional: optBool, items: z.array(z.looseObject({ key: str })).optional().nullable() }).optional().nullable(),
  persistentVolumeClaim: z.looseObject({ claimName: str, readOnly: optBool }).optional().nullable(),
  ephemeral: z.looseObject({ volumeClaimTemplate: z.unknown().optional().nullable() }).optional().nullable(),
  gcePersistentDisk: z.looseObject({ pdName: str, readOnly: optBool }).optional().nullable(),
  awsElasticBlockStore: z.looseObject({ volumeID: str }).optional().nullable(),
  hostPath: z.looseObject({ path: str, type: optStr }).optional().nullable(),
  projected: z.looseObject({ sources: z.array(z.looseObject({
    configMap: z.looseObject({ name: optStr, optional: optBool }).optional().nullable(),
    secret: z.looseObject({ name: optStr, optional: optBool }).optional().nullable(),
  })).optional().nullable() }).optional().nullable(),
});
export type Volume = z.infer<typeof Volume>;

export const LabelSelectorRequirement = z.looseObject({ key: str, operator: str, values: z.array(z.string()).optional().nullable() });
export const LabelSelector = z.looseObject({
  matchLabels: z.record(z.string(), z.string()).optional().nullable(),
  matchExpressions: z.array(LabelSelectorRequirement).optional().nullable(),
});
export type LabelSelector = z.infer<typeof LabelSelector>;

export const NodeSelectorTerm = z.looseObject({
  matchExpressions: z.array(LabelSelectorRequirement).optional().nullable(),
  matchFields: z.array(LabelSelectorRequirement).optional().nullable(),
});
export type NodeSelectorTerm = z.infer<typeof NodeSelectorTerm>;

export const PodAffinityTerm = z.looseObject({
  labelSelector: LabelSelector.optional().nullable(),
  namespaces: z.array(z.string()).optional().nullable(),
  namespaceSelector: LabelSelector.optional().nullable(),
  topologyKey: str,
  matchLabelKeys: z.array(z.string()).optional().nullable(),
  mismatchLabelKeys: z.array(z.string()).optional().nullable(),
});
export type PodAffinityTerm = z.infer<typeof PodAffinityTerm>;

const PodAffinityRules = z.looseObject({ requiredDuringSchedulingIgnoredDuringExecution: z.array(PodAffinityTerm).optional().nullable() });

export const Affinity = z.looseObject({
  nodeAffinity: z
    .looseObject({ requiredDuringSchedulingIgnoredDuringExecution: z.looseObject({ nodeSelectorTerms: z.array(NodeSelectorTerm).default([]) }).optional().nullable() })
    .optional()
    .nullable(),
  podAffinity: PodAffinityRules.optional().nullable(),
  podAntiAffinity: PodAffinityRules.optional().nullable(),
});
export type Affinity = z.infer<typeof Affinity>;

export const TopologySpreadConstraint = z.looseObject({
  maxSkew: z.number().int(),
  topologyKey: str,
  whenUnsatisfiable: str,
  labelSelector: LabelSelector.optional().nullable(),
  minDomains: optInt,
  nodeAffinityPolicy: optStr,
  nodeTaintsPolicy: optStr,
  matchLabelKeys: z.array(z.string()).optional().nullable(),
});
export type TopologySpreadConstraint = z.infer<typeof TopologySpreadConstraint>;

export const PodSpec = z.looseObject({
  nodeName: optStr,
  schedulerName: optStr,
  containers: z.array(Container).nullable().default([]).transform((v) => v ?? []),
  initContainers: z.array(Container).optional().nullable(),
  volumes: z.array(Volume).optional().nullable(),
  restartPolicy: optStr,
  tolerations: z.array(Toleration).optional().nullable(),
  nodeSelector: z.record(z.string(), z.string()).optional().nullable(),
  affinity: Affinity.optional().nullable(),
  topologySpreadConstraints: z.array(TopologySpreadConstraint).optional().nullable(),
  hostNetwork: optBool,
  preemptionPolicy: optStr,
  priority: optInt,
  priorityClassName: optStr,
  overhead: ResourceList.optional().nullable(),
  terminationGracePeriodSeconds: optInt,
  activeDeadlineSeconds: optInt,
  imagePullSecrets: z.array(z.looseObject({ name: optStr })).optional().nullable(),
  serviceAccountName: optStr,
  schedulingGates: z.array(z.looseObject({ name: str })).optional().nullable(),
  readinessGates: z.array(z.looseObject({ conditionType: str })).optional().nullable(),
});
export type PodSpec = z.infer<typeof PodSpec>;

const StatusResources = z.looseObject({ requests: ResourceList.optional().nullable() });
const StateWaiting = z.looseObject({ reason: optStr, message: optStr });
const StateRunning = z.looseObject({ startedAt: time });
const StateTerminated = z.looseObject({
  exitCode: z.number().int(),
  signal: optInt,
  reason: optStr,
  message: optStr,
  startedAt: time,
  finishedAt: time,
});
export const ContainerState = z.looseObject({
  waiting: StateWaiting.optional().nullable(),
  running: StateRunning.optional().nullable(),
  terminated: StateTerminated.optional().nullable(),
});
export type ContainerState = z.infer<typeof ContainerState>;

export const ContainerStatus = z.looseObject({
  name: str,
  ready: z.boolean().default(false),
  started: optBool,
  restartCount: z.number().int().default(0),
  image: optStr,
  imageID: optStr,
  state: ContainerState.optional().nullable(),
  lastState: ContainerState.optional().nullable(),
  allocatedResources: ResourceList.optional().nullable(),
  resources: StatusResources.optional().nullable(),
});
export type ContainerStatus = z.infer<typeof ContainerStatus>;

export const Condition = z.looseObject({
  type: str,
  status: str,
  reason: optStr,
  message: optStr,
  lastTransitionTime: time,
  lastHeartbeatTime: time,
  lastProbeTime: time,
});
export type Condition = z.infer<typeof Condition>;

export const PodStatus = z.looseObject({
  phase: optStr,
  reason: optStr,
  message: optStr,
  hostIP: optStr,
  podIP: optStr,
  startTime: time,
  nominatedNodeName: optStr,
  qosClass: optStr,
  conditions: z.array(Condition).optional().nullable(),
  containerStatuses: z.array(ContainerStatus).optional().nullable(),
  initContainerStatuses: z.array(ContainerStatus).optional().nullable(),
});

export const Pod = z.looseObject({
  kind: z.literal('Pod').optional(),
  metadata: ObjectMeta,
  spec: PodSpec.default({ containers: [] }),
  status: PodStatus.default({}),
});
export type Pod = z.infer<typeof Pod>;

export const Taint = z.looseObject({ key: str, value: optStr, effect: str, timeAdded: time });
export type Taint = z.infer<typeof Taint>;

export const Node = z.looseObject({
  kind: z.literal('Node').optional(),
  metadata: ObjectMeta,
  spec: z.looseObject({ unschedulable: optBool, taints: z.array(Taint).optional().nullable(), providerID: optStr }).default({}),
  status: z
    .looseObject({
      capacity: ResourceList.optional().nullable(),
      allocatable: ResourceList.optional().nullable(),
      conditions: z.array(Condition).optional().nullable(),
      nodeInfo: z
        .looseObject({ kubeletVersion: optStr, containerRuntimeVersion: optStr, kernelVersion: optStr, osImage: optStr })
        .optional()
        .nullable(),
    })
    .default({}),
});
export type Node = z.infer<typeof Node>;

const ObjectReference = z.looseObject({ kind: optStr, namespace: optStr, name: optStr, uid: optStr, fieldPath: optStr });

/** core/v1 Event and events.k8s.io/v1 Event; normalised in the snapshot */
export const Event = z.looseObject({
  kind: z.literal('Event').optional(),
  metadata: Meta.partial({ name: true }),
  involvedObject: ObjectReference.optional().nullable(),
  regarding: ObjectReference.optional().nullable(),
  reason: optStr,
  message: optStr,
  note: optStr,
  type: optStr,
  count: optInt,
  deprecatedCount: optInt,
  firstTimestamp: time,
  lastTimestamp: time,
  eventTime: time,
  deprecatedFirstTimestamp: time,
  deprecatedLastTimestamp: time,
  series: z.looseObject({ count: optInt, lastObservedTime: time }).optional().nullable(),
  source: z.looseObject({ component: optStr, host: optStr }).optional().nullable(),
  reportingController: optStr,
  reportingComponent: optStr,
});
export type Event = z.infer<typeof Event>;

/** ConfigMaps and Secrets: only their key names are ever kept (the snapshot drops values at ingest). */
export const ConfigObject = z.looseObject({
  metadata: ObjectMeta,
  data: z.record(z.string(), z.unknown()).optional().nullable(),
  binaryData: z.record(z.string(), z.unknown()).optional().nullable(),
  stringData: z.record(z.string(), z.unknown()).optional().nullable(),
  type: optStr,
});
export type ConfigObject = z.infer<typeof ConfigObject>;

export const Lease = z.looseObject({
  metadata: ObjectMeta,
  spec: z
    .looseObject({ holderIdentity: optStr, leaseDurationSeconds: optInt, renewTime: time, acquireTime: time, leaseTransitions: optInt })
    .default({}),
});
export type Lease = z.infer<typeof Lease>;

/** Controllers (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController). */
export const Workload = z.looseObject({
  kind: optStr,
  metadata: ObjectMeta,
  spec: z.looseObject({ replicas: optInt, selector: z.unknown().optional().nullable() }).optional().nullable(),
  status: z.looseObject({ conditions: z.array(Condition).optional().nullable(), replicas: optInt, readyReplicas: optInt, succeeded: optInt, failed: optInt }).optional().nullable(),
});
export type Workload = z.infer<typeof Workload>;

/** Everything else podwhy indexes by name only (PVC, PV, StorageClass, Namespace, quota, ...). */
export const GenericObject = z.looseObject({ kind: optStr, metadata: ObjectMeta });
export type GenericObject = z.infer<typeof GenericObject>;

export const PersistentVolumeClaim = z.looseObject({
  metadata: ObjectMeta,
  spec: z
    .looseObject({ storageClassName: optStr, volumeName: optStr, accessModes: z.array(z.string()).optional().nullable(), resources: z.looseObject({ requests: ResourceList.optional().nullable() }).optional().nullable() })
    .default({}),
  status: z.looseObject({ phase: optStr }).default({}),
});
export type PersistentVolumeClaim = z.infer<typeof PersistentVolumeClaim>;

export const PersistentVolume = z.looseObject({
  metadata: ObjectMeta,
  spec: z
    .looseObject({
      storageClassName: optStr,
      accessModes: z.array(z.string()).optional().nullable(),
      capacity: ResourceList.optional().nullable(),
      claimRef: z.looseObject({ name: optStr, namespace: optStr }).optional().nullable(),
      nodeAffinity: z.looseObject({ required: z.looseObject({ nodeSelectorTerms: z.array(NodeSelectorTerm).default([]) }).optional().nullable() }).optional().nullable(),
      csi: z.looseObject({ driver: str, volumeHandle: str }).optional().nullable(),
    })
    .default({}),
  status: z.looseObject({ phase: optStr }).default({}),
});
export type PersistentVolume = z.infer<typeof PersistentVolume>;

export const StorageClass = z.looseObject({ metadata: ObjectMeta, provisioner: optStr, volumeBindingMode: optStr });
export type StorageClass = z.infer<typeof StorageClass>;

export const CSINode = z.looseObject({
  metadata: ObjectMeta,
  spec: z.looseObject({ drivers: z.array(z.looseObject({ name: str, allocatable: z.looseObject({ count: optInt }).optional().nullable() })).optional().nullable() }).default({}),
});
export type CSINode = z.infer<typeof CSINode>;
