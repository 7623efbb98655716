// The runner's side of a target process (bench/targets/*.ts): start it, ask it for statement
// counts and RSS, stop it. Each target runs in its own process, so the load generator (autocannon,
// in the runner) never shares an event loop with the server it measures.
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildStats, FromChild, TargetConfig, ToChild } from './targets/common.js';

export type TargetName = 'api' | 'raw' | 'postgraphile';

const here = path.dirname(fileURLToPath(import.meta.url));

export class TargetProcess {
  private nextId = 1;
  private pending = new Map<number, (s: ChildStats | undefined) => void>();

  private constructor(
    readonly name: TargetName,
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.on('message', (m: FromChild) => {
      if (m.type === 'reply') {
        this.pending.get(m.id)?.(m.stats);
        this.pending.delete(m.id);
      }
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static start(name: TargetName, config: TargetConfig): Promise<TargetProcess> {
    const child = fork(path.join(here, 'targets', `${name}.js`), [], {
      env: { ...process.env, NODE_ENV: 'production', BENCH_TARGET_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // e.g. BENCH_TARGET_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the targets
      execArgv: ['--expose-gc', ...(process.env.BENCH_TARGET_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`${name} target did not start within 120 s`));
      }, 120_000);
      child.on('message', (m: FromChild) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve(new TargetProcess(name, child, m.port));
        } else if (m.type === 'error') {
          clearTimeout(timer);
          reject(new Error(`${name} target failed: ${m.message}`));
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} target exited with code ${code}`));
      });
    });
  }

  private call(msg: Omit<ToChild, 'id'>): Promise<ChildStats> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} target did not answer ${msg.type}`)), 30_000);
      this.pending.set(id, (s) => {
        clearTimeout(timer);
        resolve(s!);
      });
      this.child.send({ ...msg, id } as ToChild);
    });
  }

  stats(): Promise<ChildStats> {
    return this.call({ type: 'stats' });
  }

  resetPeak(): Promise<ChildStats> {
    return this.call({ type: 'resetPeak' });
  }

  gc(): Promise<ChildStats> {
    return this.call({ type: 'gc' });
  }

  capture(on: boolean): Promise<ChildStats> {
    return this.call({ type: 'capture', on } as Omit<ToChild, 'id'>);
  }

  /** Starts the process's CPU profiler (a file), or stops it and writes the profile there (null). */
  profile(file: string | null): Promise<ChildStats> {
    return this.call({ type: 'profile', file } as Omit<ToChild, 'id'>);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop', id: this.nextId++ } as ToChild);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
