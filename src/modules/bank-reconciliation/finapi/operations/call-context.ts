import { HttpTransport } from "../http-transport"
import { SecretRedactor } from "../secret-redactor"
import { TokenStore } from "../token-store"

/** What every operation needs: the transport, the token cache, and the redactor for new secrets. */
export interface CallContext {
  transport: HttpTransport
  tokens: TokenStore
  redactor: SecretRedactor
}
