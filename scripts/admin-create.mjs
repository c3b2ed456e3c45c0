// `npm run admin:create -- --email ann@example.org --name "Ann" --role editor [--password-stdin]`
// Makes an administrator in DATABASE_URL, or in the embedded database (running or not).
import { spawn } from 'node:child_process';
import { build } from './lib/build.mjs';
import { openScriptDatabase } from './lib/database-url.mjs';
import { fail, ROOT } from './lib/util.mjs';

await build({ web: false, log: () => {} });
const db = await openScriptDatabase().catch((error) => fail(error.message));
const child = spawn(process.execPath, ['apps/api/dist/cli/admin-create.js', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: db.url },
});
const code = await new Promise((resolve) => child.once('exit', resolve));
await db.stop();
process.exit(typeof code === 'number' ? code : 1);
