// Discovery as each release answers it; server-profile.ts hangs one of these on each
// profile. Versions are those of a released server of each line: OpenShift 3.7.0 ran
// Kubernetes 1.7.6, 3.11.0 ran 1.11.0, and 4.x (openshift-apiserver @ 56aa2d96, the
// docs' OAS4) vendors 1.34.1. /openapi/v2 arrived in Kubernetes 1.10 and /openapi/v3
// in 1.23; /swagger.json and /swagger-2.0.0.pb-v1 were removed in 1.14.
import type { DiscoveryFacts, VersionInfo } from './discovery-documents';

function versionInfo(gitVersion: string, buildDate: string, goVersion: string): VersionInfo {
  const [major = '', minor = ''] = gitVersion.replace(/^v/, '').split('.');
  const gitCommit = /\+([0-9a-f]+)$/.exec(gitVersion)?.[1] ?? '';
  return {
    major,
    // Release builds with a +commit suffix report the minor as e.g. "11+".
    minor: gitCommit === '' ? minor : `${minor}+`,
    gitVersion,
    gitCommit,
    gitTreeState: 'clean',
    buildDate,
    goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export const DISCOVERY_3_7: DiscoveryFacts = {
  kubernetes: versionInfo('v1.7.6+a08f5eeb62', '2017-11-21T05:01:52Z', 'go1.8.3'),
  openshift: versionInfo('v3.7.0+7ed6862', '2017-11-21T05:01:52Z', 'go1.8.3'),
  legacyApi: true,
  singularName: '',
  openapi: { v2: false, v3: false, swagger: true },
};

export const DISCOVERY_3_11: DiscoveryFacts = {
  kubernetes: versionInfo('v1.11.0+d4cacc0', '2018-10-10T16:38:01Z', 'go1.10.3'),
  openshift: versionInfo('v3.11.0+0cbc58b', '2018-10-10T16:38:01Z', 'go1.10.3'),
  legacyApi: true,
  singularName: '',
  openapi: { v2: true, v3: false, swagger: true },
};

export const DISCOVERY_4: DiscoveryFacts = {
  kubernetes: versionInfo('v1.34.1', '2025-09-10T00:00:00Z', 'go1.24.6'),
  openshift: undefined,
  legacyApi: false,
  singularName: 'imagesignature',
  openapi: { v2: true, v3: true, swagger: false },
};
