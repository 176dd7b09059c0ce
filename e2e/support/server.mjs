// A private Construbot for one test file: its own database, users, port and Redis prefix.
//
//   const app = await startApp();
//   await app.createUser({ email, password, level: 'director', customer, company, name });
//   ... app.baseUrl ...
//   await app.stop();

import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = join(repoRoot, 'e2e', 'artifacts');

const settings = {
  adminDatabaseUrl:
    process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  binary: fromRoot(process.env.CONSTRUBOT_BIN ?? 'target/debug/construbot'),
  spaDir: fromRoot(process.env.SPA_DIR ?? 'dist'),
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

const HEALTH_TIMEOUT_MS = 30_000;

function fromRoot(path) {
  return isAbsolute(path) ? path : join(repoRoot, path);
}

/**
 * Starts a server on a fresh database. Call `stop()` in an `after` hook. `env` adds or
 * overrides server settings, e.g. `{ LOGIN_LIMIT_PER_EMAIL: '2' }`.
 */
export async function startApp({ env: overrides = {} } = {}) {
  checkPrerequisites();
  const suffix = randomBytes(6).toString('hex');
  const database = `construbot_e2e_${suffix}`;
  const databaseUrl = withDatabase(settings.adminDatabaseUrl, database);
  const storageDir = await mkdtemp(join(tmpdir(), 'construbot-e2e-storage-'));
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: settings.redisUrl,
    REDIS_PREFIX: `construbot_e2e_${suffix}:`,
    SPA_DIR: settings.spaDir,
    STORAGE_URL: `file://${storageDir}`,
    RUST_LOG: process.env.RUST_LOG ?? 'info',
    ...overrides,
  };

  await admin(`CREATE DATABASE "${database}"`);
  let server;
  try {
    await construbot(['migrate'], env);
    const port = await freePort();
    server = startServer({ ...env, HOST: '127.0.0.1', PORT: String(port) }, suffix);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(baseUrl, server);
    return {
      baseUrl,
      createUser: (user) => createUser(user, env),
      stop: () => stop(server, database, storageDir),
    };
  } catch (error) {
    await stop(server, database, storageDir);
    throw error;
  }
}

function checkPrerequisites() {
  if (!existsSync(settings.binary)) {
    throw new Error(`No server binary at ${settings.binary}: build it or set CONSTRUBOT_BIN.`);
  }
  if (!existsSync(join(settings.spaDir, 'index.html'))) {
    throw new Error(`No SPA in ${settings.spaDir}: run 'trunk build' or set SPA_DIR.`);
  }
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(sql) {
  await run('psql', [settings.adminDatabaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql]);
}

async function construbot(args, env) {
  try {
    return await run(settings.binary, args, { env, cwd: repoRoot });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw new Error(`construbot ${args[0]} failed: ${output || error.message}`);
  }
}

/**
 * Creates a user, or adds `company` to an existing one. `level` is one of auxiliar,
 * coordinador, director, corporativo, soporte, superusuario.
 */
async function createUser({ email, password, level, customer, company, name }, env) {
  const args = ['create-user', '--email', email, '--password', password, '--level', level];
  args.push('--customer', customer, '--company', company);
  if (name) args.push('--name', name);
  await construbot(args, env);
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

function startServer(env, suffix) {
  mkdirSync(artifactsDir, { recursive: true });
  const log = createWriteStream(join(artifactsDir, `server-${suffix}.log`));
  const child = spawn(settings.binary, ['serve'], { env, cwd: repoRoot });
  child.output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      log.write(chunk);
      child.output = (child.output + chunk).slice(-4000);
    });
  }
  child.exited = new Promise((resolveExit) => {
    child.once('exit', (code, signal) => {
      log.end();
      resolveExit({ code, signal });
    });
  });
  return child;
}

async function waitUntilHealthy(baseUrl, server) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let exited = null;
  server.exited.then((status) => (exited = status));

  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`construbot serve exited (${JSON.stringify(exited)}):\n${server.output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  const waited = `${HEALTH_TIMEOUT_MS} ms`;
  throw new Error(`construbot serve was not healthy within ${waited}:\n${server.output}`);
}

async function stop(server, database, storageDir) {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    const killer = setTimeout(() => server.kill('SIGKILL'), 5000);
    await server.exited;
    clearTimeout(killer);
  }
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await rm(storageDir, { recursive: true, force: true });
}
