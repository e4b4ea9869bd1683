/**
 * A real Chromium for the site tests: Debian's `chromium`, driven by playwright-core.
 *
 * Nothing here ever downloads a browser. Every page opened with `openPage` is watched: console
 * errors, uncaught exceptions, failed requests, HTTP errors, dialogs (an `alert` firing means
 * injected script ran) and every request that would leave the local test server (those are
 * aborted before they reach the network: the site must be whole offline).
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';

/** Flags that work as root and offline. `--disable-quic` keeps Chromium off UDP entirely. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Second line of defence behind the request routing in `openPage`: anything that is not
  // loopback (Chromium always bypasses the proxy for loopback) goes to a dead proxy port,
  // so it cannot reach the network or even the resolver.
  '--proxy-server=http://127.0.0.1:9',
];

const SETUP_HINT = 'Run `bash scripts/setup.sh test` (it installs Debian\'s chromium and poppler-utils when missing), or `apt-get install -y chromium poppler-utils`.';

/**
 * The path of Debian's Chromium: `$CRR_CHROMIUM` if set, else the first `chromium` on `PATH`
 * (what `command -v chromium` prints). Throws a clear error when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['CRR_CHROMIUM'];
  if (override) {
    if (isExecutable(override)) return override;
    throw new Error(`CRR_CHROMIUM is set to ${override}, which is not an executable file. ${SETUP_HINT}`);
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'chromium');
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(`Chromium was not found on PATH (looked for \`chromium\`). ${SETUP_HINT}`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let shared: Promise<Browser> | undefined;

/**
 * Launches Debian's Chromium headless (or returns the one already launched by this test file:
 * vitest gives each test file its own module instance, so the browser is shared per file).
 * Close it in `afterAll` with `closeBrowser()` (or `browser.close()`).
 */
export function launchBrowser(): Promise<Browser> {
  if (shared) return shared;
  const launching = (async () => {
    const executablePath = findChromium();
    const browser = await chromium.launch({
      executablePath,
      args: [...CHROMIUM_ARGS],
      headless: true,
      timeout: 30_000,
    });
    browser.on('disconnected', () => {
      if (shared === launching) shared = undefined;
    });
    return browser;
  })();
  shared = launching;
  launching.catch(() => {
    if (shared === launching) shared = undefined;
  });
  return launching;
}

/** Closes the browser shared by this test file, if one was launched. */
export async function closeBrowser(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) await (await current).close();
}

export type ProblemKind =
  /** `console.error` (and Chromium's own console errors, e.g. "Failed to load resource"). */
  | 'console'
  /** An uncaught exception or unhandled rejection in the page. */
  | 'pageerror'
  /** A request that failed at the network level (not one we blocked, nor one the page cancelled). */
  | 'requestfailed'
  /** A response with status 400 or above. */
  | 'http'
  /** A request to anywhere but the local test server: aborted before it left the browser. */
  | 'blocked'
  /** `alert`, `confirm`, `prompt` or `beforeunload`: recorded and dismissed. */
  | 'dialog'
  /** The renderer crashed. */
  | 'crash';

export interface Problem {
  kind: ProblemKind;
  message: string;
  /** The request URL, or the page URL the problem happened on. */
  url?: string;
}

export interface OpenPageOptions {
  /** Passed to `page.goto`; default `'load'`. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
  /** Origins allowed besides the page's own (and its localhost/127.0.0.1 twin). */
  allowOrigins?: string[];
  /** Options for the fresh browser context (viewport, colorScheme, javaScriptEnabled…). */
  context?: BrowserContextOptions;
  /** Navigation timeout in ms; default 15 000. */
  timeout?: number;
  /**
   * Also record requests that failed with `net::ERR_ABORTED` (cancelled by the page: a navigation
   * away, an AbortController, an unread opaque body). Off by default, as they are racy.
   */
  recordAborted?: boolean;
}

export interface OpenedPage {
  page: Page;
  /** Live list: keeps growing while the page runs. */
  problems: Problem[];
  /** The main document's response (null for about:blank and the like). */
  response: Response | null;
  /** Closes the page and its context. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function allowedOriginsFor(url: string, extra: readonly string[]): Set<string> {
  const allowed = new Set<string>();
  const page = new URL(url);
  allowed.add(page.origin);
  if (LOOPBACK_HOSTS.has(page.hostname)) {
    for (const host of LOOPBACK_HOSTS) allowed.add(`${page.protocol}//${host}${page.port ? `:${page.port}` : ''}`);
  }
  for (const origin of extra) allowed.add(new URL(origin).origin);
  return allowed;
}

function isAllowed(requestUrl: string, allowed: ReadonlySet<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return allowed.has(parsed.origin);
}

/**
 * Opens `url` in a fresh context of `browser` and watches it. Only the page's own origin (the
 * local test server, as 127.0.0.1 or localhost on the same port) is reachable: every other
 * request is aborted and recorded as a `blocked` problem. Popups and workers of the context are
 * covered too. When this resolves, the page has loaded and every console message and error
 * raised while loading has been recorded.
 */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const allowed = allowedOriginsFor(url, options.allowOrigins ?? []);
  const problems: Problem[] = [];
  const blocked = new WeakSet<Request>();
  const blockedUrls = new Set<string>();
  const context: BrowserContext = await browser.newContext({ serviceWorkers: 'block', ...options.context });

  await context.route('**/*', async (route) => {
    const request = route.request();
    if (isAllowed(request.url(), allowed)) {
      // A page closed mid-request rejects here; nothing to record.
      await route.continue().catch(() => undefined);
      return;
    }
    blocked.add(request);
    blockedUrls.add(request.url());
    problems.push({ kind: 'blocked', message: `${request.method()} ${request.resourceType()} blocked: not on the local server`, url: request.url() });
    await route.abort('blockedbyclient').catch(() => undefined);
  });

  const watch = (page: Page): void => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      // Chromium's own echo of a request we blocked: already recorded once, as `blocked`.
      if (message.text().startsWith('Failed to load resource: net::ERR_BLOCKED_BY_CLIENT') && blockedUrls.has(where)) return;
      problems.push({ kind: 'console', message: message.text(), url: where || page.url() });
    });
    page.on('pageerror', (error) => {
      problems.push({ kind: 'pageerror', message: error.stack ?? `${error.name}: ${error.message}`, url: page.url() });
    });
    page.on('requestfailed', (request) => {
      if (blocked.has(request)) return;
      // The page (or a navigation away) cancelled it: not a failure of the site's, and racy.
      if (request.failure()?.errorText === 'net::ERR_ABORTED' && !options.recordAborted) return;
      problems.push({ kind: 'requestfailed', message: `${request.method()} ${request.resourceType()} failed: ${request.failure()?.errorText ?? 'unknown error'}`, url: request.url() });
    });
    page.on('response', (response) => {
      if (response.status() < 400) return;
      problems.push({ kind: 'http', message: `${response.request().method()} ${response.status()} ${response.statusText()}`, url: response.url() });
    });
    page.on('dialog', async (dialog) => {
      problems.push({ kind: 'dialog', message: `${dialog.type()}: ${dialog.message()}`, url: page.url() });
      await dialog.dismiss().catch(() => undefined);
    });
    page.on('crash', () => {
      problems.push({ kind: 'crash', message: 'renderer crashed', url: page.url() });
    });
  };
  context.on('page', watch);

  const page = await context.newPage();
  page.on('close', () => {
    void context.close().catch(() => undefined);
  });
  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
  };

  let response: Response | null;
  try {
    response = await page.goto(url, { waitUntil: options.waitUntil ?? 'load', timeout: options.timeout ?? 15_000 });
    await settle(page);
  } catch (error) {
    await close();
    throw error;
  }
  return { page, problems, response, close };
}

/**
 * Waits for a frame and a macrotask, then round-trips to the page: every console message and
 * error raised before that point has been delivered to the listeners when this resolves.
 */
export async function settle(page: Page): Promise<void> {
  // A string, as the repo's type-check has no DOM lib.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
}

export interface CheckOptions {
  /** Problems to ignore: a predicate, or patterns matched against `kind: message url`. */
  allow?: ((problem: Problem) => boolean) | RegExp[];
}

/** One readable line per problem: `kind: message (url)`. */
export function describeProblems(problems: readonly Problem[], options: CheckOptions = {}): string[] {
  return problems.filter((problem) => !isAllowedProblem(problem, options)).map(describeProblem);
}

function describeProblem(problem: Problem): string {
  return `${problem.kind}: ${problem.message}${problem.url ? ` (${problem.url})` : ''}`;
}

function isAllowedProblem(problem: Problem, options: CheckOptions): boolean {
  const { allow } = options;
  if (!allow) return false;
  if (typeof allow === 'function') return allow(problem);
  const line = describeProblem(problem);
  return allow.some((pattern) => pattern.test(line));
}

/**
 * Throws, listing every problem, unless the page raised none (apart from `allow`ed ones).
 * For a readable diff in a test, `expect(describeProblems(problems)).toEqual([])` works too.
 */
export function checkNothingLeaked(problems: readonly Problem[], options: CheckOptions = {}): void {
  const lines = describeProblems(problems, options);
  if (lines.length === 0) return;
  throw new Error(`The page raised ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.map((line) => `  - ${line}`).join('\n')}`);
}

/**
 * Wait until an expression is true in the page, polling from Node. (Playwright's string
 * predicates are evaluated with `eval` when they poll, which the site's Content-Security-Policy
 * rightly forbids.) Returns whether it became true within the timeout.
 */
export async function waitInPage(page: Page, expression: string, timeoutMs = 15_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if ((await page.evaluate(expression).catch(() => false)) === true) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
