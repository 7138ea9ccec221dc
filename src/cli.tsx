/**
 * Entry point of the `kinesis-lab` bin. It only prepares the process (colours, warnings) and then loads
 * the composition root lazily, so `--version` and `--help` answer without loading Ink or the SDK.
 */
const warnings: Error[] = [];
// The SDK announces its Node version policy with process.emitWarning; printed, it would tear the
// full-screen UI and pollute --json output. Keep warnings instead, for the plain outputs to show.
process.removeAllListeners('warning');
process.on('warning', (warning) => warnings.push(warning));
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

const { main } = await import('./cli/main.js');
process.exitCode = await main(process.argv.slice(2), process.env, warnings);
