import { formatBytes, tryParseQuantity, value } from '../../../schemas/quantity';
import { nodeEvents, type PodContext } from '../context';
import { defineAnalyzer } from '../types';
import { oomCases } from './lib/kills';
import { name as k8sName, sh } from '../../k8s/command';

type Msg = 'low';

const GI = 1n << 30n;
const MI = 1n << 20n;

/** A common sizing rule for kube-reserved memory (the one GKE and AKS publish), plus the 100Mi default eviction threshold. */
export function recommendedReserve(capacity: bigint): bigint {
  if (capacity < GI) return 255n * MI + 100n * MI;
  const bands: Array<[bigint, number]> = [
    [4n * GI, 25],
    [8n * GI, 20],
    [16n * GI, 10],
    [128n * GI, 6],
  ];
  let reserve = 0n;
  let lower = 0n;
  for (const [upper, pct] of bands) {
    if (capacity <= lower) break;
    const slice = (capacity < upper ? capacity : upper) - lower;
    reserve += (slice * BigInt(pct)) / 100n;
    lower = upper;
  }
  if (capacity > 128n * GI) reserve += ((capacity - 128n * GI) * 2n) / 100n;
  return reserve + 100n * MI;
}

function memoryTrouble(ctx: PodContext): string | undefined {
  if (oomCases(ctx).some((o) => o.verdict === 'system')) return 'a container of this pod was killed by the node\'s OOM killer';
  if (ctx.pod.status.reason === 'Evicted' && /low on resource: memory|MemoryPressure/.test(ctx.pod.status.message ?? '')) return 'the pod was evicted for node memory pressure';
  const pressure = (ctx.node?.status.conditions ?? []).find((c) => c.type === 'MemoryPressure' && c.status === 'True');
  if (pressure && !ctx.running) return 'the node reports MemoryPressure';
  if (!ctx.running && nodeEvents(ctx).some((e) => e.reason === 'SystemOOM')) return 'the node recorded system OOM kills';
  return undefined;
}

export default defineAnalyzer<Msg>({
  id: 'LowSystemReserved',
  area: 'running',
  reads: ['node', 'nodeEvents'],
  severity: 'warning',
  docs: {
    title: 'The node reserves too little memory for the system',
    summary: 'A node\'s allocatable memory is its capacity minus what the kubelet reserves for the operating system, the kubelet and the runtime (systemReserved, kubeReserved) and the eviction threshold. When almost nothing is reserved, the scheduler fills the node up to its physical memory, and the kernel OOM killer strikes before the kubelet can evict anything.',
    detection: 'Only when the pod shows memory trouble on its node (a system OOM kill, a memory eviction, MemoryPressure): the node\'s capacity minus allocatable memory is compared with a common sizing rule (25% of the first 4Gi, 20% of the next 4Gi, 10% of the next 8Gi, 6% up to 128Gi, 2% above, plus 100Mi for eviction); less than half of that is reported.',
    remedy: 'Set kubelet reservations, e.g. in the KubeletConfiguration: systemReserved.memory, kubeReserved.memory and evictionHard memory.available, then restart the kubelet. Allocatable shrinks accordingly.',
  },
  messages: {
    low: 'Node {{node}} reserves only {{reserved}} of its {{capacity}} memory for the system (about {{recommended}} is usual), and {{trouble}}.',
  },
  analyze(ctx) {
    const node = ctx.node;
    const cap = tryParseQuantity(node?.status.capacity?.memory);
    const alloc = tryParseQuantity(node?.status.allocatable?.memory);
    if (!node || !cap || !alloc) return [];
    const trouble = memoryTrouble(ctx);
    if (!trouble) return [];
    const capacity = value(cap);
    const reserved = capacity - value(alloc);
    const recommended = recommendedReserve(capacity);
    if (reserved * 2n >= recommended) return [];
    const name = node.metadata.name;
    return [
      {
        messageId: 'low',
        data: { node: name, capacity: formatBytes(capacity), reserved: formatBytes(reserved), recommended: formatBytes(recommended), trouble },
        evidence: [
          { ref: `Node/${name}`, path: 'status.capacity.memory', observed: String(node.status.capacity?.memory) },
          { ref: `Node/${name}`, path: 'status.allocatable.memory', observed: String(node.status.allocatable?.memory) },
        ],
        remedies: [
          { summary: `Reserve memory for the system on ${name} in the kubelet configuration, then restart the kubelet`, patch: `# /var/lib/kubelet/config.yaml\nkubeReserved:\n  memory: ${formatBytes(recommended - 100n * MI)}\nevictionHard:\n  memory.available: 100Mi` },
          { summary: 'Check the node\'s current allocatable', command: sh`kubectl get node ${k8sName(name)} -o jsonpath='{.status.capacity.memory} {.status.allocatable.memory}'` },
        ],
        key: name,
      },
    ];
  },
});
