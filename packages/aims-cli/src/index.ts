import { main } from './main';

main(process.argv.slice(2), {
  out: line => process.stdout.write(`${line}\n`),
  err: line => process.stderr.write(`${line}\n`),
  // `yarn aims` runs from the repo root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
}).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`aims: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
