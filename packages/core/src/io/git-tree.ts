import { isAbsolute, join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { catFiles, kindOf, kindsAt, lsTree, MAX_LINK_BYTES, MAX_LINKS, underTop, type GitEntry, type NodeKind } from './git-objects.js';
import type { GitContext } from './git-run.js';
import type { EntryKind, LinkTarget, OutsideKind, ReadResult, RegisterTree, TreeEntry } from './register-tree.js';

interface Node {
  name: string;
  kind: NodeKind;
  sha: string;
  size: number | undefined;
}

const ENTRY_KIND: Record<NodeKind, EntryKind> = { folder: 'folder', file: 'file', link: 'link', other: 'submodule' };

/** Where a link out of the register leads, as the tree notes it: a path in the repository, if it stays there. */
const REPO = 'repo:';

/**
 * The register folder at `root` (its real path from the top of the repository, '' for the top)
 * in a commit, as a tree for the walk. The whole folder is listed with one `ls-tree -r`, and every
 * link's target read with one `cat-file --batch`, up front: they are small, and resolving one
 * link may need others. Files are read together, in one more `cat-file --batch`.
 *
 * Links are resolved as `realpath` would resolve them on a checkout: inside the register, through
 * the listing; outside it, the path is taken as written (the rest of the repository is not listed),
 * and what it leads to is asked of git (`cat-file --follow-symlinks`) or, beyond the repository,
 * of the disk, as a checkout would see it.
 */
export async function gitTree(options: { top: string; commit: string; root: string; listing: readonly GitEntry[]; context: GitContext }): Promise<RegisterTree> {
  const { top, commit, root, listing, context } = options;

  // Folders by path from the register folder ('' is the folder itself), each a map of its entries.
  const folders = new Map<string, Map<string, Node>>([['', new Map()]]);
  const skip = root === '' ? 0 : root.length + 1;
  for (const entry of listing) {
    if (root !== '' && !entry.path.startsWith(`${root}/`)) continue;
    const parts = entry.path.slice(skip).split('/');
    let dir = '';
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i]!;
      const sub = dir === '' ? name : `${dir}/${name}`;
      if (!folders.has(sub)) {
        folders.get(dir)!.set(name, { name, kind: 'folder', sha: '', size: undefined });
        folders.set(sub, new Map());
      }
      dir = sub;
    }
    const name = parts[parts.length - 1]!;
    folders.get(dir)!.set(name, { name, kind: kindOf(entry), sha: entry.sha, size: entry.size });
  }

  const linkShas: string[] = [];
  for (const entries of folders.values()) for (const n of entries.values()) if (n.kind === 'link' && (n.size ?? 0) <= MAX_LINK_BYTES) linkShas.push(n.sha);
  const linkBlobs = await catFiles(top, linkShas, context);
  const linkTarget = (n: Node) => ((n.size ?? 0) <= MAX_LINK_BYTES ? linkBlobs.get(n.sha)?.toString('utf8') : undefined);

  const rootParts = root === '' ? [] : root.split('/');
  const lookup = (rel: string): Node | undefined => {
    const i = rel.lastIndexOf('/');
    return folders.get(i < 0 ? '' : rel.slice(0, i))?.get(i < 0 ? rel : rel.slice(i + 1));
  };

  /** As `realpath` would resolve link `target` found in folder `dir` (a real path from the register folder). */
  function resolveLink(dir: string, target: string): LinkTarget {
    let at = [...rootParts, ...(dir === '' ? [] : dir.split('/'))];
    let queue = target.split('/');
    const leaveTop = (rest: string[]): LinkTarget => ({ where: 'outside', abs: resolve(top, ...at, ...rest) });
    const restart = (abs: string): LinkTarget | undefined => {
      const rel = underTop(top, abs);
      if (rel === undefined) return { where: 'outside', abs: resolve(abs, ...queue) };
      at = [];
      queue = [...rel.split('/'), ...queue];
      return undefined;
    };
    if (isAbsolute(target)) {
      queue = [];
      const r = restart(target);
      if (r) return r;
    }
    const within = () => at.length >= rootParts.length && rootParts.every((p, i) => at[i] === p);
    let hops = 1;
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (at.length === 0) return leaveTop(['..', ...queue]);
        at.pop();
        continue;
      }
      if (!within()) {
        at.push(part);
        continue;
      }
      const node = folders.get(at.slice(rootParts.length).join('/'))?.get(part);
      if (!node) return { where: 'broken' };
      if (node.kind === 'folder') at.push(part);
      else if (node.kind === 'link') {
        const next = linkTarget(node);
        if (next === undefined || ++hops > MAX_LINKS) return { where: 'broken' };
        if (isAbsolute(next)) {
          const r = restart(next);
          if (r) return r;
        } else queue = [...next.split('/'), ...queue];
      } else {
        if (queue.length > 0) return { where: 'broken' }; // a path through a file (ENOTDIR), or into a submodule
        at.push(part);
      }
    }
    if (!within()) return { where: 'outside', abs: join(top, ...at), ref: REPO + at.join('/') };
    const path = at.slice(rootParts.length).join('/');
    if (path === '') return { where: 'inside', path, kind: 'folder' };
    const node = lookup(path);
    return node ? { where: 'inside', path, kind: ENTRY_KIND[node.kind] } : { where: 'broken' };
  }

  return {
    list(folder: string): readonly TreeEntry[] {
      return [...(folders.get(folder)?.values() ?? [])].map((n) => ({ name: n.name, kind: ENTRY_KIND[n.kind] }));
    },

    followLink(path: string): LinkTarget {
      const node = lookup(path);
      const to = node && linkTarget(node);
      if (to === undefined) return { where: 'broken' };
      const i = path.lastIndexOf('/');
      return resolveLink(i < 0 ? '' : path.slice(0, i), to);
    },

    async outsideKinds(targets): Promise<OutsideKind[]> {
      const inRepo = targets.flatMap((t) => (t.ref?.startsWith(REPO) ? [t.ref.slice(REPO.length)] : []));
      const kinds = await kindsAt(top, commit, inRepo, context);
      return targets.map((t) => {
        if (t.ref?.startsWith(REPO)) return kinds.get(t.ref.slice(REPO.length)) ?? 'other';
        try {
          return statSync(t.abs).isDirectory() ? 'folder' : 'other'; // beyond the repository: as on disk
        } catch {
          return 'missing';
        }
      });
    },

    async read(paths: readonly string[], maxBytes: number): Promise<ReadResult[]> {
      const nodes = paths.map(lookup);
      const tooLarge = (n: Node | undefined) => n !== undefined && (n.size ?? 0) > maxBytes;
      const wanted = nodes.flatMap((n) => (n && !tooLarge(n) ? [n.sha] : []));
      const blobs = await catFiles(top, wanted, context);
      return nodes.map((n): ReadResult => {
        if (n && tooLarge(n)) return { kind: 'too-large', size: n.size ?? 0 };
        const bytes = n && blobs.get(n.sha);
        return bytes
          ? { kind: 'bytes', bytes }
          : { kind: 'unreadable', cause: 'its object is missing from the repository', hint: 'Check the repository with `git fsck`.' };
      });
    },
  };
}
