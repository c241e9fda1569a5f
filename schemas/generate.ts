// JSON Schema generated from the zod schemas: the report contract and the snapshot objects podwhy reads.
import * as z from 'zod';
import { Event, Lease, Node, Pod } from './k8s';
import { Report } from './report';

function schemaText(schema: z.ZodType, id: string, title: string): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  return `${JSON.stringify({ $id: id, title, ...json }, null, 2)}\n`;
}

/** file name → contents, for `make schemas` and the staleness test */
export function generateSchemas(): Record<string, string> {
  const Snapshot = z.object({
    apiVersion: z.string(),
    kind: z.literal('List'),
    items: z.array(z.union([Pod, Node, Event, Lease, z.looseObject({ kind: z.string() })])),
  });
  return {
    'report.schema.json': schemaText(Report, 'https://podwhy.dev/schemas/report.schema.json', 'kubectl-podwhy report (podwhy/v1alpha1)'),
    'snapshot.schema.json': schemaText(Snapshot, 'https://podwhy.dev/schemas/snapshot.schema.json', 'Objects kubectl-podwhy reads from a snapshot (fields it uses; others allowed)'),
  };
}
