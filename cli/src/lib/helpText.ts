// Help paragraphs shared by the root help and every data command's --help. One paragraph per string: oclif wraps
// them to the terminal width.
import { EXIT_CODES_HELP } from './exitCodes';

export const NAMESPACE_HELP =
  "Like kubectl get: without -n or -A, namespaced objects (claims, pods, StatefulSets, Ingresses) come from the context's " +
  'namespace ("default" when it sets none); with --from-file the default is every namespace in the dump, and -n narrows ' +
  'it. PersistentVolumes are cluster-scoped: `pv` lists them all whatever -n says, like kubectl get pv; the other ' +
  'commands show the volumes that claims of the namespace hold or held. -l narrows to the objects a label selector ' +
  'picks (volumes by their own labels too, like kubectl get pv -l) and what they own, as the Backstage storage page ' +
  'scopes an entity.';

export const ERRORS_HELP =
  'Errors print one line on stderr ("error: ..."), and warnings about data that could not be read one line each ' +
  '("warning: ..."). -v=N as in kubectl: 4 and up prints each API request ("GET https://... 200 OK in 12 milliseconds"), ' +
  '9 and up (or a bare -v, or DEBUG=kubectl-storage) adds the stack trace of an error. Ctrl-C exits 130.';

/** The description every data command ends with. */
export const dataCommandDescription = (what: string): string =>
  `${what}\n\nNAMESPACES\n${NAMESPACE_HELP}\n\nEXIT CODES\n${EXIT_CODES_HELP}\n\n${ERRORS_HELP}`;
