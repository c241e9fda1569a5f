import { imageReferenceProblem } from '../../k8s/images';
import { eventContainer, eventEvidence, eventsMatching } from '../context';
import { defineAnalyzer, type Evidence, type RawFinding } from '../types';
import { editRemedy } from '../shared/util';

type Msg = 'invalid';

export default defineAnalyzer<Msg>({
  id: 'InvalidImageName',
  area: 'starting',
  reads: ['events'],
  severity: 'error',
  docs: {
    title: 'The image reference is not a valid image name',
    summary: 'The container image field cannot be parsed as an image reference, so the kubelet does not even try to pull it. Retrying will not help: the pod spec must change.',
    detection: 'A container waits with reason InvalidImageName (or an InspectFailed event says the reference is invalid). podwhy also points at the usual mistakes: upper-case letters in the repository, a URL scheme, white space, a trailing ":".',
    remedy: 'Write the image as [registry[:port]/]repository[:tag][@sha256:digest], all lower-case in the repository part, and update the workload (`kubectl set image`).',
  },
  messages: {
    invalid: 'Container {{container}} cannot start: "{{image}}" is not a valid image reference{{problemText}}.',
  },
  analyze(ctx) {
    const out: Array<RawFinding<Msg>> = [];
    for (const c of ctx.containers) {
      const waiting = c.status?.state?.waiting;
      if (waiting?.reason !== 'InvalidImageName') continue;
      const image = c.spec.image ?? '';
      const problem = imageReferenceProblem(image);
      const evidence: Evidence[] = [{ ref: ctx.ref, path: `${c.statusPath}.state.waiting`, observed: `InvalidImageName${waiting.message ? `: ${waiting.message}` : ''}` }];
      const ev = eventsMatching(ctx, ['InspectFailed', 'Failed'], /invalid reference|couldn't parse image|InvalidImageName/i).filter((e) => eventContainer(e) === c.name || !eventContainer(e));
      const newest = ev[ev.length - 1];
      if (newest) evidence.push(eventEvidence(newest));
      out.push({
        messageId: 'invalid',
        data: { container: c.name, image, problem: problem ?? '', problemText: problem ? `: ${problem}` : '' },
        evidence,
        remedies: [editRemedy(ctx, `set the image of container ${c.name} to a valid reference ([registry/]repository[:tag], lower-case repository)`)],
        key: image,
      });
    }
    return out;
  },
});
