// The app's mark: a rounded tile with bars of uneven height, i.e. many samples of one prompt.
export function LogoMark({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="logo-mark">
      <rect width="24" height="24" rx="6" className="logo-mark__tile" />
      <rect x="5" y="11" width="2.5" height="8" rx="1.25" className="logo-mark__bar" />
      <rect x="9" y="6" width="2.5" height="13" rx="1.25" className="logo-mark__bar" />
      <rect x="13" y="8.5" width="2.5" height="10.5" rx="1.25" className="logo-mark__bar" />
      <rect x="17" y="13" width="2.5" height="6" rx="1.25" className="logo-mark__bar logo-mark__bar--faint" />
    </svg>
  );
}
