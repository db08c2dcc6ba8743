// Context names for completing --context, read the way kubectl picks its kubeconfig (--kubeconfig on the line, else
// every KUBECONFIG file, else ~/.kube/config). Plain YAML reading: completion must not load the cluster client.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { load } from 'js-yaml';

export function kubeconfigFiles(words: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const i = words.findIndex((w) => w === '--kubeconfig' || w.startsWith('--kubeconfig='));
  if (i >= 0) {
    const value = words[i].includes('=') ? words[i].slice('--kubeconfig='.length) : words[i + 1];
    return value ? [value] : [];
  }
  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  return listed.length > 0 ? listed : [path.join(env.HOME ?? os.homedir(), '.kube', 'config')];
}

export function contextNames(files: string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    try {
      const doc = load(fs.readFileSync(file, 'utf8')) as { contexts?: { name?: unknown }[] } | undefined;
      for (const c of doc?.contexts ?? []) if (typeof c?.name === 'string') names.add(c.name);
    } catch {
      // A missing or broken file offers no names; completion never reports errors.
    }
  }
  return [...names];
}
