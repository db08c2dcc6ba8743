// docs/schemas/<Kind>.schema.json: generated from the TypeScript types of every document the CLI prints
// (cli/src/render/documents.ts), and every command's real output validates against its kind's schema, on the
// test cluster's dump and on the bundled demo dump. The schemas are closed, so output that gains a field or loses
// a required one fails here until the types (and `npm run schemas`) say so.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import Explain from '../../cli/src/commands/explain';
import Ingress from '../../cli/src/commands/ingress';
import Orphans from '../../cli/src/commands/orphans';
import Pv from '../../cli/src/commands/pv';
import Pvc from '../../cli/src/commands/pvc';
import Report from '../../cli/src/commands/report';
import Sts from '../../cli/src/commands/sts';
import Usage from '../../cli/src/commands/usage';
import { OUTPUT_KINDS } from '../../cli/src/render/documents';
import { NOW, REPO_ROOT, useClusterDump } from './support/cluster';
import { runCli } from './support/runCli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateSchemas, fileText, fileName, OUT_DIR } = require('../../scripts/generate-schemas.js') as {
  generateSchemas(): Record<string, object>;
  fileText(schema: object): string;
  fileName(kind: string): string;
  OUT_DIR: string;
};

const cluster = useClusterDump();
const DEMO = path.join(REPO_ROOT, 'test/fixtures/demo-cluster.json');
const readSchema = (kind: string) => JSON.parse(fs.readFileSync(path.join(OUT_DIR, fileName(kind)), 'utf8')) as object;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map(OUTPUT_KINDS.map((kind) => [kind, ajv.compile(readSchema(kind))]));

function validate(doc: { kind?: string }): string[] {
  const check = validators.get(doc.kind as (typeof OUTPUT_KINDS)[number]);
  if (!check) return [`no schema for kind ${String(doc.kind)}`];
  return check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

type Command = Parameters<typeof runCli>[0];
const commands: [string, Command, string[], string][] = [
  ['report', Report, [], 'StorageReport'],
  ['report -n shop -l app=web', Report, ['-n', 'shop', '-l', 'app=web'], 'StorageReport'],
  ['pv', Pv, [], 'PersistentVolumeList'],
  ['pvc -A', Pvc, ['-A'], 'PersistentVolumeClaimList'],
  ['usage', Usage, [], 'VolumeUsageList'],
  ['sts -A', Sts, ['-A'], 'StatefulSetList'],
  ['sts web -n shop', Sts, ['web', '-n', 'shop'], 'StatefulSetList'],
  ['ingress -A', Ingress, ['-A'], 'IngressPathList'],
  ['orphans', Orphans, [], 'OrphanList'],
];

describe('published JSON Schemas', () => {
  it('docs/schemas/ is what the TypeScript types give (run `npm run schemas` after changing them)', () => {
    const generated = generateSchemas();
    expect(Object.keys(generated).sort()).toEqual([...OUTPUT_KINDS].sort());
    for (const [kind, schema] of Object.entries(generated)) {
      expect(`${kind}: ${fs.readFileSync(path.join(OUT_DIR, fileName(kind)), 'utf8')}`).toBe(`${kind}: ${fileText(schema)}`);
    }
    // No stale schema of a kind that is gone.
    expect(fs.readdirSync(OUT_DIR).sort()).toEqual(OUTPUT_KINDS.map(fileName).sort());
  });

  it('every schema is draft 2020-12 and closed at the top', () => {
    for (const kind of OUTPUT_KINDS) {
      expect(readSchema(kind)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: kind, type: 'object', additionalProperties: false });
    }
  });

  describe.each([
    ['the test cluster', () => cluster.file],
    ['the demo dump', () => DEMO],
  ])('real output on %s', (_source, file) => {
    it.each(commands)('%s', async (_name, command, argv, kind) => {
      for (const format of ['json', 'yaml'] as const) {
        const run = await runCli(command, [...argv, '-o', format, '-f', file(), '--now', NOW]);
        expect(run.exitCode).toBe(0);
        const doc = format === 'json' ? JSON.parse(run.stdout) : (await import('js-yaml')).load(run.stdout);
        expect(doc).toMatchObject({ apiVersion: 'kubectl-storage.io/v1alpha1', kind });
        expect(validate(doc)).toEqual([]);
      }
    });
  });

  it('explain: the catalog and one entry', async () => {
    const all = JSON.parse((await runCli(Explain, ['-o', 'json'])).stdout);
    expect(all.kind).toBe('FindingCatalog');
    expect(validate(all)).toEqual([]);
    const one = JSON.parse((await runCli(Explain, ['pvc-lost', '-o', 'json'])).stdout);
    expect(one.kind).toBe('CatalogEntry');
    expect(validate(one)).toEqual([]);
  });

  it('fails output that loses a required field or gains an unknown one, at any depth', async () => {
    const report = JSON.parse((await runCli(Report, ['-o', 'json', '-f', cluster.file, '--now', NOW])).stdout);
    expect(validate(report)).toEqual([]);
    const without = structuredClone(report);
    delete without.findings[0].severity;
    expect(validate(without).join('\n')).toMatch(/\/findings\/0 must have required property 'severity'/);
    const extra = structuredClone(report);
    extra.statefulSets[0].ordinals[0].surprise = true;
    expect(validate(extra).join('\n')).toMatch(/\/statefulSets\/0\/ordinals\/0 must NOT have additional properties/);
    const pv = JSON.parse((await runCli(Pv, ['-o', 'json', '-f', cluster.file, '--now', NOW])).stdout);
    delete pv.incomplete;
    expect(validate(pv).join('\n')).toMatch(/must have required property 'incomplete'/);
  });
});
