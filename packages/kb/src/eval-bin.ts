import { main } from './eval-cli.ts';

process.exitCode = await main(process.argv.slice(2));
