import { useEffect, useRef, type ReactNode } from 'react';

interface PageProps {
  title: string;
  /** Shown under the heading: what the page is for, or a count. */
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * One page of the portal: its <h1> takes the focus when the page opens, so keyboard and screen-reader users land on
 * the new content after a navigation, and the window title follows.
 */
export function Page({ title, lead, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Redes Plataforma`;
    heading.current?.focus();
  }, [title]);

  return (
    <>
      <div className="page-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead && <p className="lead">{lead}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
