// Entry point for the Pulumi CLI: the runtime calls the exported function and exports its result.
import { accessProgram } from "./src/program";

export = accessProgram;
