import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124022358 } from './Migration20261124022358.js';
import { Migration20261124023726 } from './Migration20261124023726.js';
import { Migration20261124024757 } from './Migration20261124024757.js';
import { Migration20261124025634 } from './Migration20261124025634.js';
import { Migration20261124054721 } from './Migration20261124054721.js';
import { Migration20261130061001 } from './Migration20261130061001.js';
import { Migration20261130063001 } from './Migration20261130063001.js';
import { Migration20261130066001 } from './Migration20261130066001.js';
import { Migration20261130068001 } from './Migration20261130068001.js';
import { Migration20261130068002 } from './Migration20261130068002.js';
import { Migration20261130068003 } from './Migration20261130068003.js';
import { Migration20261130069001 } from './Migration20261130069001.js';
import { Migration20261130069501 } from './Migration20261130069501.js';
import { Migration20261130103001 } from './Migration20261130103001.js';
import { Migration20261130104001 } from './Migration20261130104001.js';
import { Migration20261130105001 } from './Migration20261130105001.js';
import { Migration20261130110001 } from './Migration20261130110001.js';
// Every migration, in order. `npm run migration:create` writes a new file and appends it here.
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124022358', class: Migration20261124022358 },
  { name: 'Migration20261124023726', class: Migration20261124023726 },
  { name: 'Migration20261124024757', class: Migration20261124024757 },
  { name: 'Migration20261124025634', class: Migration20261124025634 },
  { name: 'Migration20261124054721', class: Migration20261124054721 },
  { name: 'Migration20261130061001', class: Migration20261130061001 },
  { name: 'Migration20261130063001', class: Migration20261130063001 },
  { name: 'Migration20261130066001', class: Migration20261130066001 },
  { name: 'Migration20261130068001', class: Migration20261130068001 },
  { name: 'Migration20261130068002', class: Migration20261130068002 },
  { name: 'Migration20261130068003', class: Migration20261130068003 },
  { name: 'Migration20261130069001', class: Migration20261130069001 },
  { name: 'Migration20261130069501', class: Migration20261130069501 },
  { name: 'Migration20261130103001', class: Migration20261130103001 },
  { name: 'Migration20261130104001', class: Migration20261130104001 },
  { name: 'Migration20261130105001', class: Migration20261130105001 },
  { name: 'Migration20261130110001', class: Migration20261130110001 },
];
