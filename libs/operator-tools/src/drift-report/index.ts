export { driftVerdict } from "./drift";
