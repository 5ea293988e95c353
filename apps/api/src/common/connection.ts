import { detailParam } from '@gongji/domain';
import { type GraphQLError, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './error-detail';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'More items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

/** Opaque cursor = base64("offset:<n>"), n = 0-based index of the item in the ordered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

export function decodeCursorOrThrow(cursor: string): number {
  const m = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m)
    throw badUserInput(`"${cursor}" is not a cursor of this list`, detailParam('NOT_A_CURSOR', { cursor }));
  return Number(m[1]);
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

/** Validates `first` (1–100, API.md) and `after`, returning the SQL window. */
/** BAD_USER_INPUT on `first` outside 0–MAX_PAGE_SIZE (also raised before execution by the query limits, with HTTP 400). */
export function pageSizeOutOfRange(first: unknown, extensions: Record<string, unknown> = {}): GraphQLError {
  return badUserInput(
    `first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`,
    detailParam('PAGE_SIZE_OUT_OF_RANGE', { max: MAX_PAGE_SIZE, first: String(first) }),
    { field: ['first'], ...extensions },
  );
}

export function pageRequestOrThrow(
  first: number | null | undefined,
  after: string | null | undefined,
): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) throw pageSizeOutOfRange(first);
  return { offset: after ? decodeCursorOrThrow(after) + 1 : 0, limit };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function toConnection<T>(nodes: T[], page: PageRequest, totalCount: number): Connection<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: page.offset + nodes.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Builds the `<Name>Edge` and `<Name>Connection` types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `An edge to a ${name}.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  // Abstract: the concrete `<Name>Connection` subclass carries the name and description.
  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/**
 * Does the query select `name` directly on this field (through fragments too)? Lets a list skip work nobody asked
 * for, e.g. counting every matching row for `totalCount` (issue #11).
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsPath(info, [name]);
}

/**
 * Does the query select the nested field `path` under this field (e.g. `['edges', 'node', 'postings']`), through
 * fragments too? Lets a page bring what will be asked for in the same statement (issue #11).
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const within = (set: SelectionSetNode | undefined, depth: number, seen: ReadonlySet<string>): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== path[depth]) return false;
        return depth === path.length - 1 || within(s.selectionSet, depth + 1, seen);
      }
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet, depth, seen);
      if (seen.has(s.name.value)) return false;
      return within(info.fragments[s.name.value]?.selectionSet, depth, new Set([...seen, s.name.value]));
    });
  return info.fieldNodes.some((node) => within(node.selectionSet, 0, new Set()));
}

/**
 * The names of the fields the query selects at the end of `path` under this field (through fragments), or null when
 * the path is not selected. Lets a page read only the columns the query will show.
 */
export function selectedFieldsAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> | null {
  let found = false;
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: ReadonlySet<string>): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        if (depth === path.length) names.add(s.name.value);
        else if (s.name.value === path[depth]) {
          if (depth === path.length - 1) found = true;
          visit(s.selectionSet, depth + 1, seen);
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, depth, seen);
      else if (!seen.has(s.name.value)) {
        visit(info.fragments[s.name.value]?.selectionSet, depth, new Set([...seen, s.name.value]));
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0, new Set());
  return found ? names : null;
}

/**
 * A page read with one row more than asked for (`rows.length > page.limit` means another page follows), so no
 * count is needed for `hasNextPage`; `totalCount` is the count when it was asked for (else never resolved).
 */
export function toPageConnection<T>(rows: T[], page: PageRequest, totalCount: number | null): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    totalCount: totalCount ?? -1,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** The fields a query selects under a field: field name → what it selects under it (empty for a leaf). */
export type SelectionTree = Map<string, SelectionTree>;

/**
 * The merged selection at the end of `path` under this field (aliases and fragments folded in, `@skip`/`@include`
 * ignored: a superset), or null when the path is not selected. Lets a page read exactly what the query will show.
 */
export function selectionTreeAt(info: GraphQLResolveInfo, path: readonly string[]): SelectionTree | null {
  const root: SelectionTree = new Map();
  const merge = (set: SelectionSetNode | undefined, into: SelectionTree, seen: ReadonlySet<string>): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        // A field asked with arguments gets a key no page shape knows (`name(…)`), so a page read as JSON never
        // answers it with the argument-less value (e.g. fundingSources(includeRevoked: true)).
        const key = s.arguments?.length ? `${s.name.value}(…)` : s.name.value;
        let child = into.get(key);
        if (!child) into.set(key, (child = new Map()));
        merge(s.selectionSet, child, seen);
      } else if (s.kind === Kind.INLINE_FRAGMENT) merge(s.selectionSet, into, seen);
      else if (!seen.has(s.name.value)) {
        merge(info.fragments[s.name.value]?.selectionSet, into, new Set([...seen, s.name.value]));
      }
    }
  };
  for (const node of info.fieldNodes) merge(node.selectionSet, root, new Set());
  let at: SelectionTree | undefined = root;
  for (const name of path) {
    at = at.get(name);
    if (!at) return null;
  }
  return at;
}

/**
 * The names selected under `tree` (`__typename` left out) when every one is a leaf in `allowed`, else null: the check a
 * page read as JSON makes before answering a nested object's fields itself.
 */
export function leafFieldsWithin<F extends string>(
  tree: SelectionTree,
  allowed: ReadonlySet<string>,
): F[] | null {
  const fields: F[] = [];
  for (const [name, sub] of tree) {
    if (name === '__typename') continue;
    if (!allowed.has(name) || sub.size > 0) return null;
    fields.push(name as F);
  }
  return fields;
}
