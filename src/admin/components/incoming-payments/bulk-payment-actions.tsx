import { Input, Prompt, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { BankTransaction, incomingPaymentsKeys } from "../../hooks/incoming-payments"
import { sdk } from "../../lib/sdk"
import type { BookAssignmentsResponse } from "../../../types/http"

const BASE = "/admin/bank-reconciliation"
const IGNORABLE = ["unassigned", "proposed"]

/** Runs `task` for each item one after the other; counts what succeeded and what failed. */
async function each<T>(items: T[], task: (item: T) => Promise<unknown>) {
  let done = 0
  let failed = 0
  for (const item of items) {
    await task(item).then(
      () => done++,
      () => failed++
    )
  }
  return { done, failed }
}

/**
 * Bulk actions on the selected payments (and the keyboard's single confirm): confirm their
 * suggestions, ignore them with one reason, book their confirmed assignments. Each ends with one
 * toast whose counts come from the server's answers: done, skipped (nothing to do), failed.
 */
export function useBulkPaymentActions(rows: BankTransaction[], clearSelection: () => void) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [ignoreState, setIgnoreState] = useState<{ ids: string[] } | null>(null)
  const byIds = (ids: string[]) => rows.filter((row) => ids.includes(row.id))
  const proposed = (row: BankTransaction) => (row.assignments ?? []).filter((a) => a.status === "proposed")
  const finish = async () => {
    clearSelection()
    await queryClient.invalidateQueries({ queryKey: incomingPaymentsKeys.all })
  }

  const confirmPayments = async (ids: string[]) => {
    const withSuggestion = byIds(ids).filter((row) => proposed(row).length)
    const result = await each(withSuggestion, async (row) => {
      for (const assignment of proposed(row)) {
        await sdk.client.fetch(`${BASE}/assignments/${assignment.id}`, { method: "POST", body: { confirm: true } })
      }
    })
    await finish()
    return { ...result, skipped: ids.length - withSuggestion.length }
  }

  return {
    ignoreState,
    async confirm(ids: string[]) {
      const { done, failed, skipped } = await confirmPayments(ids)
      toast.info(t("finapi.bulk.confirmed", { done, skipped, failed }))
    },
    /** Keyboard "c": confirms the one payment's suggestion. */
    async confirmOne(id: string) {
      const { done, failed } = await confirmPayments([id])
      if (done) {
        toast.success(t("finapi.assignment.confirmedToast"))
      } else {
        toast.warning(failed ? t("finapi.bulk.confirmFailed") : t("finapi.bulk.nothingToConfirm"))
      }
    },
    askIgnore(ids: string[]) {
      setIgnoreState({ ids })
    },
    cancelIgnore() {
      setIgnoreState(null)
    },
    async ignore(reason: string) {
      const ids = ignoreState?.ids ?? []
      setIgnoreState(null)
      const ignorable = byIds(ids).filter((row) => IGNORABLE.includes(row.status))
      const { done, failed } = await each(ignorable, (row) =>
        sdk.client.fetch(`${BASE}/transactions/${row.id}/ignore`, { method: "POST", body: { reason } })
      )
      await finish()
      toast.info(t("finapi.bulk.ignored", { done, skipped: ids.length - ignorable.length, failed }))
    },
    async book(ids: string[]) {
      const selected = byIds(ids)
      const assignmentIds = selected.flatMap((row) => (row.assignments ?? []).filter((a) => a.status === "confirmed").map((a) => a.id))
      const skipped = selected.filter((row) => !(row.assignments ?? []).some((a) => a.status === "confirmed")).length + ids.length - selected.length
      if (!assignmentIds.length) {
        toast.warning(t("finapi.bulk.nothingToBook"))
        return
      }
      try {
        const result = await sdk.client.fetch<BookAssignmentsResponse>(`${BASE}/bookings`, {
          method: "POST",
          body: { assignment_ids: assignmentIds },
        })
        toast.info(t("finapi.bulk.booked", { booked: result.booked, already: result.already_booked, failed: result.failed, skipped }))
      } catch (error) {
        toast.error((error as Error).message)
      }
      await finish()
    },
  }
}

/** One reason for all selected payments that are not for this shop. */
export const BulkIgnorePrompt = ({ state, onCancel, onConfirm }: { state: { ids: string[] } | null; onCancel: () => void; onConfirm: (reason: string) => void }) => {
  const { t } = useTranslation()
  const [reason, setReason] = useState("")
  return (
    <Prompt open={!!state} onOpenChange={(open) => !open && onCancel()}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{t("finapi.bulk.ignoreTitle", { count: state?.ids.length ?? 0 })}</Prompt.Title>
          <Prompt.Description>{t("finapi.bulk.ignoreHint")}</Prompt.Description>
        </Prompt.Header>
        <div className="px-6 pb-4">
          <Input
            size="small"
            autoFocus
            aria-label={t("finapi.assignment.ignoreReason")}
            placeholder={t("finapi.assignment.ignoreReasonPlaceholder")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel onClick={onCancel}>{t("finapi.cancel")}</Prompt.Cancel>
          <Prompt.Action disabled={!reason.trim()} onClick={() => (onConfirm(reason.trim()), setReason(""))}>
            {t("finapi.assignment.ignore")}
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
