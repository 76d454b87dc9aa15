import { type ReactNode, useEffect } from 'react';
import { common } from '../text/common';

/** The page's one h1; it also names the browser tab ("I dag – Helhedsplan"). */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const text = title ?? (typeof children === 'string' ? children : undefined);
  useEffect(() => {
    if (text) document.title = `${text} – ${common.serviceName}`;
  }, [text]);
  return <h1>{children}</h1>;
}
