import { runCli } from "../live-account";
import { main } from "./main";

runCli("verify", () => main(process.argv.slice(2), { out: (text) => console.log(text) }));
