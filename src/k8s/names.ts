// Object and namespace names (DNS-1123 subdomains): checked before they are passed to kubectl.
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export const isName = (name: string): boolean => NAME.test(name) && name.length <= 253;
