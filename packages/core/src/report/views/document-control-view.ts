/**
 * Document control (DCB0129/DCB0160): the version approved, by whom, in which role, when and as
 * which content; whether the register is still that content and, when it is not, what changed;
 * and the version history, from the approvals. What changed is read from git by the CLI and
 * given in (`ReportOptions.changesSinceApproval`): this view only words it.
 */
import { approvalsInDateOrder, latestApproval } from '../../model/approval.js';
import type { ApprovalChange } from '../../diff/approval-changes.js';
import type { Ref } from '../report-data.js';
import type { ReportContext } from './report-context.js';

/** What the CLI found in git about the approved content (see core's io/approved-revision.ts). */
export type ChangesSinceApproval =
  /** The approved content is `commit` (full sha) of `date`; `changes` is what changed since. */
  | { kind: 'found'; commit: string; date: string; changes: ApprovalChange[] }
  | { kind: 'no-git'; why: 'not-a-repository' | 'git-missing' }
  | { kind: 'not-found'; searched: number; limit: number; shallow: boolean };

export interface ApprovalView {
  version: string;
  fingerprint: string;
  by: string;
  role: string;
  date: string;
  comment?: string;
  /** The register's content now is the content this approval names. */
  isContentNow: boolean;
}

export interface DocumentControlView {
  /** The content fingerprint now, and the manifest's version. */
  fingerprint: string;
  version: string;
  /** The approval in force: the latest by date. */
  approval?: ApprovalView;
  /** Only the older `approved` date is recorded, without who or which content. */
  approvedDate?: string;
  /** The register is the content of the approval in force. False without an approval with a fingerprint. */
  matches: boolean;
  /** When an approval is in force and the content is not its: one line, and the changes when git had them. */
  changes?: { line: string; commit?: string; items: { text: string; hazard?: Ref }[] };
  /** Every approval, in date order: the version history. */
  history: ApprovalView[];
}

/** The one line that says what is known of the changes since the approval. */
function changesLine(changes: ChangesSinceApproval | undefined): string {
  if (!changes) return 'What changed since is not listed: this report was built without reading the register\'s git history.';
  switch (changes.kind) {
    case 'found':
      return `The approved content is that of commit ${changes.commit.slice(0, 12)} (${changes.date}). Changed since:`;
    case 'no-git':
      return changes.why === 'git-missing'
        ? 'What changed since cannot be listed: git could not be run to read the register\'s history.'
        : 'What changed since cannot be listed: the register is not in a git repository.';
    case 'not-found':
      return changes.searched >= changes.limit
        ? `What changed since cannot be listed: the approved content is not in the last ${changes.limit} commits that changed the register, where the search stops.`
        : `What changed since cannot be listed: ${
            changes.searched === 0 ? 'no commit in the git history has changed the register yet' : `the approved content is not in ${changes.searched === 1 ? 'the one commit' : `any of the ${changes.searched} commits`} that changed the register`
          }${changes.shallow ? ' (this is a shallow clone: fetch the full history)' : ''}.`;
  }
}

/**
 * The document-control block of the overview and the safety case. `linked` says which hazards
 * have a page in this site (a scoped site has fewer): only those are links. `fingerprint` is the
 * one the title block computed (meta-view.ts): hashing the register again costs a national
 * register a second pass over all its content.
 */
export function documentControlView(rc: ReportContext, fingerprint: string, changes: ChangesSinceApproval | undefined, linked: ReadonlySet<string>): DocumentControlView {
  const m = rc.ctx.register.manifest;
  const view = (a: NonNullable<NonNullable<typeof m>['approvals']>[number]): ApprovalView => ({
    version: a.version,
    fingerprint: a.fingerprint,
    by: a.by,
    role: a.role,
    date: a.date,
    ...(a.comment ? { comment: a.comment } : {}),
    isContentNow: a.fingerprint === fingerprint,
  });
  const history = approvalsInDateOrder(m?.approvals).map(view);
  const latest = latestApproval(m?.approvals);
  const approval = latest ? view(latest) : undefined;
  const matches = approval?.isContentNow ?? false;
  const item = (c: ApprovalChange) => ({
    text: c.text,
    ...(c.hazard && linked.has(c.hazard) ? { hazard: rc.links.hazard(c.hazard) } : {}),
  });
  return {
    fingerprint,
    version: m?.version ?? '',
    ...(approval ? { approval } : {}),
    ...(!approval && m?.approved ? { approvedDate: m.approved } : {}),
    matches,
    ...(approval && !matches
      ? { changes: { line: changesLine(changes), ...(changes?.kind === 'found' ? { commit: changes.commit.slice(0, 12) } : {}), items: changes?.kind === 'found' ? changes.changes.map(item) : [] } }
      : {}),
    history,
  };
}
