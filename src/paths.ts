import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found by walking up: the code runs both from src/ (tests) and dist/src/ (built). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'followup-coach') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('followup-coach package root not found');
    dir = parent;
  }
}

export const migrationsFolder = (): string => join(packageRoot(), 'drizzle');
