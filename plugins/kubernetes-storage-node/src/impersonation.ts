// Whom a run acts as: client-go's impersonation rules. A kubeconfig user's `as`, `as-uid`, `as-groups` and
// `as-user-extra` (clientcmd's AuthInfo) are laid under kubectl's --as, --as-uid and --as-group, each flag replacing
// the kubeconfig's value when given (clientcmd merges the overrides over the AuthInfo). A uid, groups or extra
// without a user to impersonate is refused before any request, as clientcmd's validateAuthInfo refuses it; the API
// server would answer every request 403 ("requested ... without impersonating a user") otherwise.
import { KubeconfigError } from './errors';

export interface Impersonation {
  user?: string;
  uid?: string;
  groups: string[];
  /** as-user-extra: one Impersonate-Extra-KEY header line per value. */
  extra: Record<string, string[]>;
}

/** The impersonation fields of a kubeconfig user, as read from the file (client-node's User has only `as`). */
export interface KubeconfigImpersonation {
  impersonateUid?: string;
  impersonateGroups?: string[];
  impersonateUserExtra?: Record<string, string[]>;
}

type Raw = Record<string, unknown>;

const absent = (v: unknown): boolean => v === undefined || v === null;

/** A kubeconfig list of strings, or a one-line error naming where it is. */
function stringList(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || !v.every((s): s is string => typeof s === 'string')) throw new Error(`${where} must be a list of strings`);
  return v;
}

/** Reads `as-uid`, `as-groups` and `as-user-extra` of a kubeconfig user entry; malformed values are one-line errors. */
export function kubeconfigImpersonation(user: Raw | undefined, where: string): KubeconfigImpersonation {
  if (!user) return {};
  const out: KubeconfigImpersonation = {};
  const uid = user['as-uid'];
  if (!absent(uid)) {
    if (typeof uid !== 'string') throw new Error(`${where}.as-uid must be a string`);
    if (uid) out.impersonateUid = uid;
  }
  if (!absent(user['as-groups'])) {
    const groups = stringList(user['as-groups'], `${where}.as-groups`);
    if (groups.length > 0) out.impersonateGroups = groups;
  }
  const extra = user['as-user-extra'];
  if (!absent(extra)) {
    if (typeof extra !== 'object' || Array.isArray(extra)) throw new Error(`${where}.as-user-extra must be a map of lists of strings`);
    const entries = Object.entries(extra as Raw).map(([key, values]) => [key, stringList(values, `${where}.as-user-extra.${key}`)] as const);
    if (entries.length > 0) out.impersonateUserExtra = Object.fromEntries(entries);
  }
  return out;
}

/** The flags laid over the kubeconfig user's values; refuses a uid, groups or extra without a user. */
export function effectiveImpersonation(
  userName: string,
  base: KubeconfigImpersonation & { impersonateUser?: string | null },
  flags: { as?: string; asUid?: string; asGroups?: string[] },
): Impersonation {
  const flagGroups = flags.asGroups && flags.asGroups.length > 0 ? flags.asGroups : undefined;
  const result: Impersonation = {
    user: flags.as || base.impersonateUser || undefined,
    uid: flags.asUid || base.impersonateUid || undefined,
    groups: [...(flagGroups ?? base.impersonateGroups ?? [])],
    extra: { ...(base.impersonateUserExtra ?? {}) },
  };
  if (!result.user && (result.uid !== undefined || result.groups.length > 0 || Object.keys(result.extra).length > 0)) {
    if (flagGroups && flags.asUid === undefined) {
      throw new KubeconfigError('requesting groups to impersonate (--as-group) without impersonating a user: pass --as too');
    }
    const from = flagGroups || flags.asUid ? '--as-uid or --as-group' : `kubeconfig user "${userName}"`;
    throw new KubeconfigError(`requesting uid, groups or user-extra (${from}) without impersonating a user: pass --as too`);
  }
  return result;
}

// RFC 7230 token characters but '%': client-go percent-encodes every other byte of an extra's key in its header
// name (transport's headerKeyEscape), and the API server decodes it back.
const TCHAR = /[!#$&'*+\-.^_`|~0-9A-Za-z]/;

function headerKeyEscape(key: string): string {
  let out = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 128 && TCHAR.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The request headers for an impersonation: one header line per group and per extra value, as client-go sends. */
export function impersonationHeaders(i: Impersonation): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  if (!i.user) return headers;
  headers['Impersonate-User'] = i.user;
  if (i.uid) headers['Impersonate-Uid'] = i.uid;
  if (i.groups.length > 0) headers['Impersonate-Group'] = [...i.groups];
  for (const [key, values] of Object.entries(i.extra)) if (values.length > 0) headers[`Impersonate-Extra-${headerKeyEscape(key)}`] = [...values];
  return headers;
}
