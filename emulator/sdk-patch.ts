// Turns the keys of wx-server-sdk's exports object that the local cloud replaces into getters of the active local
// implementation (or the SDK's own while none is installed), once per SDK object.

/** The keys replaced; the database stays the SDK's own and is served at its transport seam (emulator/db). */
export const PATCHED_KEYS = [
  'getWXContext',
  'openapi',
  'getOpenData',
  'callFunction',
  'uploadFile',
  'downloadFile',
  'getTempFileURL',
  'deleteFile',
] as const;
export type PatchedKey = (typeof PATCHED_KEYS)[number];
export type LocalImpl = Partial<Record<PatchedKey, unknown>>;

let active: LocalImpl | null = null;
/** Values assigned to a patched key (a test stubbing `cloud.uploadFile = ...`) win over everything; assigning undefined clears. */
const assigned: LocalImpl = {};
const MARK = Symbol.for('jiguan-dangjian.local-cloud');

/**
 * wx-server-sdk 4.0.2's `module.exports` is the plain `exportAPI` object of its Cloud instance; its APIs are writable
 * data properties (`openapi` is a Proxy that ignores assignments to its members, so it is replaced whole).
 * A getter (not an assigned value) is what reaches every way code holds the SDK: `require('wx-server-sdk').x` reads
 * the property at call time; esbuild bundles and tsx (`__toESM`) copy each key as a getter that reads it at call
 * time; swc's `import * as` (jest) copies each key's descriptor once, i.e. this getter, if the copy is made after
 * this ran (test/helpers/sdk-setup.ts makes sure of that in jest).
 */
export function patchSdk(sdk: Record<string | symbol, unknown>): void {
  if (sdk[MARK]) return;
  for (const key of PATCHED_KEYS) {
    const original = Object.getOwnPropertyDescriptor(sdk, key);
    if (original && original.configurable === false) throw new Error(`wx-server-sdk's ${key} cannot be replaced`);
    const sdkOwn = (): unknown => (original ? (original.get ? original.get.call(sdk) : original.value) : undefined);
    Object.defineProperty(sdk, key, {
      configurable: true,
      enumerable: true,
      get: () => (key in assigned ? assigned[key] : active && key in active ? active[key] : sdkOwn()),
      set: (value: unknown) => {
        if (value === undefined) delete assigned[key];
        else assigned[key] = value;
      },
    });
  }
  Object.defineProperty(sdk, MARK, { value: true });
}

/** Makes `impl` what the SDK answers with; returns the function that takes it away again. One at a time. */
export function activate(impl: LocalImpl): () => void {
  if (active) throw new Error('A local cloud is already installed in this process; close it before starting another.');
  active = impl;
  return () => {
    if (active === impl) active = null;
  };
}
