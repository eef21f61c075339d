import { defineMiddlewares } from "@medusajs/framework/http"
import { paymentAssignmentMiddlewares } from "./admin/bank-reconciliation/assignments/middlewares"
import { bookingMiddlewares } from "./admin/bank-reconciliation/bookings/middlewares"
import { learnedPayerMiddlewares } from "./admin/bank-reconciliation/customers/middlewares"
import { onlineBankingSetupMiddlewares } from "./admin/bank-reconciliation/middlewares"
import { refundMiddlewares } from "./admin/bank-reconciliation/refunds/middlewares"
import { statementUploadMiddlewares } from "./admin/bank-reconciliation/statements/middlewares"
import { incomingPaymentsMiddlewares } from "./admin/bank-reconciliation/transactions/middlewares"
import { storeBankTransferMiddlewares } from "./store/middlewares"
import { storableInputMiddlewares } from "./input/middlewares"

// Each area keeps its validators and middleware routes beside its route files.
export default defineMiddlewares({
  routes: [
    ...storableInputMiddlewares,
    ...onlineBankingSetupMiddlewares,
    ...incomingPaymentsMiddlewares,
    ...paymentAssignmentMiddlewares,
    ...bookingMiddlewares,
    ...learnedPayerMiddlewares,
    ...refundMiddlewares,
    ...statementUploadMiddlewares,
    ...storeBankTransferMiddlewares,
  ],
})
