import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import BankReconciliationModuleService from "./service"

export const BANK_RECONCILIATION_MODULE = "bankReconciliation"

export default Module(BANK_RECONCILIATION_MODULE, {
  service: BankReconciliationModuleService,
  loaders: [validateOptionsLoader],
})

export { BankReconciliationModuleService }
