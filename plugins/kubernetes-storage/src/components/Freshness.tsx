// How old a cluster's data is. The backend computes ageSeconds when it answers, so the page needs no clock.
import React from 'react';
import type { ClusterFreshness } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { humanizeAge } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { Body } from './text';

export function Freshness(props: { freshness: ClusterFreshness }) {
  const { lastEventAt, lastResyncAt, ageSeconds } = props.freshness;
  return (
    <Body muted testId="freshness">
      {ageSeconds !== undefined ? `Data from ${humanizeAge(ageSeconds)} ago` : 'No data read yet'}
      {lastEventAt && (
        <>
          {'; last change seen '}
          <time dateTime={lastEventAt}>{lastEventAt}</time>
        </>
      )}
      {lastResyncAt && (
        <>
          {'; full resync '}
          <time dateTime={lastResyncAt}>{lastResyncAt}</time>
        </>
      )}
    </Body>
  );
}
