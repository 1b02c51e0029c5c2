import { run } from '../../electron/cli/cli';

// Runs one fieldcode command in a fresh process and reports its peak memory, so a
// test can bound what a hostile file costs (process.resourceUsage().maxRSS is in KB).
const code = await run(process.argv.slice(2));
process.stdout.write(`\n${JSON.stringify({ code, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
