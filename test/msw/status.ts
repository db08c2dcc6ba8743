// metav1.Status bodies exactly as the API server sends them for failed requests.
import { HttpResponse } from 'msw';

export function statusResponse(code: number, reason: string, message: string, details?: Record<string, unknown>): Response {
  return HttpResponse.json(
    { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code },
    { status: code },
  );
}

export function forbidden(user: string, resource: string, group: string, namespace?: string): Response {
  const scope = namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
  const res = group ? `${resource}.${group}` : resource;
  return statusResponse(403, 'Forbidden', `${res} is forbidden: User "${user}" cannot list resource "${resource}" in API group "${group}" ${scope}`, {
    kind: resource,
    ...(group ? { group } : {}),
  });
}

export const unauthorized = (): Response => statusResponse(401, 'Unauthorized', 'Unauthorized');

export const notFoundPage = (): Response => new HttpResponse('404 page not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export function expired(): Response {
  return statusResponse(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
  );
}
