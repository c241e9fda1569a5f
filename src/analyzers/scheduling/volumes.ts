import { claimsOf, type Claim } from '../../scheduler/volumes';
import type { PodContext } from '../context';

const memo = new WeakMap<PodContext, Claim[]>();

/** The pod's claims resolved against the snapshot, once per pod. */
export function stateClaimsOf(ctx: PodContext): Claim[] {
  let c = memo.get(ctx);
  if (!c) {
    c = claimsOf(ctx.pod, ctx.snapshot);
    memo.set(ctx, c);
  }
  return c;
}
