import { useEffect, useState } from "react"

/**
 * The content width of the element given to the returned ref, null until measured (a
 * ResizeObserver, so the admin's sidebar and the window both count). A callback ref: the element
 * may appear only once data is there.
 */
export function useElementWidth(): [(element: HTMLElement | null) => void, number | null] {
  const [element, setElement] = useState<HTMLElement | null>(null)
  const [width, setWidth] = useState<number | null>(null)
  useEffect(() => {
    if (!element || typeof ResizeObserver === "undefined") {
      return
    }
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)))
    observer.observe(element)
    return () => observer.disconnect()
  }, [element])
  return [setElement, width]
}

/**
 * True while the element given to the returned ref is narrower than `px`. Tables use it to fold
 * columns into others rather than scroll sideways in a small window.
 */
export function useNarrowerThan(px: number): [(element: HTMLElement | null) => void, boolean] {
  const [ref, width] = useElementWidth()
  return [ref, width !== null && width < px]
}
