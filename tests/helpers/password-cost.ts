// The test suite signs in hundreds of times: its password hashes use a cheap scrypt cost
// (set from code; api/auth/password.ts refuses it under NODE_ENV=production). Imported for its
// effect by server.ts and factories.ts. tests/api/throttling.test.ts restores the real cost
// where it checks the cost and the rehash.
import { setPasswordCostForTests, type ScryptCost } from '../../api/auth/password.js';

export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
setPasswordCostForTests(TEST_PASSWORD_COST);
