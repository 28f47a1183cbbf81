import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { guardedHandlers } from "@/lib/server/auth/guarded-handlers";

// Every way into the server from outside: server actions, route handlers. Each must go through
// a wrapper that checks who is asking (authorizedAction, authorizedRoute, the API's apiRoute),
// unless it is on the allow-list below, which says why it may stay open.

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const OPEN_ROUTES: Record<string, readonly string[]> = {
  // next-auth's own sign-in, sign-out and session endpoints: they are how a visitor gets a session.
  "app/api/auth/[...nextauth]/route.ts": ["GET", "POST"],
  // The public description of the API, which integrators read before they have a key.
  "app/api/v1/openapi.json/route.ts": ["GET"],
  // Paths no endpoint has: a JSON 404 naming the description, reading nothing.
  "app/api/v1/[[...path]]/route.ts": METHODS,
  // The tracking collector: public by design, it checks the write key, its sites and the rate limits itself (lib/server/tracking/collect.ts).
  "app/api/v1/collect/route.ts": ["POST"],
  // The tracking snippet, loaded by other sites' pages: the same static script for everyone.
  "app/t.js/route.ts": ["GET"],
  // Benchmark ceilings: 404 unless LEADGATE_BENCH_ROUTES=1 turns them on for a benchmark run.
  "app/api/bench/raw-events/route.ts": ["POST"],
  "app/api/bench/static/route.ts": ["GET"],
};

// The API's own wrapper checks the key and its scope; unsupportedMethods answers 405 without reading anything.
const API_WRAPPERS = new Set(["apiRoute", "unsupportedMethods"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.split(path.sep).includes("generated"))
    .map((file) => path.join(dir, file).split(path.sep).join("/"));
}

const TOP_LEVEL = readdirSync(ROOT).filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"));
const APP_SOURCES = [...TOP_LEVEL, ...["app", "components", "lib"].flatMap(sourceFiles)].filter((file) => !file.endsWith(".test.ts"));

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
}

const isUseServer = (statement: ts.Statement) =>
  ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression) && statement.expression.text === "use server";

/** The wrapper each exported binding is the result of (`export const GET = apiRoute(...)`), or null for anything else. */
function exportedWrappers(source: ts.SourceFile): Map<string, string | null> {
  const wrappers = new Map<string, string | null>();
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isVariableStatement(statement) && exported) {
      for (const declaration of statement.declarationList.declarations) {
        const call = declaration.initializer && ts.isCallExpression(declaration.initializer) ? declaration.initializer : null;
        const wrapper = call && ts.isIdentifier(call.expression) ? call.expression.text : null;
        const names = ts.isIdentifier(declaration.name) ? [declaration.name.text] : ts.isObjectBindingPattern(declaration.name) ? declaration.name.elements.map((element) => element.name.getText(source)) : [];
        for (const name of names) wrappers.set(name, wrapper);
      }
    } else if (ts.isFunctionDeclaration(statement) && exported && statement.name) {
      wrappers.set(statement.name.text, null);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) wrappers.set(element.name.text, null);
    }
  }
  return wrappers;
}

const load = (file: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path.join(ROOT, file));

describe("server actions", () => {
  const withDirective = APP_SOURCES.filter((file) => /["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8")));
  const actionModules = withDirective.filter((file) => parse(file).statements.some(isUseServer));

  test("live only in modules marked \"use server\" as a whole, where each export can be checked", () => {
    expect(withDirective.filter((file) => !actionModules.includes(file))).toEqual([]);
    expect(actionModules).toContain("lib/server/funnel/move-lead-actions.ts");
  });

  test("every exported server action is wrapped by authorizedAction", async () => {
    const unwrapped: string[] = [];
    let checked = 0;
    for (const file of actionModules) {
      for (const [name, value] of Object.entries(await load(file))) {
        checked += 1;
        if (typeof value !== "function" || !guardedHandlers.has(value)) unwrapped.push(`${file}: ${name}`);
      }
    }
    expect(unwrapped).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(40);
  });
});

describe("route handlers", () => {
  const routes = sourceFiles("app").filter((file) => file.endsWith("/route.ts"));

  test("every signed-in route uses authorizedRoute, every API route the API-key wrapper, and the rest is on the allow-list", async () => {
    const unwrapped: string[] = [];
    const seen: string[] = [];
    for (const file of routes) {
      const exports = await load(file);
      const wrappers = exportedWrappers(parse(file));
      for (const method of METHODS) {
        const handler = exports[method];
        if (handler === undefined) continue;
        seen.push(`${file} ${method}`);
        if (typeof handler === "function" && guardedHandlers.has(handler)) continue;
        if (OPEN_ROUTES[file]?.includes(method)) continue;
        if (file.startsWith("app/api/v1/") && API_WRAPPERS.has(wrappers.get(method) ?? "")) continue;
        unwrapped.push(`${file} ${method}`);
      }
    }
    expect(unwrapped).toEqual([]);
    expect(seen).toEqual(expect.arrayContaining(["app/(app)/leads/export/route.ts POST", "app/(app)/import/errors/[jobId]/route.ts GET", "app/api/live/route.ts GET", "app/api/v1/leads/route.ts GET"]));
  });

  test("the API routes' wrapper refuses a caller without a key before anything else", async () => {
    for (const file of routes.filter((candidate) => candidate.startsWith("app/api/v1/") && !(candidate in OPEN_ROUTES))) {
      const exports = await load(file);
      const wrappers = exportedWrappers(parse(file));
      for (const method of METHODS.filter((candidate) => wrappers.get(candidate) === "apiRoute")) {
        const call = exports[method] as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
        const response = await call(new Request("http://localhost/api/v1/probe", { method }), { params: Promise.resolve({ id: "probe" }) });
        expect(response.status, `${file} ${method}`).toBe(401);
        expect((await response.json()).error.code, `${file} ${method}`).toBe("unauthorized");
      }
    }
  });

  test("the allow-list names only routes that exist, so a removed route doesn't leave a stale exception", () => {
    for (const file of Object.keys(OPEN_ROUTES)) expect(routes).toContain(file);
  });
});
