import { runCli } from "../live-account";
import { main } from "./main";

runCli("preflight", () => main(process.argv.slice(2)));
