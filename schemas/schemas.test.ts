import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateSchemas } from './generate';

test.each(Object.entries(generateSchemas()))('%s is up to date (run `make schemas`)', (name, text) => {
  expect(readFileSync(path.join(__dirname, name), 'utf8')).toBe(text);
});
