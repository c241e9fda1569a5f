// Exit codes and signals: a convention of shells and container runtimes (128 + signal number), not of Kubernetes.

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE',
  9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM',
  16: 'SIGSTKFLT', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP', 20: 'SIGTSTP', 21: 'SIGTTIN', 22: 'SIGTTOU',
  23: 'SIGURG', 24: 'SIGXCPU', 25: 'SIGXFSZ', 26: 'SIGVTALRM', 27: 'SIGPROF', 28: 'SIGWINCH', 29: 'SIGIO',
  30: 'SIGPWR', 31: 'SIGSYS',
};

const SIGNAL_MEANINGS: Record<string, string> = {
  SIGKILL: 'killed outright (SIGKILL): by the kernel OOM killer, by the kubelet after the grace period, or by hand',
  SIGTERM: 'stopped by SIGTERM and did not handle it: the kubelet asked the container to stop (probe failure, eviction, deletion, rollout)',
  SIGSEGV: 'segmentation fault (SIGSEGV): the process read or wrote memory it does not own; a bug in native code or a bad build for this CPU',
  SIGABRT: 'aborted (SIGABRT): the process called abort(), usually a failed assertion, a C++ exception nobody caught, or a runtime detecting corruption',
  SIGBUS: 'bus error (SIGBUS): bad memory access, often a memory-mapped file that shrank or a full /dev/shm',
  SIGILL: 'illegal instruction (SIGILL): the binary uses CPU instructions this node does not have',
  SIGFPE: 'arithmetic error (SIGFPE), such as an integer division by zero',
  SIGINT: 'interrupted (SIGINT)',
  SIGHUP: 'hang-up (SIGHUP)',
  SIGQUIT: 'quit with a core dump (SIGQUIT)',
  SIGPIPE: 'wrote to a closed pipe or socket (SIGPIPE)',
};

export function signalName(n: number): string {
  return SIGNALS[n] ?? `signal ${n}`;
}

/** The signal number behind an exit code of 128+n, if any. */
export function signalOfExitCode(code: number): number | undefined {
  return code > 128 && code < 128 + 65 ? code - 128 : undefined;
}

export function signalMeaning(n: number): string {
  const name = signalName(n);
  return SIGNAL_MEANINGS[name] ?? `terminated by ${name}`;
}

/** What a non-zero exit code below 128 usually means. */
export function exitCodeMeaning(code: number): string {
  switch (code) {
    case 1:
      return 'a general error reported by the application itself (see its log)';
    case 2:
      return 'misuse of a command: usually bad arguments or flags, or a shell syntax error';
    case 126:
      return 'the command was found but is not executable (permissions, or a script without its interpreter)';
    case 127:
      return 'command not found: the entrypoint or a command it runs is not in the image or not on PATH';
    case 128:
      return 'the runtime could not start the process (invalid exit argument, or a start error)';
    case 255:
      return 'exit status out of range (exit -1), or the runtime lost track of the container (e.g. after a node reboot)';
    default:
      return signalOfExitCode(code) !== undefined ? signalMeaning(signalOfExitCode(code) as number) : 'an application-specific error code (see its log)';
  }
}
