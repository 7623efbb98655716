// The compiled server as a fresh clone runs it (`node dist/api/main.js`), as a child process:
// resolves once it prints its GraphQL address (and the lines that follow it), with its output so far.
import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';

export interface ServerProcess {
  output: () => string;
  stop: () => Promise<void>;
}

const children: ChildProcess[] = [];

/**
 * `outDir` is where the calling file compiled the server (`tsc -p . --outDir …`): each file compiles
 * apart, as test files run in parallel and a compile rewrites the files another's server is loading.
 */
export function startServerProcess(env: Record<string, string>, outDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [`${outDir}/api/main.js`], { env: { ...process.env, NODE_ENV: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 170_000); // the demo month loads first
    child.stdout!.on('data', () => {
      if (out.includes('GraphQL:')) {
        clearTimeout(timer);
        // the demo logins and TOTP sheet are printed right after the URL
        setTimeout(() => resolve({ output: () => out, stop }), 300);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** Ends every server this file started (afterAll). */
export function killServerProcesses(): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
}

/**
 * A port the kernel says is free now, for a server or an embedded PostgreSQL a test starts. Ports
 * derived from the test's pid (47000 + pid % 1000 …) lay in the kernel's ephemeral range
 * (32768–60999), where any connection of a test running beside it could already hold one.
 */
const handedOut = new Set<number>();
export async function freePort(): Promise<number> {
  for (;;) {
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(0, resolve); // every address, as the server binds
    });
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    // a server and its PostgreSQL never get the same one
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}
