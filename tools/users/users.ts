/**
 * `npm run users` — console users (ADMIN, COUNTER, ANALYST) against the database the server uses (DATABASE_URL; unset
 * = the embedded SQLite file of `npm start`). The way production gets its first ADMIN (README "Production: first
 * start"):
 *
 *   GONGJI_NEW_PASSWORD='…' npm run users -- create --username li.admin --role ADMIN [--display-name 李管理]
 *   npm run users -- list | disable --username u | enable --username u | reset-password --username u
 *
 * The password comes from GONGJI_NEW_PASSWORD or standard input, never from the command line. Pending migrations are
 * applied first, as the server does at start. Every change is audited (actor `cli:<OS user>`). Exit codes: 0 done,
 * 1 fault, 2 bad command line, 3 weak or missing password, 4 user name taken, 5 no such user.
 */
import 'reflect-metadata';
import { runUsersCli } from './users-cli';

/** The first line of standard input; on a terminal, asked for twice without echo. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(prompt);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let typed = '';
      const onData = (data: Buffer) => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (ch === '\u0003') process.exit(130);
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on('data', onData);
    });
  const first = await ask('New password: ');
  const again = await ask('Repeat it: ');
  if (first !== again) {
    process.stderr.write('users: the two passwords differ\n');
    process.exit(3);
  }
  return first;
}

runUsersCli(process.argv.slice(2), {
  env: process.env,
  readPassword,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
