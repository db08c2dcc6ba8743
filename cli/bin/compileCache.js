// Loads one CommonJS file with a V8 code cache beside the user's other caches, so that the second and later runs
// skip parsing and compiling it (Node 20 has no module.enableCompileCache; this is the same thing for one file).
// The cache is only ever a speed-up: missing, unreadable, stale or rejected by V8, the file is compiled as usual and
// the cache rewritten; a cache directory that cannot be written is left alone. Nothing here reads the cluster.
//   $XDG_CACHE_HOME/kubectl-storage/v8 (default ~/.cache/kubectl-storage/v8); KUBECTL_STORAGE_NO_COMPILE_CACHE=1
//   turns it off.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

function cacheDir(env) {
  if (env.KUBECTL_STORAGE_NO_COMPILE_CACHE) return undefined;
  const home = env.HOME || os.homedir();
  const base = env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : undefined);
  return base ? path.join(base, 'kubectl-storage', 'v8') : undefined;
}

/**
 * The cache file for this file as it is now, on this Node: V8 checks the source too, but a key that changes with
 * the file and the runtime keeps caches of other versions from being read (and rejected) at every start.
 */
function cacheFileFor(dir, file, stat) {
  // FNV-1a of the path (node:crypto would cost a module load of its own): installs in two places do not share.
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  const key = [h.toString(16), stat.size, Math.floor(stat.mtimeMs), process.version, process.arch].join('-');
  return path.join(dir, `${key}.bin`);
}

/** Writes the cache once the command is done (the functions it ran are compiled by then, and land in the cache). */
function writeOnExit(script, cacheFile) {
  process.once('exit', () => {
    try {
      const data = script.createCachedData();
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, cacheFile); // atomic: a parallel run reads the old cache or the new one, never half
    } catch {
      // Read-only or full home directory: run without a cache next time too.
    }
  });
}

/** require(file), through the code cache. The module lands in require.cache, so a later require(file) is this one. */
function requireWithCodeCache(file, env = process.env) {
  const resolved = path.resolve(file);
  const dir = cacheDir(env);
  if (!dir) return require(resolved);
  const stat = fs.statSync(resolved);
  const cacheFile = cacheFileFor(dir, resolved, stat);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = fs.readFileSync(resolved, 'utf8');
  const script = new vm.Script(Module.wrap(source), {
    filename: resolved,
    cachedData,
    // import() inside the file (a plugin's ESM) resolves as it would in a module loaded by require.
    ...(vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  if (cachedData === undefined || script.cachedDataRejected) writeOnExit(script, cacheFile);

  const mod = new Module(resolved, module);
  mod.filename = resolved;
  mod.paths = Module._nodeModulePaths(path.dirname(resolved));
  require.cache[resolved] = mod;
  try {
    script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(resolved), mod, resolved, path.dirname(resolved));
  } catch (err) {
    delete require.cache[resolved];
    throw err;
  }
  mod.loaded = true;
  return mod.exports;
}

module.exports = { requireWithCodeCache, cacheDir };
