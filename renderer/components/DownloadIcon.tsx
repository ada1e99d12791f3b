import type { SVGProps } from 'react';

/** A download arrow in the style of components/icons.tsx (16px grid, 1.5 stroke, currentColor). */
export function DownloadIcon({ size = 16, ...rest }: Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...rest}>
      <path d="M8 2.5v7.5M4.75 6.75 8 10l3.25-3.25M2.75 11.5v1a.75.75 0 0 0 .75.75h9a.75.75 0 0 0 .75-.75v-1" />
    </svg>
  );
}
