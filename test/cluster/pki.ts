/**
 * Credentials for the local control plane, made with the openssl CLI: one CA signs the API server's serving cert
 * and every client cert; a separate key pair signs service-account tokens; a static token file holds the
 * restricted user. Kubeconfigs embed their data, so each is one self-contained file.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Credentials } from './kube';

/** The identities the harness hands out. */
export const IDENTITIES = {
  /** The harness and the kubelet stand-in: group system:masters. */
  admin: { user: 'kubectl-storage-admin', groups: ['system:masters'] },
  /** kube-controller-manager, bound by the bootstrap RBAC policy like on a kubeadm cluster. */
  controllerManager: { user: 'system:kube-controller-manager', groups: [] as string[] },
  /** The product under test: read-only, bound in scenarios.ts; the audit log is checked for this user only. */
  product: { user: 'kubectl-storage-test', groups: ['kubectl-storage:readers'] },
  /** A token user whose RBAC forbids StorageClasses, Ingresses and PersistentVolumes (scenarios.ts). */
  restricted: { user: 'dev-alice', groups: ['kubectl-storage:developers'] },
} as const;

function openssl(args: string[], cwd: string) {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function newKey(dir: string, name: string) {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`], dir);
}

/** Signs `<name>.crt` for `subject` with the CA in `dir`, with the given extensions. */
function signedCert(dir: string, name: string, subject: string, extensions: string[]) {
  newKey(dir, name);
  openssl(['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`], dir);
  fs.writeFileSync(path.join(dir, `${name}.ext`), `${extensions.join('\n')}\n`);
  openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '3650',
      '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.crt`],
    dir,
  );
  fs.rmSync(path.join(dir, `${name}.csr`));
  fs.rmSync(path.join(dir, `${name}.ext`));
}

function clientCert(dir: string, name: string, identity: { user: string; groups: readonly string[] }) {
  const subject = `${identity.groups.map(g => `/O=${g}`).join('')}/CN=${identity.user}`;
  signedCert(dir, name, subject, ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=clientAuth']);
}

export interface Pki {
  dir: string;
  caCert: string;
  caKey: string;
  servingCert: string;
  servingKey: string;
  saKey: string;
  saPub: string;
  tokenFile: string;
  /** Serving cert of the kubelet stand-in, when made. */
  kubelet?: { certFile: string; keyFile: string };
  /** Client credentials per identity (cert/key files, or token for the restricted user), without the server URL. */
  clients: Record<keyof typeof IDENTITIES, Omit<Credentials, 'server'>>;
}

/** `kubeletIP`: the address the kubelet stand-in serves on; it gets a serving cert for it. */
export function makePki(dir: string, kubeletIP?: string): Pki {
  fs.mkdirSync(dir, { recursive: true });
  const f = (name: string) => path.join(dir, name);
  newKey(dir, 'ca');
  openssl(
    ['req', '-x509', '-new', '-key', 'ca.key', '-subj', '/CN=kubectl-storage-test-ca', '-days', '3650', '-sha256',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.crt'],
    dir,
  );
  signedCert(dir, 'apiserver', '/CN=kube-apiserver', [
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    'subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local',
  ]);
  if (kubeletIP) {
    signedCert(dir, 'kubelet', '/CN=kubelet-stand-in', [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=IP:${kubeletIP}`,
    ]);
  }
  clientCert(dir, 'admin', IDENTITIES.admin);
  clientCert(dir, 'controller-manager', IDENTITIES.controllerManager);
  clientCert(dir, 'product', IDENTITIES.product);
  newKey(dir, 'service-account');
  openssl(['pkey', '-in', 'service-account.key', '-pubout', '-out', 'service-account.pub'], dir);

  const token = randomBytes(24).toString('hex');
  const r = IDENTITIES.restricted;
  fs.writeFileSync(f('tokens.csv'), `${token},${r.user},${r.user},"${r.groups.join(',')}"\n`, { mode: 0o600 });

  const cert = (name: string) => ({ caFile: f('ca.crt'), certFile: f(`${name}.crt`), keyFile: f(`${name}.key`) });
  return {
    dir,
    caCert: f('ca.crt'),
    caKey: f('ca.key'),
    servingCert: f('apiserver.crt'),
    servingKey: f('apiserver.key'),
    saKey: f('service-account.key'),
    saPub: f('service-account.pub'),
    tokenFile: f('tokens.csv'),
    ...(kubeletIP ? { kubelet: { certFile: f('kubelet.crt'), keyFile: f('kubelet.key') } } : {}),
    clients: {
      admin: cert('admin'),
      controllerManager: cert('controller-manager'),
      product: cert('product'),
      restricted: { caFile: f('ca.crt'), token },
    },
  };
}

const b64 = (file: string) => fs.readFileSync(file).toString('base64');

/** Writes a kubeconfig (JSON is valid YAML; kubectl and @kubernetes/client-node read it) with embedded data. */
export function writeKubeconfig(file: string, contextName: string, creds: Credentials) {
  const user: Record<string, string> = {};
  if (creds.certFile) user['client-certificate-data'] = b64(creds.certFile);
  if (creds.keyFile) user['client-key-data'] = b64(creds.keyFile);
  if (creds.token) user.token = creds.token;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kubectl-storage-test', cluster: { server: creds.server, 'certificate-authority-data': b64(creds.caFile) } }],
    users: [{ name: contextName, user }],
    contexts: [{ name: contextName, context: { cluster: 'kubectl-storage-test', user: contextName } }],
    'current-context': contextName,
    preferences: {},
  };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

/** Metadata level for every request: who did what verb on which resource, without bodies. */
export function writeAuditPolicy(file: string) {
  const policy = { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', omitStages: ['RequestReceived'], rules: [{ level: 'Metadata' }] };
  fs.writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`);
}
