import { Button, Input, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useOnlineBankingAction } from "../../hooks/online-banking"
import type { BankConnection } from "../../lib/online-banking-types"

/** "Link new bank": the operator names the connection and gets finAPI's web form in a new tab. */
export const LinkBankForm = ({ interfaceId, disabled }: { interfaceId: string; disabled: boolean }) => {
  const { t } = useTranslation()
  const [label, setLabel] = useState("")
  const start = useOnlineBankingAction<{ bank_connection: BankConnection }>()
  const submit = () =>
    start.mutate(
      { path: `/interfaces/${interfaceId}/web-forms`, body: { label } },
      {
        onSuccess: ({ bank_connection }) => {
          setLabel("")
          window.open(bank_connection.web_form_url!, "_blank", "noopener")
          toast.info(t("finapi.webFormOpened"))
        },
        onError: (error) => toast.error(error.message),
      }
    )
  return (
    <div className="flex items-center gap-x-2">
      <Input size="small" placeholder={t("finapi.connectionNamePlaceholder")} value={label} onChange={(e) => setLabel(e.target.value)} aria-label={t("finapi.connectionName")} />
      <Button size="small" onClick={submit} disabled={disabled || !label.trim()} isLoading={start.isPending}>
        {t("finapi.linkNewBank")}
      </Button>
    </div>
  )
}
