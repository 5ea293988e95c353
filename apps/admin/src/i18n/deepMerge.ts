type Tree = Record<string, unknown>;

const isTree = (value: unknown): value is Tree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Merges message trees left to right; later leaves win. Used to layer translation catalogues. */
export function deepMerge(...trees: readonly Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      out[key] = isTree(value) && isTree(out[key]) ? deepMerge(out[key] as Tree, value) : value;
    }
  }
  return out;
}
