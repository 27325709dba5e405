import * as fs from "node:fs";
import * as path from "node:path";

/** Inputs as Nx writes them in nx.json and a project's `nx` section (Nx "Inputs and Named Inputs" reference). */
export type NxInput = string | Readonly<Record<string, unknown>>;
export type NamedInputs = Readonly<Record<string, readonly NxInput[]>>;

/** One npm workspace package, i.e. one Nx project, as its package.json declares it. */
export interface WorkspaceProject {
  readonly name: string;
  /** Folder relative to the workspace root, with `/` separators. */
  readonly root: string;
  /** Workspace packages it loads when it runs (package.json `dependencies`; devDependencies are for its tests). */
  readonly dependencies: readonly string[];
  readonly implicitDependencies: readonly string[];
  readonly namedInputs: NamedInputs;
  readonly targets: Readonly<Record<string, { readonly inputs?: readonly NxInput[] }>>;
}

export interface Workspace {
  readonly root: string;
  readonly projects: ReadonlyMap<string, WorkspaceProject>;
  readonly namedInputs: NamedInputs;
  readonly targetDefaults: Readonly<Record<string, { readonly inputs?: readonly NxInput[] }>>;
}

interface PackageJson {
  name?: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  nx?: {
    implicitDependencies?: string[];
    namedInputs?: Record<string, NxInput[]>;
    targets?: Record<string, { inputs?: NxInput[] }>;
  };
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

/** The folders the root package.json's `workspaces` name; only the `<folder>/*` form is used here. */
function workspaceFolders(root: string, patterns: readonly string[]): string[] {
  return patterns.flatMap((pattern) => {
    const match = /^([A-Za-z0-9_.-]+)\/\*$/.exec(pattern);
    if (!match) throw new Error(`package.json workspaces: '${pattern}' is not of the form <folder>/*, the only form affected-stacks reads`);
    const parent = path.join(root, match[1]);
    return fs
      .readdirSync(parent)
      .filter((entry) => fs.existsSync(path.join(parent, entry, "package.json")))
      .map((entry) => `${match[1]}/${entry}`);
  });
}

/** The workspace's projects and Nx settings, read from the files Nx itself reads (package.json files and nx.json). */
export function readWorkspace(root: string): Workspace {
  const rootPackage = readJson<PackageJson>(path.join(root, "package.json"));
  const nxJson = readJson<{ namedInputs?: NamedInputs; targetDefaults?: Workspace["targetDefaults"] }>(path.join(root, "nx.json"));
  const packages = workspaceFolders(root, rootPackage.workspaces ?? []).map((folder) => ({
    folder,
    json: readJson<PackageJson>(path.join(root, folder, "package.json")),
  }));
  const names = new Set(packages.map(({ json }) => json.name));
  const projects = new Map<string, WorkspaceProject>();
  for (const { folder, json } of packages) {
    if (!json.name) throw new Error(`${folder}/package.json has no name`);
    projects.set(json.name, {
      name: json.name,
      root: folder,
      dependencies: Object.keys(json.dependencies ?? {}).filter((dependency) => names.has(dependency)),
      implicitDependencies: json.nx?.implicitDependencies ?? [],
      namedInputs: json.nx?.namedInputs ?? {},
      targets: json.nx?.targets ?? {},
    });
  }
  return { root, projects, namedInputs: nxJson.namedInputs ?? {}, targetDefaults: nxJson.targetDefaults ?? {} };
}
