import type { Route } from "../http/router"
import { oauthRoutes } from "./oauth"
import { userRoutes } from "./users"
import { bankRoutes } from "./banks"
import { bankConnectionRoutes } from "./bank-connections"
import { accountRoutes } from "./accounts"
import { transactionRoutes } from "./transactions"
import { pendingTransactionRoutes } from "./pending-transactions"
import { notificationRuleRoutes } from "./notification-rules"
import { mockBatchUpdateRoutes } from "./mock-batch-update"
import { clientConfigurationRoutes } from "./client-configuration"
import { webFormRoutes } from "./web-forms"
import { taskRoutes } from "./tasks"

/** finAPI's own endpoints: Access API v2 and Web Form 2.0 (their paths don't collide). */
export const apiRoutes: Route[] = [
  ...oauthRoutes,
  ...userRoutes,
  ...bankRoutes,
  ...bankConnectionRoutes,
  ...accountRoutes,
  ...transactionRoutes,
  ...pendingTransactionRoutes,
  ...notificationRuleRoutes,
  ...mockBatchUpdateRoutes,
  ...clientConfigurationRoutes,
  ...webFormRoutes,
  ...taskRoutes,
]
