// Plain text elements for the page. The page does not depend on Material UI directly (its v4 packages declare
// React 16/17 peers, which npm refuses at a workspace's top level); core-components brings the Backstage look.
import React from 'react';

const secondary = { color: 'rgba(0, 0, 0, 0.6)' };

export function Body(props: { children: React.ReactNode; muted?: boolean; testId?: string; small?: boolean }) {
  return (
    <p
      data-testid={props.testId}
      style={{ margin: '4px 0', fontSize: props.small ? '0.75rem' : '0.875rem', ...(props.muted ? secondary : {}) }}
    >
      {props.children}
    </p>
  );
}

export function Muted(props: { children: React.ReactNode }) {
  return <span style={secondary}>{props.children}</span>;
}

export function Heading(props: { level: 2 | 3 | 4; id?: string; children: React.ReactNode }) {
  const style = { margin: '12px 0 4px', fontWeight: 500, fontSize: { 2: '1.4rem', 3: '1.15rem', 4: '1rem' }[props.level] };
  const Tag = `h${props.level}` as const;
  return (
    <Tag id={props.id} style={style}>
      {props.children}
    </Tag>
  );
}
