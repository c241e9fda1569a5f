import { complete } from './complete';

const env = { KUBECTL: '/nonexistent/kubectl', PATH: '' };

describe('completion protocol', () => {
  test('finding IDs after explain, filtered by prefix, no file completion', async () => {
    expect(await complete(['explain', 'OOM'], env)).toBe('OOMKilled\tThe container used more memory than its limit\n:4\n');
  });
  test('output formats after -o', async () => {
    expect(await complete(['-o', 'y'], env)).toBe('yaml\toutput format\n:4\n');
  });
  test('flags for a dash', async () => {
    expect(await complete(['--kube'], env)).toBe('--kubeconfig\tkubeconfig file\n:4\n');
  });
  test('files after -f (directive 0), and no crash without kubectl', async () => {
    expect(await complete(['-f', ''], env)).toBe(':0\n');
    expect(await complete([''], env)).toBe('explain\texplain a finding ID\nsnapshot\tcapture a snapshot for offline analysis\n:4\n');
  });
});
