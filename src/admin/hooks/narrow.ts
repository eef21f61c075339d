import { useEffect, useState } from "react"

/**
 * True while the element given to the returned ref is narrower than `px` (a ResizeObserver, so the
 * admin's sidebar and the window both count). Tables use it to fold columns into others rather than
 * scroll sideways in a small window. A callback ref: the element may appear only once data is there.
 */
export function useNarrowerThan(px: number): [(element: HTMLElement | null) => void, boolean] {
  const [element, setElement] = useState<HTMLElement | null>(null)
  const [narrow, setNarrow] = useState(false)
  useEffect(() => {
    if (!element || typeof ResizeObserver === "undefined") {
      return
    }
    const observer = new ResizeObserver(([entry]) => setNarrow(entry.contentRect.width < px))
    observer.observe(element)
    return () => observer.disconnect()
  }, [element, px])
  return [setElement, narrow]
}
