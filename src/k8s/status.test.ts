import type { Pod } from '../../schemas/k8s';
import { Pod as PodSchema } from '../../schemas/k8s';
import { at, pod } from '../testing/builders';
import { podColumns } from './status';

const cols = (o: object) => podColumns(PodSchema.parse(o) as Pod);

describe('the STATUS column as kubectl prints it', () => {
  test.each([
    ['a running ready pod', pod('a').container('c', (c) => c.running()).build(), 'Running', '1/1', 0],
    ['a crash-looping container', pod('a').container('c', (c) => c.waiting('CrashLoopBackOff').restarts(4)).build(), 'CrashLoopBackOff', '0/1', 4],
    ['a terminated container without reason shows its exit code', pod('a').phase('Failed').container('c', (c) => c.terminated({ exitCode: 3, reason: '' })).build(), 'ExitCode:3', '0/1', 0],
    ['a terminated container without reason with a signal', pod('a').phase('Failed').container('c', (c) => c.terminated({ exitCode: 0, reason: '', signal: 9 })).build(), 'Signal:9', '0/1', 0],
    ['the second of three init containers is running', pod('a').phase('Pending').init('i1', (c) => c.terminated({ exitCode: 0, reason: 'Completed' })).init('i2', (c) => c.running()).init('i3').container('c', (c) => c.waiting('PodInitializing')).build(), 'Init:1/3', '0/1', 0],
    ['an init container in back-off', pod('a').phase('Pending').init('i1', (c) => c.waiting('CrashLoopBackOff').restarts(3)).container('c', (c) => c.waiting('PodInitializing')).build(), 'Init:CrashLoopBackOff', '0/1', 3],
    ['an init container exit code', pod('a').phase('Pending').init('i1', (c) => c.terminated({ exitCode: 2, reason: '' })).container('c').build(), 'Init:ExitCode:2', '0/1', 0],
    ['an evicted pod', pod('a').phase('Failed').reason('Evicted', 'x').container('c').build(), 'Evicted', '0/1', 0],
    ['a deleting running pod', pod('a').deleting(at(-5)).container('c', (c) => c.running()).build(), 'Terminating', '1/1', 0],
    ['a deleted pod of a lost node', pod('a').deleting(at(-5)).reason('NodeLost').container('c', (c) => c.running()).build(), 'Unknown', '1/1', 0],
    ['a deleted pod that already failed keeps its status', pod('a').phase('Failed').deleting(at(-5)).container('c', (c) => c.terminated({ exitCode: 1, reason: 'Error' })).build(), 'Error', '0/1', 0],
    ['a gated pod', pod('a').phase('Pending').node(undefined).condition('PodScheduled', 'False', 'SchedulingGated').container('c', (c) => c.noStatus()).build(), 'SchedulingGated', '0/1', 0],
    ['a completed container next to a running one is NotReady when the pod is not ready', pod('a').condition('Ready', 'False').container('a1', (c) => c.terminated({ exitCode: 0, reason: 'Completed' })).container('a2', (c) => c.running()).build(), 'NotReady', '1/2', 0],
    ['a started sidecar counts as a container', pod('a').init('proxy', (c) => c.restartPolicy('Always').running()).container('c', (c) => c.running()).build(), 'Running', '2/2', 0],
  ])('%s', (_, obj, status, ready, restarts) => {
    expect(cols(obj)).toEqual({ status, ready, restarts });
  });
});
