import { ApiFailure, jsonBody, sendJson, type Exchange } from "../http/exchange"
import { route } from "../http/router"
import { authenticate } from "../tokens"

/** `GET/PATCH /api/v2/clientConfiguration`: token lifetimes and the notification URL. */
function configurationJson(ex: Exchange) {
  const s = ex.state.settings
  return {
    isAutomaticBatchUpdateEnabled: false,
    userNotificationCallbackUrl: s.userNotificationCallbackUrl,
    userSynchronizationCallbackUrl: null,
    refreshTokensValidityPeriod: s.refreshTokensValidityPeriod,
    userAccessTokensValidityPeriod: s.userAccessTokensValidityPeriod,
    clientAccessTokensValidityPeriod: s.clientAccessTokensValidityPeriod,
    maxUserLoginAttempts: null,
    isUserAutoVerificationEnabled: true,
    isMandatorAdmin: false,
    isWebScrapingEnabled: false,
    availableBankGroups: ["DE"],
  }
}

function getConfiguration(ex: Exchange): void {
  authenticate(ex, "client")
  sendJson(ex, 200, configurationJson(ex))
}

const PERIODS = ["refreshTokensValidityPeriod", "userAccessTokensValidityPeriod", "clientAccessTokensValidityPeriod"] as const

function editConfiguration(ex: Exchange): void {
  authenticate(ex, "client")
  const body = jsonBody(ex)
  for (const name of PERIODS) {
    const value = body[name]
    if (value === undefined) continue
    if (typeof value !== "number" || !Number.isInteger(value) || (value !== 0 && value < 60)) {
      throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", `${name} must be 0 or at least 60 seconds`)
    }
    ex.state.settings[name] = value
  }
  if (typeof body.userNotificationCallbackUrl === "string" || body.userNotificationCallbackUrl === null) {
    ex.state.settings.userNotificationCallbackUrl = body.userNotificationCallbackUrl === "" ? null : body.userNotificationCallbackUrl
  }
  sendJson(ex, 200, configurationJson(ex))
}

export const clientConfigurationRoutes = [
  route("GET", "/api/v2/clientConfiguration", getConfiguration),
  route("PATCH", "/api/v2/clientConfiguration", editConfiguration),
]
