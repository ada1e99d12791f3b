import { useEffect, useRef, useState } from 'react';

/**
 * The value, passed on at most once per `interval` ms; the latest always arrives. Unlike a debounce,
 * a value that never stops changing (a live run's counts) still comes through while it changes.
 */
export function useThrottledValue<T>(value: T, interval: number): T {
  const [shown, setShown] = useState(value);
  const released = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    // A newer value replaces the one waiting, at the same moment: `interval` after the last release.
    const wait = Math.max(0, released.current + interval - Date.now());
    const timer = setTimeout(() => {
      released.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, interval]);
  return shown;
}
