// Follows pkg/scheduler/framework/plugins/volumezone/volume_zone.go (1.35): a bound volume labelled with a zone or
// region (stable or failure-domain.beta labels; "__" separates several zones) only fits nodes in one of them.
import { unresolvable, type FilterPlugin, type Rejected } from '../../framework';
import { reasons } from '../../reasons';
import { REGION_LABELS, ZONE_LABELS, stateClaims } from '../../volumes';

export const Name = 'VolumeZone';
/** the claim and its volume, the volume's zone (or region) label and values, and the node's value ('' when none) */
export type Rejection = Rejected<typeof Name> & { claim: string; pv: string; label: string; zones: string[]; nodeZone: string };

const PAIRS = [ZONE_LABELS, REGION_LABELS];

export const VolumeZone: FilterPlugin<Rejection> = {
  name: Name,
  filter(state, info) {
    const nodeLabels = info.node.metadata.labels ?? {};
    for (const c of stateClaims(state)) {
      if (!c.pv) continue;
      const pvLabels = c.pv.metadata.labels ?? {};
      for (const pair of PAIRS) {
        const pvKey = pair.find((k) => pvLabels[k] !== undefined);
        if (!pvKey) continue;
        const allowed = (pvLabels[pvKey] as string).split('__');
        const nodeValue = nodeLabels[pvKey] ?? pair.map((k) => nodeLabels[k]).find((v) => v !== undefined);
        if (nodeValue === undefined || !allowed.includes(nodeValue)) {
          return unresolvable(Name, [reasons.volumeZone()], { claim: c.name, pv: c.pv.metadata.name, label: pvKey, zones: allowed, nodeZone: nodeValue ?? '' });
        }
      }
    }
    return undefined;
  },
};
