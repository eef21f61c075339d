import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import BankReconciliationModule from "../modules/bank-reconciliation"

// Read-only: order_id is a column of payment_assignment, so query.graph can reach the order without a pivot table.
export default defineLink(
  { linkable: BankReconciliationModule.linkable.paymentAssignment, field: "order_id", isList: false },
  OrderModule.linkable.order,
  { readOnly: true }
)
