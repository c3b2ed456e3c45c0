import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export type TManagedProcess = {
  name: string;
  child: ChildProcess;
  isAlive(): boolean;
  /** Resolves when the process has exited (signal first, SIGKILL after graceMs). */
  stop(graceMs?: number): Promise<void>;
};

export type TSpawnOptions = {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A file to append the process's output to; default: this terminal. */
  logFile?: string;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
};

export function spawnManaged(options: TSpawnOptions): TManagedProcess {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: options.logFile ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  if (options.logFile) {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      options.onExit?.(code, signal);
      resolve();
    });
  });
  return {
    name: options.name,
    child,
    isAlive: () => !exited,
    async stop(graceMs = 10_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}
