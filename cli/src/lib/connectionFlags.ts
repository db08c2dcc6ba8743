// kubectl's connection flags, spelled and meaning what they mean in kubectl: they override the kubeconfig's values
// for this run (the collectors lay them over the context as client-go's clientcmd does).
import { Flags, type Interfaces } from '@oclif/core';
import type { ConnectionOverrides } from '@kubectl-storage/plugin-kubernetes-storage-node';

const CLUSTER = 'KUBECTL';

export const connectionFlags = {
  server: Flags.string({ char: 's', summary: 'The address and port of the Kubernetes API server (overrides the kubeconfig).', helpValue: '<url>', helpGroup: CLUSTER }),
  token: Flags.string({ summary: 'Bearer token for authentication to the API server (instead of the user\'s credentials).', helpGroup: CLUSTER }),
  user: Flags.string({ summary: 'The name of the kubeconfig user to use (instead of the context\'s).', helpGroup: CLUSTER }),
  cluster: Flags.string({ summary: 'The name of the kubeconfig cluster to use (instead of the context\'s).', helpGroup: CLUSTER }),
  as: Flags.string({ summary: 'Username to impersonate for the operation (Impersonate-User).', helpGroup: CLUSTER }),
  'as-uid': Flags.string({ summary: 'UID to impersonate for the operation (Impersonate-Uid; needs --as).', helpGroup: CLUSTER }),
  'as-group': Flags.string({ summary: 'Group to impersonate for the operation; repeat it for several groups (needs --as).', multiple: true, helpGroup: CLUSTER }),
  'insecure-skip-tls-verify': Flags.boolean({
    summary: "Do not check the server's certificate (HTTPS connections become insecure).",
    helpGroup: CLUSTER,
  }),
  'certificate-authority': Flags.string({ summary: 'Path to a CA certificate file to trust (instead of the kubeconfig\'s).', helpValue: '<file>', helpGroup: CLUSTER }),
};

/** The parsed values of the connection flags, as oclif infers them from the definitions above. */
export type ConnectionFlagValues = Interfaces.InferredFlags<typeof connectionFlags>;

/** The flags given, as the collectors' overrides; undefined fields keep the kubeconfig's values. */
export function connectionOverrides(flags: ConnectionFlagValues): ConnectionOverrides {
  return {
    server: flags.server,
    token: flags.token,
    user: flags.user,
    cluster: flags.cluster,
    as: flags.as,
    asUid: flags['as-uid'],
    asGroups: flags['as-group'],
    insecureSkipTlsVerify: flags['insecure-skip-tls-verify'] === true ? true : undefined,
    certificateAuthority: flags['certificate-authority'],
  };
}

/** Names of the connection flags that were given (they make no sense with --from-file). */
export const givenConnectionFlags = (flags: ConnectionFlagValues): string[] =>
  Object.keys(connectionFlags).filter((name) => {
    const v = flags[name as keyof ConnectionFlagValues];
    return v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0);
  });
