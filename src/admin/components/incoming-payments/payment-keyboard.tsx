import { IconButton, Kbd, Popover, Text } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import type { BankTransaction } from "../../hooks/incoming-payments"
import type { DataTableRowSelectionState } from "@medusajs/ui"

/** The list's keys, shown in the "?" help in this order. */
export const PAYMENT_KEYS = [
  { keys: ["j", "↓"], action: "down" },
  { keys: ["k", "↑"], action: "up" },
  { keys: ["Enter", "o"], action: "open" },
  { keys: ["c"], action: "confirm" },
  { keys: ["n"], action: "next" },
  { keys: ["s"], action: "select" },
  { keys: ["a", "i", "b"], action: "bulk" },
  { keys: ["Esc"], action: "close" },
  { keys: ["?"], action: "help" },
] as const

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || el.isContentEditable || el.getAttribute("role") === "combobox")
}

type Options = {
  rows: BankTransaction[]
  openId: string | null
  setOpenId: (id: string | null) => void
  setSelection: (update: (s: DataTableRowSelectionState) => DataTableRowSelectionState) => void
  confirm: (id: string) => Promise<void>
}

/**
 * Works the list without the mouse: j/k (or arrows) move the highlighted payment, Enter opens its
 * drawer, c confirms its suggestion, n goes to the next payment (in the drawer too), s selects it
 * for a bulk action, ? shows the keys. Keys typed into a field are left alone.
 */
export function usePaymentKeyboard({ rows, openId, setOpenId, setSelection, confirm }: Options) {
  const [activeId, setActiveId] = useState<string | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const state = useRef({ rows, openId, activeId, confirm })
  state.current = { rows, openId, activeId, confirm }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) {
        return
      }
      const { rows, openId, activeId, confirm } = state.current
      const index = rows.findIndex((row) => row.id === (openId ?? activeId))
      const move = (by: number) => {
        // moving in the list leaves a focused button (e.g. "?" after its help closed), so Enter opens the row
        leaveFocusedControl()
        const next = rows[Math.min(rows.length - 1, Math.max(0, index + by))]
        setActiveId(next?.id ?? null)
        return next
      }
      const key = event.key
      if (key === "?") {
        setHelpOpen((open) => !open)
      } else if (!openId && (key === "j" || key === "ArrowDown")) {
        move(index < 0 ? 0 : 1)
      } else if (!openId && (key === "k" || key === "ArrowUp")) {
        move(index < 0 ? 0 : -1)
      } else if (!openId && activeId && (key === "o" || (key === "Enter" && (event.target as HTMLElement)?.tagName !== "BUTTON"))) {
        setOpenId(activeId)
      } else if (key === "n") {
        const next = move(index < 0 ? 0 : 1)
        if (openId && next) {
          setOpenId(next.id)
        }
      } else if (key === "c" && (openId ?? activeId)) {
        void confirm((openId ?? activeId)!)
      } else if (key === "s" && !openId && activeId) {
        setSelection((s) => {
          const { [activeId]: was, ...rest } = s
          return was ? rest : { ...s, [activeId]: true }
        })
      } else {
        return
      }
      event.preventDefault()
    }
    document.addEventListener("keydown", onKey)
    return () => document.removeEventListener("keydown", onKey)
  }, [setOpenId, setSelection])

  return { activeId, helpOpen, setHelpOpen }
}

function leaveFocusedControl() {
  const el = document.activeElement as HTMLElement | null
  if (el && el !== document.body && !el.closest('[role="dialog"]')) {
    el.blur()
  }
}

/** The "?" button and the list of keys. */
export const KeyboardHelp = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { t } = useTranslation()
  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={t("finapi.keys.title")}>?</IconButton>
      </Popover.Trigger>
      {/* closing by "?" leaves the focus in the list, not on this button (Enter would reopen the help) */}
      <Popover.Content className="p-3" style={{ width: 288 }} data-testid="finapi-keyboard-help" onCloseAutoFocus={(e) => e.preventDefault()}>
        <Text size="small" weight="plus" className="mb-2">{t("finapi.keys.title")}</Text>
        <dl className="grid items-center gap-x-3 gap-y-1.5" style={{ gridTemplateColumns: "auto 1fr" }}>
          {PAYMENT_KEYS.map(({ keys, action }) => (
            <div key={action} className="contents">
              <dt className="flex gap-x-1">{keys.map((k) => <Kbd key={k}>{k}</Kbd>)}</dt>
              <dd><Text size="small">{t(`finapi.keys.${action}`)}</Text></dd>
            </div>
          ))}
        </dl>
      </Popover.Content>
    </Popover>
  )
}
