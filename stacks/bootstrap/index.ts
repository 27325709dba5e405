// Entry point for the Pulumi CLI: the runtime calls the exported function and exports its result.
import { bootstrapProgram } from "./src/program";

export = bootstrapProgram;
