// Follows pkg/scheduler/framework/plugins/volumezone/volume_zone.go (1.35): a bound volume labelled with a zone or
// region (stable or failure-domain.beta labels; "__" separates several zones) only fits nodes in one of them.
import { success, unresolvable, type FilterPlugin } from '../../framework';
import { reasons } from '../../reasons';
import { REGION_LABELS, ZONE_LABELS, stateClaims } from '../../volumes';

const PAIRS = [ZONE_LABELS, REGION_LABELS];

export const VolumeZone: FilterPlugin = {
  name: 'VolumeZone',
  filter(state, info) {
    const nodeLabels = info.node.metadata.labels ?? {};
    for (const c of stateClaims(state)) {
      const pvLabels = c.pv?.metadata.labels ?? {};
      for (const pair of PAIRS) {
        const pvKey = pair.find((k) => pvLabels[k] !== undefined);
        if (!pvKey) continue;
        const allowed = (pvLabels[pvKey] as string).split('__');
        const nodeValue = nodeLabels[pvKey] ?? pair.map((k) => nodeLabels[k]).find((v) => v !== undefined);
        if (nodeValue === undefined || !allowed.includes(nodeValue)) {
          return unresolvable([reasons.volumeZone()], { claim: c.name, pv: c.pv?.metadata.name, label: pvKey, zones: allowed, nodeZone: nodeValue ?? '' });
        }
      }
    }
    return success;
  },
};
