export { main, USAGE } from "./main";
export { selectStacks, deployableStacks, type SelectedStack } from "./select";
export { readWorkspace, type Workspace } from "./workspace";
