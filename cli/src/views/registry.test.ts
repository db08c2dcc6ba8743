// The views registry and the command modules oclif discovers (cli/src/commands, one per command for its manifest)
// agree: every entry has its one-line module, every module over the registry names its own entry, and the class
// it exports carries the entry's help, args and flags where oclif reads them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kubectlFlags } from '../lib/flags';
import { VIEW_COMMANDS, type ViewCommandId } from './registry';
import type { StorageCommand } from '../lib/storageCommand';

const COMMANDS_DIR = path.resolve(__dirname, '../commands');
const ids = Object.keys(VIEW_COMMANDS) as ViewCommandId[];

const moduleOf = (id: string): string => fs.readFileSync(path.join(COMMANDS_DIR, `${id}.ts`), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const commandOf = (id: string): typeof StorageCommand => require(path.join(COMMANDS_DIR, id)).default;

describe('views registry', () => {
  it('every entry has its command module, exactly the one line over the registry', () => {
    for (const id of ids) {
      expect(moduleOf(id)).toBe(`import { viewCommand } from '../views/viewCommand';\n\nexport default viewCommand('${id}');\n`);
    }
  });

  it('every command module over the registry is an entry of it, and names its own', () => {
    const overRegistry = fs
      .readdirSync(COMMANDS_DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => ({ id: f.slice(0, -3), named: /viewCommand\('([^']+)'\)/.exec(moduleOf(f.slice(0, -3)))?.[1] }))
      .filter((m) => m.named !== undefined);
    expect(overRegistry.map((m) => m.named)).toEqual(overRegistry.map((m) => m.id));
    expect(overRegistry.map((m) => m.id).sort()).toEqual([...ids].sort());
  });

  it.each(ids)('%s: the exported class carries its entry as its own statics (oclif parses with a copy of those only)', (id) => {
    const spec = VIEW_COMMANDS[id];
    const command = commandOf(id);
    const own = { ...command } as Record<string, unknown>;
    expect(own.id).toBe(id);
    expect(own.summary).toBe(spec.summary);
    expect(own.description).toEqual(expect.stringContaining(spec.description));
    expect(own.description).toMatch(/\n\nNAMESPACES\n[\s\S]*\n\nEXIT CODES\n/);
    expect(own.examples).toBe(spec.examples);
    expect(own.view).toBe(spec.view);
    expect(own.clusterScoped).toBe(('clusterScoped' in spec && spec.clusterScoped) || false);
    expect(Object.keys(own.args as object)).toEqual(Object.keys(('args' in spec && spec.args) || {}));
    expect(Object.keys(own.flags as object)).toEqual(Object.keys(('flags' in spec && spec.flags) || {}));
    expect(command.baseFlags).toBe(kubectlFlags);
  });
});
