export { driftedResources, driftVerdict, type DriftedResource, type DriftVerdict } from "./drift";
