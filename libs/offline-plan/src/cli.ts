import { startCommand } from "./start-command";

void startCommand(process.argv.slice(2)).then((code) => process.exit(code));
