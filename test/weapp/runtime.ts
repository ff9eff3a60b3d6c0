// One phone running the weapp build: the logic layer (app.js and the page scripts in a context of their own with
// WeChat's globals and no DOM) and the view (each page and custom component on WeChat's component framework,
// exparser, through j-component, with the templates wcc compiled), joined by setData as WeChat joins them.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import type { Gwx } from './compile';
import type { Navigation, WxHost } from './wx-api';
import { createWx } from './wx-api';

// j-component and exparser are loaded once the jsdom globals exist (installView).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** What went wrong on this phone: thrown or logged errors, wcc's missing-template warnings, other warnings. */
export interface Problems {
  errors: string[];
  templateWarnings: string[];
}

/** A rendered page: its text, its nodes (exparser's DOM), and a way to tap. */
export interface RenderedPage {
  path: string;
  /** The view's DOM element of the page. */
  dom: Element;
  text(): string;
  /** Taps the first node matching the CSS selector (and having the text), then waits for the page to settle. */
  tap(selector: string, textIncludes?: string): Promise<void>;
  /** Taps every node matching the selector, one after the other, settling after each. */
  tapEach(selector: string): Promise<void>;
  /** Types into the first input or textarea matching the selector (its `input` event), then settles. */
  input(selector: string, value: string): Promise<void>;
  unload(): void;
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

/** Every page of app.json, main package first, then each subpackage's (root + page). */
export function appPages(dist: string): string[] {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as AppJson;
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => posix.join(s.root, p)))];
}

/** wcc's runtime reports a template it cannot find through console.warn with this text. */
const TEMPLATE_WARNING = /Template `?'?[\w-]+'?`? not found|WXMLRT_\$gwx/;

let viewInstalled = false;

/** Installs the jsdom globals the view needs (exparser renders into them), once per process. */
export function installView(): void {
  if (viewInstalled) return;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Any;
  for (const key of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent']) {
    if (g[key] === undefined) g[key] = key === 'window' ? dom.window : dom.window[key];
  }
  g.requestAnimationFrame ??= (fn: () => void) => setTimeout(fn, 16);
  viewInstalled = true;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PhoneOptions {
  dist: string;
  gwx: Gwx;
  host: Omit<WxHost, 'pending' | 'navigations' | 'toasts' | 'unmodelled' | 'onCloudError' | 'watchers'>;
  /** How long setData must stay quiet for the page to count as settled. */
  quietMs?: number;
  /** Longest wait for a page to settle. */
  settleTimeoutMs?: number;
}

/**
 * A fresh phone: app.js loaded in a new logic context with its own storage and module cache, App() launched.
 * Everything the app logs through console.error/warn and every wcc warning is collected in `problems`.
 */
export function startPhone(opts: PhoneOptions) {
  installView();
  const jComponent = require('j-component') as Any;
  const quietMs = opts.quietMs ?? 100;
  const settleTimeoutMs = opts.settleTimeoutMs ?? 10_000;
  const problems: Problems = { errors: [], templateWarnings: [] };
  const pending = { count: 0, at: 0 };
  const navigations: Navigation[] = [];
  const toasts: string[] = [];
  const unmodelled = new Set<string>();
  const watchers = new Set<{ close(): void }>();
  let lastSetData = Date.now();
  let where = 'app.js';

  const format = (args: unknown[]) =>
    args.map((a) => (isError(a) ? firstFrames(a) : typeof a === 'string' ? a : safeJson(a))).join(' ');
  const logicConsole = {
    ...console,
    log: () => undefined,
    info: () => undefined,
    debug: () => undefined,
    warn: (...args: unknown[]) => problems.errors.push(`${where}: console.warn: ${format(args)}`),
    error: (...args: unknown[]) => problems.errors.push(`${where}: console.error: ${format(args)}`),
  };

  const wx = createWx({
    ...opts.host,
    pending,
    navigations,
    toasts,
    unmodelled,
    watchers,
    onCloudError: (m) => problems.errors.push(`${where}: ${m}`),
  });

  // The logic layer's globals: WeChat's, no window or document.
  let appOptions: Any = null;
  let lastPage: Any = null;
  let lastComponent: Any = null;
  const pagesStack: Any[] = [];
  const context = vm.createContext({
    console: logicConsole,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    wx,
    App: (o: Any) => void (appOptions = o),
    Page: (o: Any) => void (lastPage = o),
    Component: (o: Any) => void (lastComponent = o),
    Behavior: (o: Any) => o,
    getApp: () => appOptions,
    getCurrentPages: () => [...pagesStack],
    requirePlugin: (name: string) => {
      throw new Error(`requirePlugin("${name}"): plugins are not modelled`);
    },
    __wxConfig: JSON.parse(readFileSync(join(opts.dist, 'app.json'), 'utf8')),
  });
  vm.runInContext('globalThis.global = globalThis;', context);

  const modules = new Map<string, { exports: unknown }>();
  const load = (file: string): unknown => {
    const cached = modules.get(file);
    if (cached) return cached.exports;
    const abs = join(opts.dist, file);
    if (!existsSync(abs)) throw new Error(`require: ${file} is not in the build`);
    const module = { exports: {} as unknown };
    modules.set(file, module);
    const fn = vm.compileFunction(readFileSync(abs, 'utf8'), ['require', 'module', 'exports'], {
      parsingContext: context,
      filename: abs,
    });
    const req = (p: string) =>
      load(posix.normalize(posix.join(posix.dirname(file), p.endsWith('.js') ? p : `${p}.js`)));
    fn.call(undefined, req, module, module.exports);
    return module.exports;
  };

  // The view: components registered with j-component by path, with what their .json declares.
  const registered = new Map<string, string>();
  const cloneForView = (data: unknown) => (data === undefined ? data : JSON.parse(JSON.stringify(data)));
  /** WeChat serialises setData between the threads; the view gets a copy, functions and undefined dropped. */
  const serialisingSetData = function (this: Any) {
    const original = this.setData;
    this.setData = (data: unknown, cb?: () => void) => {
      lastSetData = Date.now();
      original.call(this, cloneForView(data), cb);
    };
  };
  const usingComponents = (file: string): Record<string, string> => {
    const jsonFile = join(opts.dist, `${file}.json`);
    const json = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as Any) : {};
    const using: Record<string, string> = {};
    for (const [tag, target] of Object.entries<string>(json.usingComponents ?? {})) {
      using[tag] = registerComponent(posix.normalize(posix.join(posix.dirname(file), target)));
    }
    return using;
  };
  const template = (file: string) => {
    const fn = opts.gwx(`${file}.wxml`);
    if (typeof fn !== 'function') throw new Error(`${file}.wxml: not in wcc's output`);
    return fn;
  };
  const registerComponent = (file: string): string => {
    const known = registered.get(file);
    if (known) return known;
    const id = `c${registered.size}-${file.replace(/\W/g, '-')}`;
    registered.set(file, id);
    lastComponent = null;
    load(`${file}.js`);
    const def = lastComponent;
    if (!def) throw new Error(`${file}.js did not call Component()`);
    const created = def.lifetimes?.created ?? def.created;
    jComponent.register({
      ...def,
      id,
      path: file,
      tagName: file.split('/').pop(),
      template: template(file),
      usingComponents: usingComponents(file),
      lifetimes: {
        ...def.lifetimes,
        created(this: Any) {
          serialisingSetData.call(this);
          created?.call(this);
        },
      },
    });
    return id;
  };

  // wcc and exparser report to the view's console.
  const viewConsole = { warn: console.warn, error: console.error };
  console.warn = (...args: unknown[]) => {
    const text = format(args);
    (TEMPLATE_WARNING.test(text) ? problems.templateWarnings : problems.errors).push(`${where}: ${text}`);
  };
  console.error = (...args: unknown[]) => problems.errors.push(`${where}: ${format(args)}`);
  const onRejection = (reason: unknown) => problems.errors.push(`${where}: unhandled rejection: ${format([reason])}`);
  process.on('unhandledRejection', onRejection);

  const run = <T>(label: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      problems.errors.push(`${label}: ${format([e])}`);
      return undefined;
    }
  };

  /** Waits until no cloud call is in flight and setData has been quiet for quietMs. */
  const settled = async (label: string) => {
    const started = Date.now();
    for (;;) {
      await settle(15);
      if (pending.count === 0 && Date.now() - Math.max(lastSetData, pending.at) >= quietMs) return;
      if (Date.now() - started > settleTimeoutMs) {
        problems.errors.push(`${label}: did not settle in ${settleTimeoutMs} ms (${pending.count} cloud calls open)`);
        return;
      }
    }
  };

  run('app.js', () => load('app.js'));
  if (!appOptions) problems.errors.push('app.js did not call App()');
  const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} };
  run('App.onLaunch', () => appOptions?.onLaunch?.call(appOptions, launch));
  run('App.onShow', () => appOptions?.onShow?.call(appOptions, launch));

  const container = document.createElement('div');
  document.body.appendChild(container);

  /** Opens `path` with `query` as a visit would (onLoad, onShow, onReady) and waits until it settles. */
  async function open(path: string, query: Record<string, string> = {}): Promise<RenderedPage | null> {
    where = path;
    lastPage = null;
    const ok = run(path, () => load(`${path}.js`)) !== undefined || modules.has(`${path}.js`);
    if (!ok) return null;
    const def = lastPage;
    if (!def) {
      problems.errors.push(`${path}.js did not call Page()`);
      return null;
    }
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(def)) if (typeof v === 'function') methods[k] = v;
    const id = run(path, () =>
      jComponent.register({
        id: `p${registered.size}-${path.replace(/\W/g, '-')}-${Date.now()}`,
        path,
        template: template(path),
        usingComponents: usingComponents(path),
        data: cloneForView(def.data ?? {}),
        methods,
      }),
    );
    if (!id) return null;
    const root = run(path, () => jComponent.create(id));
    if (!root) return null;
    const host = document.createElement('div');
    container.appendChild(host);
    root.attach(host);
    const page = root.instance;
    serialisingSetData.call(page);
    Object.assign(page, { route: path, __route__: path, options: { ...query } });
    pagesStack.push(page);
    lastSetData = Date.now();
    run(`${path} onLoad`, () => page.onLoad?.({ ...query }));
    run(`${path} onShow`, () => page.onShow?.());
    run(`${path} onReady`, () => page.onReady?.());
    await settled(path);
    const dom = root.dom as Element;

    /** The first node matching, waiting for it as a person waits for a list to load (up to settleTimeoutMs). */
    const find = async (selector: string, textIncludes?: string): Promise<Any> => {
      const deadline = Date.now() + settleTimeoutMs;
      for (;;) {
        const nodes = [...dom.querySelectorAll(selector)];
        const node = nodes.find((n) => !textIncludes || (n.textContent ?? '').includes(textIncludes));
        if (node) return node;
        if (Date.now() > deadline) {
          throw new Error(`${path}: no ${selector}${textIncludes ? ` with “${textIncludes}”` : ''} on the page`);
        }
        await settle(25);
      }
    };
    const exparser = require('miniprogram-exparser') as Any;
    /** Dispatches on the exparser node behind a DOM node as j-component's dispatchEvent does, then settles. */
    const fire = async (el: Any, type: string, detail: object) => {
      if (!el.__wxElement) throw new Error(`${path}: the ${type} target has no exparser node`);
      where = path;
      lastSetData = Date.now();
      run(`${path} ${type}`, () =>
        exparser.Event.dispatchEvent(
          el.__wxElement,
          exparser.Event.create(type, detail, {
            bubbles: true,
            capturePhase: true,
            composed: true,
            extraFields: { touches: [], changedTouches: [] },
          }),
        ),
      );
      await settled(`${path} after ${type} on ${el.className ?? el.tagName}`);
    };
    return {
      path,
      dom,
      text: () => (dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
      tap: async (selector, textIncludes) => fire(await find(selector, textIncludes), 'tap', { x: 0, y: 0 }),
      async tapEach(selector) {
        await find(selector);
        const count = dom.querySelectorAll(selector).length;
        for (let i = 0; i < count; i++) await fire(dom.querySelectorAll(selector)[i], 'tap', { x: 0, y: 0 });
      },
      input: async (selector, value) =>
        fire(await find(selector), 'input', { value, cursor: value.length, keyCode: 0 }),
      unload() {
        run(`${path} onUnload`, () => page.onUnload?.());
        pagesStack.splice(pagesStack.indexOf(page), 1);
        run(`${path} detach`, () => root.detach());
        host.remove();
      },
    };
  }

  return {
    open,
    problems,
    navigations,
    toasts,
    unmodelled,
    /** Puts the view's console back and forgets the rejection handler. */
    close() {
      watchers.forEach((w) => w.close());
      console.warn = viewConsole.warn;
      console.error = viewConsole.error;
      process.off('unhandledRejection', onRejection);
      container.remove();
    },
  };
}

/** An Error of either layer (the logic layer's context has its own Error class, so instanceof misses it). */
function isError(v: unknown): v is Error {
  return typeof v === 'object' && v !== null && typeof (v as Error).message === 'string' && 'stack' in v;
}

/** The message and the frames in the build's code (the runner's own frames say nothing about the app). */
function firstFrames(e: Error): string {
  const frames = (e.stack ?? '')
    .split('\n')
    .slice(1)
    .filter((l) => !l.includes('/test/weapp/'));
  return [`${e.name}: ${e.message}`, ...frames.slice(0, 3)].join('\n');
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export type Phone = ReturnType<typeof startPhone>;
