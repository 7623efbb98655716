// Every test file: a statement sent on a connection that is still running another fails the test
// that sent it. pg 8 only queues it with a deprecation warning (once per process), pg 9 refuses
// it; inside a transaction it is always a Promise.all over one connection.
import { afterEach } from 'vitest';

let overlap: Error | undefined;
process.on('warning', (w) => {
  if (w.name === 'DeprecationWarning' && w.message.includes('already executing a query')) overlap ??= w;
});

afterEach(async () => {
  // the warning is emitted on the next tick of the call that caused it
  await new Promise((r) => setImmediate(r));
  if (!overlap) return;
  const w = overlap;
  overlap = undefined;
  throw new Error(`A statement was sent on a connection still running another:\n${w.stack}`);
});
