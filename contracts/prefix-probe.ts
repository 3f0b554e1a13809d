import { API_PREFIXES, collectionPath, groupVersionOf, type ApiPrefix } from './api-prefix';
import type { ContractClient } from './contract-client';

// Which of the two prefixes a target serves, found with one create per prefix that
// changes nothing: its body fails validation (422 on a real server). Only a prefix that
// is not there answers 404 (OpenShift 4 has no /oapi: "404 page not found").

export async function servedPrefixes(client: ContractClient): Promise<ApiPrefix[]> {
  const served: ApiPrefix[] = [];
  for (const prefix of API_PREFIXES) {
    const reply = await client.send({
      method: 'post',
      path: collectionPath(prefix),
      accept: 'application/json',
      contentType: 'application/json',
      body: JSON.stringify({
        kind: 'ImageSignature',
        apiVersion: groupVersionOf(prefix),
        metadata: { name: 'no-at-sign' },
      }),
    });
    if (reply.status !== 404) served.push(prefix);
  }
  return served;
}
