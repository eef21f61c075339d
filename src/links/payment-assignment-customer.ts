import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import BankReconciliationModule from "../modules/bank-reconciliation"

// Read-only: customer_id is a column of payment_assignment.
export default defineLink(
  { linkable: BankReconciliationModule.linkable.paymentAssignment, field: "customer_id", isList: false },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
