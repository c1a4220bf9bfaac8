import { defineConfig } from 'drizzle-kit';

// Generation needs no database: `npm run db:generate` diffs src/db/schema.ts and schema-manager.ts against drizzle/meta.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/db/schema-manager.ts'],
  out: './drizzle',
});
