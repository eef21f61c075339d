import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { refundFileUrl, useRefundExports } from "../../hooks/refunds"
import { formatDateTime, formatIban, formatMoney } from "../../lib/format"

/** The SEPA files exported so far; each can be downloaded again. */
export const RefundExportsList = () => {
  const { t, i18n } = useTranslation()
  const { data } = useRefundExports()
  const files = data?.refund_exports ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("finapi.refunds.files")}</Heading>
      </div>
      {files.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{t("finapi.refunds.noFiles")}</Text>
      ) : (
        files.map((file) => (
          <div key={file.id} className="flex items-center justify-between px-6 py-3" data-testid="finapi-refund-export">
            <div>
              <Text size="small" weight="plus">{file.file_name}</Text>
              <Text size="small" className="text-ui-fg-subtle">
                {t("finapi.refunds.fileSummary", {
                  date: formatDateTime(file.created_at, i18n.language),
                  count: file.count,
                  total: formatMoney(file.total, file.currency_code.toUpperCase(), i18n.language),
                  iban: formatIban(file.debtor_iban),
                })}
              </Text>
            </div>
            <a className="text-ui-fg-interactive txt-compact-small" href={refundFileUrl(file.id)} download={file.file_name}>
              {t("finapi.refunds.download")}
            </a>
          </div>
        ))
      )}
    </Container>
  )
}
