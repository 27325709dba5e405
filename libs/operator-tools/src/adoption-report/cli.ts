import { runCli } from "../live-account";
import { main } from "./main";

runCli("adoption-report", () => main(process.argv.slice(2)));
