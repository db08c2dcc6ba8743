// Synthetic projected snapshots for the benchmarks (not a benchmark itself: run.js runs *.bench.js only). A
// realistic mix: StatefulSets with per-ordinal claims and volumes, Deployments behind Services and Ingresses, and
// faults of every common kind, spread over 200 namespaces (team-0 ... team-199). One unit `i` is ~25 objects:
// StatefulSet db-i (label app=db-i) and Deployment web-i (app=web-i) in namespace team-(i % 200).
'use strict';

function synthetic(core) {
  const { emptySnapshot } = core;
  const COLLECTED_AT = '2025-06-01T12:00:00.000Z';
  const NOW = Date.parse(COLLECTED_AT);
  const ago = (s) => new Date(NOW - s * 1000).toISOString();
  const DAY = 86400;

  function meta(name, namespace, extra = {}) {
    return { name, namespace, uid: `uid-${namespace ?? '_'}-${name}`, creationTimestamp: ago(30 * DAY), ...extra };
  }

  function container(ready, restarts = 0) {
    return ready
      ? { name: 'app', ready: true, restartCount: restarts, state: 'running' }
      : { name: 'app', ready: false, restartCount: restarts, state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationReason: 'Error' };
  }

  function podOf(name, ns, { owner, labels, claims = [], extraVolumes = [], ready = true, node = 'node-1', restarts = 0 }) {
    return {
      meta: meta(name, ns, { labels, ownerReferences: owner ? [{ kind: owner[0], name: owner[1], controller: true }] : undefined }),
      phase: 'Running',
      nodeName: node,
      podIP: '10.0.0.1',
      ready,
      containers: [container(ready, restarts)],
      volumes: [...claims.map((c) => ({ name: c, kind: 'persistentVolumeClaim', claimName: c, mounted: true })), ...extraVolumes],
    };
  }

  function claimAndVolume(s, name, ns, pvName, { phase = 'Bound', storageClassName = 'standard' } = {}) {
    const uid = `uid-${ns}-${name}`;
    s.persistentVolumeClaims.push({
      meta: meta(name, ns),
      phase,
      storageClassName,
      requestedStorage: '10Gi',
      capacity: phase === 'Bound' ? '10Gi' : undefined,
      volumeName: phase === 'Bound' ? pvName : undefined,
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Filesystem',
    });
    if (phase !== 'Bound') return;
    s.persistentVolumes.push({
      meta: meta(pvName),
      phase: 'Bound',
      capacity: '10Gi',
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Filesystem',
      reclaimPolicy: 'Delete',
      storageClassName,
      claimRef: { namespace: ns, name, uid },
      source: 'csi:ebs.csi.aws.com',
    });
    s.volumeStats.push({ namespace: ns, claimName: name, podName: '', nodeName: 'node-1', usedBytes: 5e9, capacityBytes: 10 * 2 ** 30 });
  }

  function serviceOf(name, ns, headless, port = 80) {
    return {
      meta: meta(name, ns),
      type: 'ClusterIP',
      clusterIP: headless ? 'None' : '10.96.0.1',
      headless,
      selector: { app: name },
      ports: [{ name: 'http', port, targetPort: 8080, protocol: 'TCP' }],
    };
  }

  function sliceOf(service, ns, ready, notReady) {
    const endpoints = [];
    for (let i = 0; i < ready + notReady; i++) endpoints.push({ ready: i < ready, addresses: [`10.1.0.${i}`], nodeName: 'node-1' });
    return { meta: meta(`${service}-abc`, ns), serviceName: service, addressType: 'IPv4', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], endpoints, origin: 'EndpointSlice' };
  }

  /** One application unit: a 3-replica StatefulSet and a 4-replica Deployment behind an Ingress (~25 objects). */
  function addUnit(s, i) {
    const ns = `team-${i % 200}`;
    const db = `db-${i}`;
    // Every 10th set was scaled in from 4 to 3: ordinal 3's claim is deleted, its Retain volume Released.
    const replicas = 3;
    s.statefulSets.push({
      meta: meta(db, ns, { labels: { app: db } }),
      replicas,
      serviceName: db,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate' },
      ordinalsStart: 0,
      selector: { matchLabels: { app: db } },
      volumeClaimTemplates: [{ name: 'data', storageClassName: 'standard', requestedStorage: '10Gi', accessModes: ['ReadWriteOnce'] }],
      pvcRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      templateVolumes: [],
      status: { observedGeneration: 1, replicas, readyReplicas: i % 15 === 0 ? 2 : 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, currentRevision: 'r1', updateRevision: 'r1' },
    });
    for (let o = 0; o < replicas; o++) {
      const claim = `data-${db}-${o}`;
      claimAndVolume(s, claim, ns, `pv-${ns}-${claim}`);
      const notReady = i % 15 === 0 && o === 1; // a stuck ordinal blocks the rollout
      s.pods.push(podOf(`${db}-${o}`, ns, { owner: ['StatefulSet', db], labels: { app: db }, claims: [claim], ready: !notReady, restarts: notReady ? 12 : 0 }));
    }
    if (i % 10 === 0) {
      s.persistentVolumes.push({
        meta: meta(`pv-${ns}-data-${db}-3`),
        phase: 'Released',
        capacity: '10Gi',
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Filesystem',
        reclaimPolicy: 'Retain',
        storageClassName: 'standard',
        claimRef: { namespace: ns, name: `data-${db}-3`, uid: 'gone' },
        source: 'csi:ebs.csi.aws.com',
        lastPhaseTransitionTime: ago(12 * DAY),
      });
    }
    s.services.push(serviceOf(db, ns, i % 25 !== 0)); // every 25th set has a normal (not headless) Service
    s.endpointSlices.push(sliceOf(db, ns, 3, 0));

    const web = `web-${i}`;
    const rs = `${web}-7d9f`;
    for (let r = 0; r < 4; r++) {
      const extraVolumes = i % 8 === 0 ? [{ name: 'cache', kind: 'emptyDir', medium: 'Memory', mounted: true }] : [];
      s.pods.push(podOf(`${rs}-${r}`, ns, { owner: ['ReplicaSet', rs], labels: { app: web }, extraVolumes, node: `node-${r % 3}` }));
    }
    s.services.push(serviceOf(web, ns, false));
    s.endpointSlices.push(sliceOf(web, ns, i % 12 === 0 ? 0 : 4, i % 12 === 0 ? 4 : 0)); // some paths answer 503
    const backend = i % 30 === 0 ? `${web}-old` : web; // a few Ingresses route to a Service that is gone
    s.ingresses.push({
      meta: meta(web, ns),
      ingressClassName: 'nginx',
      rules: [{ host: `${web}.example.com`, paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, portNumber: 80 } } }] }],
      tls: [],
      loadBalancer: ['203.0.113.10'],
    });
    if (i % 20 === 0) claimAndVolume(s, `scratch-${i}`, ns, '', { phase: 'Pending', storageClassName: 'fast-typo' });
  }

  const objectCount = (s) =>
    s.persistentVolumes.length + s.persistentVolumeClaims.length + s.storageClasses.length + s.pods.length + s.statefulSets.length +
    s.services.length + s.endpointSlices.length + s.ingresses.length + s.ingressClasses.length;

  function syntheticSnapshot(target) {
    const s = emptySnapshot({ type: 'file', files: ['synthetic'] }, COLLECTED_AT);
    s.observedKinds = ['persistentvolumes', 'persistentvolumeclaims', 'storageclasses', 'pods', 'statefulsets', 'services', 'endpointslices', 'ingresses', 'ingressclasses', 'volumestats'];
    s.storageClasses.push({ meta: meta('standard'), provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true, isDefault: true });
    s.ingressClasses.push({ meta: meta('nginx'), controller: 'k8s.io/ingress-nginx', isDefault: true });
    for (let i = 0; objectCount(s) < target; i++) addUnit(s, i);
    return s;
  }

  return { syntheticSnapshot, objectCount, COLLECTED_AT };
}

module.exports = { synthetic };
