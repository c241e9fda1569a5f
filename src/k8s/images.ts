// Image references and image pull errors, as kubelet, containerd, CRI-O and dockerd word them.

export type PullCause = 'not-found' | 'unauthorized' | 'network' | 'rate-limited' | 'other';

const RULES: Array<[PullCause, RegExp, string]> = [
  ['rate-limited', /toomanyrequests|too many requests|rate limit|\b429\b/i, 'the registry is rate-limiting pulls'],
  ['network', /x509|certificate (signed by unknown authority|has expired|is valid for)|tls: /i, 'the registry certificate is not trusted by the node'],
  ['unauthorized', /unauthorized|authentication required|no basic auth credentials|invalid username\/password|\b401\b|403 forbidden|denied: access forbidden|insufficient_scope/i, 'the registry refused the credentials (or got none)'],
  ['not-found', /pull access denied.*repository does not exist or may require/i, 'the repository does not exist, or is private and the pod has no credentials for it'],
  ['not-found', /manifest unknown|not found|name unknown|NotFound|no such image|repository does not exist|no matching manifest/i, 'the image or tag does not exist in the registry'],
  ['network', /dial tcp|i\/o timeout|no such host|connection refused|connection reset|network is unreachable|TLS handshake timeout|Client\.Timeout|context deadline exceeded|server misbehaving|EOF|timeout/i, 'the node could not reach the registry'],
];

export function classifyPullError(message: string): { cause: PullCause; explanation: string } {
  for (const [cause, re, explanation] of RULES) if (re.test(message)) return { cause, explanation };
  return { cause: 'other', explanation: 'the image could not be pulled' };
}

/** The registry host of an image reference ("docker.io" for Docker Hub short names). */
export function registryOf(image: string): string {
  const first = image.split('/')[0] ?? '';
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first;
  return 'docker.io';
}

/** What is wrong with an image reference, if we can tell without asking a registry. */
export function imageReferenceProblem(image: string): string | undefined {
  if (image.trim() === '') return 'the image is empty';
  if (/\s/.test(image)) return 'it contains white space';
  if (/^[a-z]+:\/\//i.test(image)) return 'it starts with a URL scheme (drop "https://")';
  const [pathPart] = image.split('@');
  const lastSlash = (pathPart ?? '').lastIndexOf('/');
  const repoAndTag = (pathPart ?? '').slice(lastSlash + 1);
  const repoPath = (pathPart ?? '').slice(0, lastSlash + 1) + repoAndTag.split(':')[0];
  const withoutRegistry = registryOf(image) === 'docker.io' ? repoPath : repoPath.slice(repoPath.indexOf('/') + 1);
  if (/[A-Z]/.test(withoutRegistry)) return 'the repository name has upper-case letters (it must be lower-case)';
  if ((pathPart ?? '').endsWith(':')) return 'it ends with ":" but has no tag';
  if (/::/.test(image)) return 'it has "::"';
  return undefined;
}
