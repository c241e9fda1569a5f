import { name, names, placeholder, sh, shellQuote, ssh, words } from './command';

describe('remedy commands built from cluster values', () => {
  test.each([
    ['a plain value is written as is', sh`kubectl get pod ${'web-0'}`, 'kubectl get pod web-0'],
    ['a value with shell syntax is single-quoted', sh`docker manifest inspect ${'img:$(id)'}`, "docker manifest inspect 'img:$(id)'"],
    ['a single quote inside a value is closed, escaped and reopened', sh`grep -F -- ${"it's"}`, `grep -F -- 'it'\\''s'`],
    ['a value that would read as a flag refuses the command', sh`kubectl get pod ${'--kubeconfig=/tmp/x'}`, undefined],
    ['an empty value refuses the command', sh`kubectl get pod ${''}`, undefined],
    ['a newline refuses the command (the line shown would not be the line run)', sh`kubectl get pod ${'a\nrm -rf ~'}`, undefined],
    ['a bidi override refuses the command', sh`kubectl get pod ${'ab\u202ecd'}`, undefined],
    ['a C1 control refuses the command', sh`kubectl get pod ${'ab\u009bcd'}`, undefined],
    ['an invalid Kubernetes name refuses the command', sh`kubectl describe node ${name('Node_1')}`, undefined],
    ['a name starting with a dash refuses the command', sh`kubectl describe node ${name('-n')}`, undefined],
    ['a valid name is written as is', sh`kubectl describe node ${name('ip-10-0-0-1.ec2.internal')}`, 'kubectl describe node ip-10-0-0-1.ec2.internal'],
    ['a missing value refuses the command', sh`kubectl describe node ${name(undefined)}`, undefined],
    ['our placeholder passes', sh`kubectl describe node ${name(placeholder('<node>'))}`, 'kubectl describe node <node>'],
    ['several names', sh`kubectl uncordon ${names(['a', 'b'])}`, 'kubectl uncordon a b'],
    ['several names, one invalid', sh`kubectl uncordon ${names(['a', 'B;reboot'])}`, undefined],
    ['several label words, quoted one by one', sh`kubectl label nodes <node> ${words(['zone=a', 'x=$(id)'])}`, "kubectl label nodes <node> zone=a 'x=$(id)'"],
    ['a non-finite number refuses the command', sh`kubectl logs --tail=${Number.NaN}`, undefined],
  ])('%s', (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test.each([
    ['plain remote words are left alone', ssh('node-1', 'sudo systemctl restart kubelet'), 'ssh node-1 sudo systemctl restart kubelet'],
    // ssh joins its arguments and the remote shell parses them again: quoted once for each shell
    ['a quoted remote word is quoted again for the local shell', ssh('node-1', sh`sudo chattr -i ${'/var/lib/x; reboot'}`), `ssh node-1 'sudo chattr -i '\\''/var/lib/x; reboot'\\'''`],
    ['a remote pipe is kept for the remote shell', ssh('n', 'journalctl | grep x'), "ssh n 'journalctl | grep x'"],
    ['an invalid node name refuses the command', ssh('$(reboot)', 'true'), undefined],
    ['a refused remote command refuses the ssh command', ssh('n', sh`grep ${'-e'}`), undefined],
  ])('ssh: %s', (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('the quoting round-trips through a real shell', () => {
    const { execFileSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process');
    for (const value of ["it's", 'a b', '$(id)', '`id`', 'x;y', 'a\\b', '"q"', '*', '~root', '!x']) {
      expect(execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' })).toBe(value);
    }
  });
});
