// Help and version text, kept free of imports so `--help` and `--version` start as fast as node itself.
declare const PODWHY_VERSION: string | undefined;

export const VERSION: string = typeof PODWHY_VERSION === 'string' ? PODWHY_VERSION : '0.0.0-dev';

export const HELP = `kubectl podwhy: why is this pod not running?

Usage:
  kubectl podwhy [TARGET...] [flags]        analyze pods (NAME, pod/NAME, deploy/NAME, sts/NAME, ds/NAME, rs/NAME, job/NAME)
                                            live through your kubectl, or offline with -f
  kubectl podwhy snapshot [-n NS|-A] -o FILE   capture what offline analysis needs (.yaml, .json, .tar.gz; redacted)
  kubectl podwhy explain ID                 what a finding means, how it is detected, how to fix it
  kubectl podwhy explain --list             every finding ID

Examples:
  kubectl podwhy tikv-0 -n tidb                              one pod, live, through your kubectl
  kubectl podwhy -A                                          every unhealthy pod of the cluster
  kubectl podwhy web-7d9c-abcde -n shop -f snapshot.yaml     one pod from a saved 'kubectl get -o yaml'
  kubectl podwhy -f support-bundle.tar.gz                    every unhealthy pod in a support bundle
  kubectl podwhy -f cluster-dump/ -n kube-system -o json     a 'kubectl cluster-info dump' folder, as JSON
  kubectl get pods -A -o json | kubectl podwhy -f - -A       read from stdin
  kubectl podwhy explain OOMKilled

Flags:
  -n, --namespace NS       namespace of the pods (live default: the context's; offline: every namespace)
  -A, --all-namespaces     every namespace
  -l, --selector SEL       label selector (key=value,key!=value,key in (a,b),key,!key)
  -f, --filename PATH      offline input: file, directory, glob, .tar.gz/.tgz; repeatable; '-' reads stdin
  -o, --output FORMAT      text (default), json, yaml or markdown
      --kubeconfig --context --cluster --user --request-timeout   passed to kubectl (live); $KUBECTL picks the binary
      --force, --no-redact snapshot: overwrite FILE; keep env values, ConfigMap values and log credentials
      --log-tail N         lines of a crashed container's last log to read (live, default 50)
      --now RFC3339        the time the analysis treats as "now" (default: the capture time of the input,
                           else its newest timestamp)
      --no-color           no colors (also when NO_COLOR is set or stdout is not a terminal)
      --debug              show stack traces of internal errors
  -h, --help               this help
      --version            the version

Exit codes: 0 no error-level finding; 1 at least one error-level finding; 2 podwhy could not do its job.
`;
