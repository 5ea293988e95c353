import { type DocumentNode, type FragmentDefinitionNode, Kind } from 'graphql';

/** Documents are immutable once parsed (and cached by Apollo): their fragment maps are built once per document. */
const BY_DOCUMENT = new WeakMap<DocumentNode, ReadonlyMap<string, FragmentDefinitionNode>>();

/**
 * The document's fragment definitions by name — the same map for every step that walks the document (the selection
 * limits before validation, the introspection check, the measured limits after it).
 */
export function fragmentsOf(document: DocumentNode): ReadonlyMap<string, FragmentDefinitionNode> {
  let fragments = BY_DOCUMENT.get(document);
  if (!fragments) {
    fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    BY_DOCUMENT.set(document, fragments);
  }
  return fragments;
}
