// Fully populated objects in the exact JSON shape the real server prints:
// every field of the schema set, so a round trip exercises every conversion.

export const FULL_SIGNATURE = {
  kind: 'ImageSignature',
  apiVersion: 'image.openshift.io/v1',
  metadata: {
    name: 'sha256:4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b@5f1c2d3e',
    generateName: 'sha256:4a5e@',
    namespace: 'ignored-ns',
    selfLink: '/oapi/v1/imagesignatures/sha256%3A4a5e%405f1c2d3e',
    uid: '0b1c7a52-a9b4-11e7-9f2e-0242ac110002',
    resourceVersion: '4521',
    generation: 3,
    creationTimestamp: '2017-10-05T12:00:00Z',
    deletionTimestamp: '2017-10-06T08:30:15Z',
    deletionGracePeriodSeconds: 0,
    labels: { app: 'signer', tier: 'backend' },
    annotations: { 'example.com/note': 'first', 'example.com/z': '' },
    ownerReferences: [
      {
        apiVersion: 'image.openshift.io/v1',
        kind: 'Image',
        name: 'sha256:4a5e',
        uid: '11111111-2222-3333-4444-555555555555',
        controller: true,
        blockOwnerDeletion: false,
      },
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'cm', uid: 'u2' },
    ],
    initializers: {
      pending: [{ name: 'initializer.example.com' }, { name: '' }],
      result: {
        metadata: { selfLink: '/r', resourceVersion: '7', continue: 'tok' },
        status: 'Failure',
        message: 'not yet',
        reason: 'Timeout',
        details: { name: 'n', retryAfterSeconds: 5 },
        code: 504,
      },
    },
    finalizers: ['example.com/keep', 'orphan'],
    clusterName: 'east',
  },
  type: 'atomic',
  content: 'owGbwMvMwMEoOU9/4/7/bWqMa5ImeTCPS9W5zG4RkdDlfk0=',
  conditions: [
    {
      type: 'Trusted',
      status: 'True',
      lastProbeTime: '2017-10-05T12:01:00Z',
      lastTransitionTime: '2017-10-05T12:00:30Z',
      reason: 'Verified',
      message: 'signed by a trusted key',
    },
    { type: 'ForImage', status: 'Unknown', lastProbeTime: null, lastTransitionTime: null },
  ],
  imageIdentity: 'registry.example.com/app:1.0',
  signedClaims: { 'docker-manifest-digest': 'sha256:4a5e', identity: 'app:1.0' },
  created: '1969-07-20T20:17:40Z',
  issuedBy: { organization: 'Example CA', commonName: 'Example Root' },
  issuedTo: { organization: 'Example', commonName: 'Release Key', publicKeyID: '199E2F91FD431D51' },
};

export const FULL_STATUS = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: { selfLink: '/oapi/v1/imagesignatures', resourceVersion: '12', continue: 'c' },
  status: 'Failure',
  message: 'ImageSignature.image.openshift.io "foo" is invalid: [metadata.name: Invalid value]',
  reason: 'Invalid',
  details: {
    name: 'foo',
    group: 'image.openshift.io',
    kind: 'ImageSignature',
    uid: 'u-1',
    causes: [
      { reason: 'FieldValueInvalid', message: 'Invalid value: "foo"', field: 'metadata.name' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'type' },
      {},
    ],
    retryAfterSeconds: 30,
  },
  code: 422,
};
