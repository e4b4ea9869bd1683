/**
 * A register folder as the walk sees it, whatever holds it: the disk (`fs-tree.ts`) or a commit
 * of a git repository (`git-tree.ts`). The walk (`walk-register.ts`) holds the folder policy,
 * which entries count and what is said about the others; a tree only answers questions about
 * what is there, so the two sources cannot drift apart.
 *
 * Paths are `/`-separated and relative to the register folder ('' is the folder itself), and
 * always *real*: no link on the way. The walk names entries by the path it reached them through
 * and asks the tree by their real path.
 */

/** What an entry of a folder is. `special`: a pipe, socket or device; `submodule`: a git submodule. */
export type EntryKind = 'file' | 'folder' | 'link' | 'special' | 'submodule';

/** For a `special` entry, what it is, as the diagnostic names it. */
export type SpecialKind = 'fifo' | 'socket' | 'device' | 'other';

export interface TreeEntry {
  name: string;
  kind: EntryKind;
  /** Set only when kind is `special`. */
  special?: SpecialKind;
}

/**
 * Where a link leads, resolved as `realpath` would (every link on the way followed): to an entry
 * inside the register folder (`path` real, '' for the folder itself), nowhere, or out of the
 * folder (`abs` is shown to the user; `ref` is the tree's own note of the place, for `outsideKinds`).
 */
export type LinkTarget =
  | { where: 'inside'; path: string; kind: EntryKind; special?: SpecialKind }
  | { where: 'broken' }
  | { where: 'outside'; abs: string; ref?: string };

/** What lies at the end of a link that leads out: only folders and YAML files matter to the policy. */
export type OutsideKind = 'folder' | 'other' | 'missing';

/** A file read: its bytes, or why not. `cause` completes "The file could not be read (…)". */
export type ReadResult = { kind: 'bytes'; bytes: Buffer } | { kind: 'too-large'; size: number } | { kind: 'unreadable'; cause: string; hint: string };

/**
 * The questions the walk asks. `list` and `followLink` answer at once (a git tree lists the whole
 * folder up front); `outsideKinds` and `read` take every path in one call, so that a git tree
 * answers them with one git process each, however many files the register has.
 */
export interface RegisterTree {
  /** The entries of a real folder, in any order; `unreadable` names why it could not be listed. */
  list(folder: string): readonly TreeEntry[] | { unreadable: string };
  /** Where the link at this real path leads. */
  followLink(path: string): LinkTarget;
  /** For links that lead out of the folder, in order, what they lead to. */
  outsideKinds(targets: readonly Extract<LinkTarget, { where: 'outside' }>[]): Promise<OutsideKind[]>;
  /** Real paths of files, in order; a file larger than `maxBytes` is refused without being read. */
  read(paths: readonly string[], maxBytes: number): Promise<ReadResult[]>;
}
