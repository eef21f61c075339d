import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { orderNoticeKey } from "../../modules/bank-reconciliation/order-notice-kinds"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { sendOrderNoticeWorkflow } from "../prepayment/send-order-notice"

/** The last four characters of an IBAN, the rest masked: what a notification shows of the payer's account. */
const maskIban = (iban: string) => `${"•".repeat(Math.max(0, iban.length - 4))}${iban.slice(-4)}`

/**
 * Tells each customer whose order a refunded payment belongs to (overpayment, late payment for a
 * cancelled order) that the surplus will be refunded: once per payment.
 */
export async function notifyRefundsExported(container: MedusaContainer, exportId: string): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const file = await service.retrieveRefundExport(exportId, { relations: ["items"] })
  for (const item of file.items.filter((item) => !!item.order_id)) {
    const { errors } = await sendOrderNoticeWorkflow(container).run({
      input: {
        order_id: item.order_id!,
        kind: "surplus_refunded",
        key: orderNoticeKey.surplus(item.transaction_id),
        data: { refund: { amount: String(item.amount), reason: item.reason, iban: maskIban(item.creditor_iban), refund_export_id: file.id, exported_at: file.created_at } },
      },
      throwOnError: false,
    })
    if (errors.length) {
      logger.warn(`finapi: the refund notice for order ${item.order_id} was not sent: ${errors[0].error?.message}`)
    }
  }
}
