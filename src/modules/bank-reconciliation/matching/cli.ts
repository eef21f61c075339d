/**
 * `npm run --silent match -- input.json`: prints the match output as JSON on stdout, exit 0;
 * exit 2 with one line on stderr for an unreadable file, bad JSON or invalid input.
 */
import { runMatchCli } from "./match-cli"

const { status, stdout, stderr } = runMatchCli(process.argv.slice(2))
process.stdout.write(stdout)
process.stderr.write(stderr)
process.exitCode = status
