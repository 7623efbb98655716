// npm run schema: writes schema.graphql from the code.
import 'reflect-metadata';
import fs from 'node:fs';
import { printAppSchema } from './schema.js';

fs.writeFileSync('schema.graphql', await printAppSchema());
console.log('Wrote schema.graphql');
