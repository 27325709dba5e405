// Entry point for the Pulumi CLI: the runtime calls the exported function and exports its result.
import { dataProgram } from "./src/program";

export = dataProgram;
