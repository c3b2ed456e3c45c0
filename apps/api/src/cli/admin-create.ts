// `npm run admin:create -- --email ann@example.org --name "Ann" --role editor [--password-stdin]`
// Makes an administrator and prints the one-time setup link, or, with --password-stdin, sets the
// password read from standard input (for scripted set-ups).
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { createDb } from '@enkat/db';
import { ZCreateAdministratorRequest, ZPassword } from '@enkat/survey-schema';
import { createAdministrator } from '../admins/administrators.js';
import { hashPassword } from '../auth/passwords.js';
import { loadCliEnv } from './cli-env.js';

function fail(message: string): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(1);
}

const env = loadCliEnv('admin:create');
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'editor' },
    'password-stdin': { type: 'boolean', default: false },
  },
});
const input = ZCreateAdministratorRequest.safeParse({
  email: values.email,
  name: values.name ?? values.email,
  role: values.role,
});
if (!input.success) fail(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
const password = values['password-stdin'] ? ZPassword.safeParse((await text(process.stdin)).trim()) : null;
if (password && !password.success) fail('the password must be at least 12 characters');

const db = createDb(env.DATABASE_URL, { maxConnections: 2 });
try {
  const link = await createAdministrator(db, input.data, null).catch((error: Error) => fail(error.message));
  if (password?.success) {
    await db.administrator.update({
      where: { id: link.administrator.id },
      data: { passwordHash: await hashPassword(password.data), setupTokenHash: null, setupExpiresAt: null },
    });
    process.stdout.write(`Created ${link.administrator.role} ${link.administrator.email}.\n`);
  } else {
    process.stdout.write(
      `Created ${link.administrator.role} ${link.administrator.email}. Send them this one-time link (valid 7 days):\n` +
        `${env.PUBLIC_ORIGIN}/admin/setup#${link.token}\n`,
    );
  }
} finally {
  await db.$disconnect();
}
