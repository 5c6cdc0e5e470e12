#!/usr/bin/env node
/*
 * Prints a fenced code block of a README, chosen by its title: the adopter check applies the
 * READMEs' own install snippets, so a README that drifts from what works fails the check.
 *
 *   node readme-block.js <README.md> <title> [<nth, from 1>]
 *
 * A block is titled in its info string: ```ts title="packages/backend/src/index.ts"
 */
const fs = require('fs');

const [file, title, nth = '1'] = process.argv.slice(2);
if (!file || !title) {
  console.error('usage: readme-block.js <README.md> <title> [<nth>]');
  process.exit(2);
}
const blocks = [];
let current;
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (current === undefined) {
    const open = line.match(/^```\S*.*\btitle="([^"]+)"/);
    if (open) current = { title: open[1], lines: [] };
  } else if (line.startsWith('```')) {
    blocks.push(current);
    current = undefined;
  } else {
    current.lines.push(line);
  }
}
const matching = blocks.filter(b => b.title === title);
const block = matching[Number(nth) - 1];
if (!block) {
  console.error(
    `${file}: no code block #${nth} titled "${title}" (found ${matching.length})`,
  );
  process.exit(1);
}
process.stdout.write(`${block.lines.join('\n')}\n`);
