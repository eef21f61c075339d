import { Button, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useAutoAssign } from "../../hooks/payment-assignments"

/** "Assign automatically": matches the open payments now and says what came of it. */
export const AssignAutomaticallyButton = () => {
  const { t } = useTranslation()
  const autoAssign = useAutoAssign()
  const run = () =>
    autoAssign.mutate(undefined, {
      onSuccess: ({ summary }) =>
        toast.success(t("finapi.assignment.autoDone"), {
          description: t("finapi.assignment.autoSummary", {
            considered: summary.considered,
            auto: summary.auto,
            suggested: summary.suggested,
            unmatched: summary.unmatched,
          }),
        }),
      onError: (error) => toast.error(error.message),
    })
  return (
    <Button size="small" variant="secondary" onClick={run} isLoading={autoAssign.isPending}>
      {t("finapi.assignment.assignAutomatically")}
    </Button>
  )
}
