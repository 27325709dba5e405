// Entry point for the Pulumi CLI: the runtime calls the exported function and exports its result.
import { monitoringProgram } from "./src/program";

export = monitoringProgram;
