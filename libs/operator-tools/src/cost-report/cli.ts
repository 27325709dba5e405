import { runCli } from "../live-account";
import { main } from "./main";

runCli("cost-report", () => main(process.argv.slice(2)));
