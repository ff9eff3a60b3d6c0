// Reads the cloud functions' TypeScript sources (the files esbuild put into each bundle) for what deployment must
// provide: the collections each function opens, the queries it filters or sorts, and the environment variables it reads.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** A query found in the source: `where`/`match` fields and `orderBy`/`sort` fields on one collection. */
export interface FoundQuery {
  collection: string;
  /** Filtered fields (dotted for nested objects), in source order. */
  filter: string[];
  /** Sorted fields, in order. */
  sort: string[];
  /** True when part of the filter could not be read from the source (a variable built elsewhere, a spread). */
  partial: boolean;
  /** `path:line` relative to the repository. */
  at: string;
}

export interface FunctionScan {
  collections: string[];
  queries: FoundQuery[];
  envVars: string[];
  /** `.collection(x)` calls whose name could not be resolved to a string (reported, never guessed). */
  unresolved: string[];
}

/** The fields one filter or sort object names; `partial` when some of it could not be read. */
interface Fields {
  fields: string[];
  partial: boolean;
}

type FnNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

/** Argument bindings when a helper like `aggregate(db, RATINGS)` is followed into its body. */
type Bindings = ReadonlyMap<ts.ParameterDeclaration, { expr: ts.Expression; bindings: Bindings }>;
const NO_BINDINGS: Bindings = new Map();

const TERMINALS = new Set(['get', 'count', 'update', 'remove', 'end', 'watch']);

/**
 * Scans each function's source files. `files` maps a function name to the absolute paths of its bundle's project
 * inputs (not node_modules); `root` makes the reported locations relative.
 * @example scanFunctions({ user: ['/repo/cloudfunctions/user/index.ts', ...] }, '/repo').user.collections // ['counters', 'members', 'users']
 */
export function scanFunctions(files: Record<string, string[]>, root: string): Record<string, FunctionScan> {
  const sources = new Map<string, ts.SourceFile>();
  const load = (file: string): ts.SourceFile | undefined => {
    if (!sources.has(file)) {
      if (!existsSync(file)) return undefined;
      sources.set(file, ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true));
    }
    return sources.get(file);
  };
  const out: Record<string, FunctionScan> = {};
  for (const [name, list] of Object.entries(files)) {
    const scanner = new Scanner(root, load, new Set(list));
    out[name] = scanner.scan();
  }
  return out;
}

class Scanner {
  private collections = new Set<string>();
  private queries: FoundQuery[] = [];
  private envVars = new Set<string>();
  private unresolved = new Set<string>();
  private seenQueries = new Set<string>();
  /** Variables read inside a shared getter (`server/config.ts`): counted only where the getter is used. */
  private getterVars: Array<{ name: string; decl: ts.FunctionDeclaration; variable: string }> = [];

  constructor(
    private root: string,
    private load: (file: string) => ts.SourceFile | undefined,
    private files: ReadonlySet<string>,
  ) {}

  scan(): FunctionScan {
    for (const file of this.files) {
      const sf = this.load(file);
      if (sf) this.visit(sf, sf);
    }
    for (const g of this.getterVars) if (this.referenced(g.name, g.decl)) this.envVars.add(g.variable);
    return {
      collections: [...this.collections].sort(),
      queries: this.queries,
      envVars: [...this.envVars].sort(),
      unresolved: [...this.unresolved].sort(),
    };
  }

  private visit(node: ts.Node, sf: ts.SourceFile): void {
    if (ts.isPropertyAccessExpression(node) && isProcessEnv(node.expression)) this.envVar(node.name.text, node, sf);
    if (ts.isElementAccessExpression(node) && isProcessEnv(node.expression)) {
      if (ts.isStringLiteralLike(node.argumentExpression)) this.envVar(node.argumentExpression.text, node, sf);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'collection' && node.arguments.length === 1) this.collectionCall(node, sf);
      if (TERMINALS.has(method)) this.terminal(node, sf);
    }
    ts.forEachChild(node, (child) => this.visit(child, sf));
  }

  /**
   * A `process.env` read. Inside a function of the shared `server/` code (the configuration getters every function
   * bundles), it belongs to this function only if the function's files call that getter; elsewhere it always does.
   */
  private envVar(variable: string, node: ts.Node, sf: ts.SourceFile): void {
    const rel = relative(this.root, sf.fileName).split('\\').join('/');
    let fn: ts.Node | undefined = node.parent;
    while (fn && !(ts.isFunctionDeclaration(fn) && ts.isSourceFile(fn.parent))) fn = fn.parent;
    if (rel.startsWith('server/') && fn && ts.isFunctionDeclaration(fn) && fn.name) {
      this.getterVars.push({ name: fn.name.text, decl: fn, variable });
    } else {
      this.envVars.add(variable);
    }
  }

  /** Whether an identifier `name` appears in this function's files outside the declaration `decl`. */
  private referenced(name: string, decl: ts.Node): boolean {
    const found = (node: ts.Node): boolean =>
      node !== decl && ((ts.isIdentifier(node) && node.text === name) || ts.forEachChild(node, found) === true);
    for (const file of this.files) {
      const sf = this.load(file);
      if (sf && found(sf)) return true;
    }
    return false;
  }

  private where(node: ts.Node, sf: ts.SourceFile): string {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    return `${relative(this.root, sf.fileName).split('\\').join('/')}:${line}`;
  }

  /** Records the collection(s) a `.collection(x)` call can open, following `x` back to its string constants. */
  private collectionCall(call: ts.CallExpression, sf: ts.SourceFile): void {
    const names = this.stringsOf(call.arguments[0], NO_BINDINGS, new Set());
    if (names === null) this.unresolved.add(this.where(call, sf));
    else names.forEach((n) => this.collections.add(n));
  }

  /**
   * The string values an expression can have: a literal, a constant (local, top-level or imported), or a parameter
   * of a helper whose every call site (in this function's files) passes one. Null when any value is unknown.
   */
  private stringsOf(expr: ts.Expression, bindings: Bindings, seen: Set<ts.Node>): string[] | null {
    expr = skipWrappers(expr);
    if (ts.isStringLiteralLike(expr)) return [expr.text];
    if (ts.isConditionalExpression(expr)) {
      const a = this.stringsOf(expr.whenTrue, bindings, seen);
      const b = this.stringsOf(expr.whenFalse, bindings, seen);
      return a && b ? [...a, ...b] : null;
    }
    if (ts.isPropertyAccessExpression(expr)) {
      // A name in a constant table: `LIVE_WATCHED.sessions` with `const LIVE_WATCHED = { sessions: '...' } as const`.
      const table = this.constObject(expr.expression);
      const prop = table?.properties.find(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) &&
          (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) &&
          p.name.text === expr.name.text,
      );
      return prop ? this.stringsOf(prop.initializer, NO_BINDINGS, seen) : null;
    }
    if (!ts.isIdentifier(expr) || seen.has(expr)) return null;
    seen.add(expr);
    const decl = this.declarationOf(expr);
    if (!decl) return null;
    if (ts.isVariableDeclaration(decl)) {
      return decl.initializer && isConst(decl) ? this.stringsOf(decl.initializer, NO_BINDINGS, seen) : null;
    }
    if (ts.isParameter(decl)) {
      const bound = bindings.get(decl);
      if (bound) return this.stringsOf(bound.expr, bound.bindings, seen);
      return this.parameterValues(decl, seen);
    }
    return null;
  }

  /** The object literal a constant identifier is declared with, if it is one. */
  private constObject(expr: ts.Expression): ts.ObjectLiteralExpression | undefined {
    expr = skipWrappers(expr);
    if (!ts.isIdentifier(expr)) return undefined;
    const decl = this.declarationOf(expr);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !isConst(decl)) return undefined;
    const init = skipWrappers(decl.initializer);
    return ts.isObjectLiteralExpression(init) ? init : undefined;
  }

  /** Every value the call sites of the parameter's function pass for it. */
  private parameterValues(param: ts.ParameterDeclaration, seen: Set<ts.Node>): string[] | null {
    const args = this.callSiteArgs(param);
    if (!args) return null;
    const values: string[] = [];
    for (const arg of args) {
      const found = arg ? this.stringsOf(arg, NO_BINDINGS, seen) : null;
      if (!found) return null;
      values.push(...found);
    }
    // A helper no file of this function calls opens nothing here (its file came along for another export).
    return values;
  }

  /** The argument each call of the parameter's function passes for it (undefined where omitted), in these files. */
  private callSiteArgs(param: ts.ParameterDeclaration): Array<ts.Expression | undefined> | null {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    const fnName = functionName(fn);
    if (!fnName || index < 0) return null;
    const args: Array<ts.Expression | undefined> = [];
    for (const file of this.files) {
      const sf = this.load(file);
      if (!sf) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === fnName.text) {
          const target = this.declarationOf(node.expression);
          if (target && functionOf(target) === fn) args.push(node.arguments[index]);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    return args;
  }

  /** A query ends in get/count/update/remove/end/watch: walk its chain back to the collection it starts from. */
  private terminal(call: ts.CallExpression, sf: ts.SourceFile): void {
    const chains = this.chainsOf((call.expression as ts.PropertyAccessExpression).expression, NO_BINDINGS, 0);
    for (const chain of chains) {
      if (!chain.collections) continue;
      // One alternative per way the filter can be built (a helper called with different filters gives several).
      let filters: Fields[] = [{ fields: [], partial: false }];
      const sort: string[] = [];
      let sortPartial = false;
      let aggregated = false;
      for (const step of chain.steps) {
        const arg = step.args[0];
        if (step.method === 'aggregate') aggregated = true;
        else if (step.method === 'where' || (step.method === 'match' && aggregated)) {
          const options = (arg && this.fieldsOf(arg, step.bindings)) || [{ fields: [], partial: true }];
          filters = filters
            .flatMap((f) =>
              options.map((o) => ({ fields: [...f.fields, ...o.fields], partial: f.partial || o.partial })),
            )
            .slice(0, 16);
        } else if (step.method === 'orderBy' && arg) {
          const names = this.stringsOf(arg, step.bindings, new Set());
          if (names?.length === 1) sort.push(names[0]);
          else sortPartial = true;
        } else if (step.method === 'sort' && arg) {
          this.fieldsOf(arg, step.bindings)
            ?.slice(0, 1)
            .forEach((f) => sort.push(...f.fields));
        } else if (step.method === 'group' || step.method === 'project' || step.method === 'unwind') {
          // Later stages work on computed documents; an index can only serve what comes before them.
          break;
        }
      }
      for (const filter of filters) {
        const partial = filter.partial || sortPartial;
        if (filter.fields.length === 0 && sort.length === 0 && !partial) continue;
        for (const collection of chain.collections) {
          const at = this.where(call, sf);
          const q: FoundQuery = { collection, filter: unique(filter.fields), sort, partial, at };
          const key = JSON.stringify(q);
          if (!this.seenQueries.has(key)) {
            this.seenQueries.add(key);
            this.queries.push(q);
          }
        }
      }
    }
  }

  /**
   * The method calls between `.collection(x)` and the terminal, outermost last. Follows variables (`const q =
   * db.collection(X)`, `let q = ...; q = q.field(...)` keeps its first value) and helpers that return a chain.
   */
  private chainsOf(
    expr: ts.Expression,
    bindings: Bindings,
    depth: number,
  ): Array<{
    collections: string[] | null;
    steps: Array<{ method: string; args: readonly ts.Expression[]; bindings: Bindings }>;
  }> {
    expr = skipWrappers(expr);
    if (depth > 12) return [];
    if (ts.isConditionalExpression(expr)) {
      return [
        ...this.chainsOf(expr.whenTrue, bindings, depth + 1),
        ...this.chainsOf(expr.whenFalse, bindings, depth + 1),
      ];
    }
    if (ts.isCallExpression(expr)) {
      const callee = skipWrappers(expr.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        if (method === 'collection' && expr.arguments.length === 1) {
          return [{ collections: this.stringsOf(expr.arguments[0], bindings, new Set()), steps: [] }];
        }
        return this.chainsOf(callee.expression, bindings, depth + 1).map((c) => ({
          collections: c.collections,
          steps: [...c.steps, { method, args: expr.arguments, bindings }],
        }));
      }
      if (ts.isIdentifier(callee)) {
        // A helper such as `aggregate(db, RATINGS)` whose body returns a chain on one of its parameters.
        const decl = this.declarationOf(callee);
        const fn = decl && functionOf(decl);
        const returned = fn && returnedExpression(fn);
        if (!fn || !returned) return [];
        const inner = new Map(bindings);
        fn.parameters.forEach((p, i) => {
          if (expr.arguments[i]) inner.set(p, { expr: expr.arguments[i], bindings });
        });
        return this.chainsOf(returned, inner, depth + 1);
      }
      return [];
    }
    if (ts.isIdentifier(expr)) {
      const decl = this.declarationOf(expr);
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
        return this.chainsOf(decl.initializer, NO_BINDINGS, depth + 1);
      }
    }
    return [];
  }

  /**
   * Field names of a filter or sort object: a literal, a local variable holding one (plus `v.x = ...` later), or a
   * helper's parameter (one alternative per call site). Null when it cannot be read.
   */
  private fieldsOf(expr: ts.Expression, bindings: Bindings): Fields[] | null {
    expr = skipWrappers(expr);
    if (ts.isObjectLiteralExpression(expr)) return [this.objectFields(expr, bindings, '')];
    if (!ts.isIdentifier(expr)) return null;
    const decl = this.declarationOf(expr);
    if (decl && ts.isParameter(decl)) {
      const bound = bindings.get(decl);
      if (bound) return this.fieldsOf(bound.expr, bound.bindings);
      const args = this.callSiteArgs(decl);
      if (!args?.length) return null;
      const options: Fields[] = [];
      for (const arg of args)
        options.push(...((arg && this.fieldsOf(arg, NO_BINDINGS)) || [{ fields: [], partial: true }]));
      return options;
    }
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const base = this.fieldsOf(decl.initializer, NO_BINDINGS);
      if (!base) return null;
      const scope = enclosingFunction(decl) ?? decl.getSourceFile();
      const assigned: string[] = [];
      const visit = (node: ts.Node): void => {
        if (
          ts.isBinaryExpression(node) &&
          node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          ts.isPropertyAccessExpression(node.left) &&
          ts.isIdentifier(node.left.expression) &&
          node.left.expression.text === expr.text
        ) {
          assigned.push(node.left.name.text);
        }
        ts.forEachChild(node, visit);
      };
      visit(scope);
      return base.map((b) => ({ fields: [...b.fields, ...assigned], partial: b.partial }));
    }
    return null;
  }

  private objectFields(obj: ts.ObjectLiteralExpression, bindings: Bindings, prefix: string): Fields {
    const fields: string[] = [];
    let partial = false;
    for (const p of obj.properties) {
      if (ts.isShorthandPropertyAssignment(p)) {
        fields.push(prefix + p.name.text);
      } else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) {
        const value = skipWrappers(p.initializer);
        // A nested plain object filters on its fields (`{ meta: { tag } }` is `meta.tag`); operators are calls.
        if (ts.isObjectLiteralExpression(value) && !value.properties.some((q) => q.name?.getText().startsWith('$'))) {
          const inner = this.objectFields(value, bindings, `${prefix}${p.name.text}.`);
          fields.push(...inner.fields);
          partial = partial || inner.partial;
        } else {
          fields.push(prefix + p.name.text);
        }
      } else if (ts.isSpreadAssignment(p)) {
        // A spread with several possible shapes counts as unknown: only the first is taken, marked partial.
        const inner = this.fieldsOf(p.expression, bindings);
        if (inner?.[0]) fields.push(...inner[0].fields.map((f) => prefix + f));
        partial = partial || !inner || inner.length !== 1 || inner[0].partial;
      } else {
        partial = true;
      }
    }
    return { fields, partial };
  }

  /** The declaration an identifier refers to: a local or top-level binding, or the export an import names. */
  private declarationOf(id: ts.Identifier): ts.VariableDeclaration | ts.ParameterDeclaration | FnNode | undefined {
    for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
      if (isFunctionLike(scope)) {
        const param = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === id.text);
        if (param) return param;
      }
      if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope)) {
        const found = this.declarationIn(scope.statements, id.text, scope.getSourceFile());
        if (found) return found;
      }
    }
    return undefined;
  }

  private declarationIn(
    statements: ts.NodeArray<ts.Statement>,
    name: string,
    sf: ts.SourceFile,
    depth = 0,
  ): ts.VariableDeclaration | ts.ParameterDeclaration | FnNode | undefined {
    for (const s of statements) {
      if (ts.isVariableStatement(s)) {
        const d = s.declarationList.declarations.find((v) => ts.isIdentifier(v.name) && v.name.text === name);
        if (d) return d;
      }
      if (ts.isFunctionDeclaration(s) && s.name?.text === name) return s;
      if (ts.isImportDeclaration(s) && depth < 8 && ts.isStringLiteral(s.moduleSpecifier)) {
        const spec = s.importClause?.namedBindings;
        if (spec && ts.isNamedImports(spec)) {
          const el = spec.elements.find((e) => e.name.text === name);
          if (el) return this.exported(sf, s.moduleSpecifier.text, (el.propertyName ?? el.name).text, depth + 1);
        }
      }
    }
    return undefined;
  }

  /** Follows an import into the module (and its `export { x } from` / `export *` re-exports). */
  private exported(
    from: ts.SourceFile,
    specifier: string,
    name: string,
    depth: number,
  ): ts.VariableDeclaration | ts.ParameterDeclaration | FnNode | undefined {
    const file = this.resolveModule(from.fileName, specifier);
    const sf = file && this.load(file);
    if (!sf || depth > 8) return undefined;
    const direct = this.declarationIn(sf.statements, name, sf, depth);
    if (direct) return direct;
    for (const s of sf.statements) {
      if (!ts.isExportDeclaration(s) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) continue;
      const clause = s.exportClause;
      if (!clause) {
        const found = this.exported(sf, s.moduleSpecifier.text, name, depth + 1);
        if (found) return found;
      } else if (ts.isNamedExports(clause)) {
        const el = clause.elements.find((e) => e.name.text === name);
        if (el) return this.exported(sf, s.moduleSpecifier.text, (el.propertyName ?? el.name).text, depth + 1);
      }
    }
    return undefined;
  }

  private resolved = new Map<string, string | undefined>();

  private resolveModule(fromFile: string, specifier: string): string | undefined {
    const key = `${dirname(fromFile)}|${specifier}`;
    if (!this.resolved.has(key)) this.resolved.set(key, this.findModule(fromFile, specifier));
    return this.resolved.get(key);
  }

  private findModule(fromFile: string, specifier: string): string | undefined {
    let base: string;
    if (specifier.startsWith('@/')) base = join(this.root, 'src', specifier.slice(2));
    else if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier);
    else return undefined;
    return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((f) => existsSync(f) && f.endsWith('ts'));
  }
}

function isProcessEnv(expr: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(expr) &&
    expr.name.text === 'env' &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === 'process'
  );
}

function skipWrappers(expr: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(expr) ||
    ts.isAsExpression(expr) ||
    ts.isNonNullExpression(expr) ||
    ts.isSatisfiesExpression(expr) ||
    ts.isAwaitExpression(expr)
  ) {
    expr = expr.expression;
  }
  return expr;
}

function isConst(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

function isFunctionLike(node: ts.Node): node is FnNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isMethodDeclaration(node)
  );
}

function enclosingFunction(node: ts.Node): FnNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(n)) return n;
  return undefined;
}

/** The function a declaration names (`function f` or `const f = (...) => ...`). */
function functionOf(decl: ts.Node): FnNode | undefined {
  if (isFunctionLike(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = skipWrappers(decl.initializer);
    if (isFunctionLike(init)) return init;
  }
  return undefined;
}

function functionName(fn: ts.SignatureDeclaration): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return fn.name;
  if (fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name;
  return undefined;
}

/** The expression a one-statement helper returns (`return x;` or an arrow's expression body). */
function returnedExpression(fn: FnNode): ts.Expression | undefined {
  if (!fn.body) return undefined;
  if (!ts.isBlock(fn.body)) return fn.body;
  const returns = fn.body.statements.filter(ts.isReturnStatement);
  return returns.length === 1 && fn.body.statements.length === 1 ? returns[0].expression : undefined;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
