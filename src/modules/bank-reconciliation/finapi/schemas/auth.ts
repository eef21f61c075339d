import { z } from "zod"

/** OAuth grant types accepted by `POST /api/v2/oauth/token` (form-urlencoded body). */
export const GrantTypeSchema = z.enum(["client_credentials", "password", "refresh_token"])
export type GrantType = z.infer<typeof GrantTypeSchema>

/** Form body of the token endpoint; which fields are required depends on `grant_type`. */
export const TokenRequestSchema = z.looseObject({
  grant_type: GrantTypeSchema,
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  username: z.string().optional(),
  password: z.string().optional(),
  refresh_token: z.string().optional(),
})
export type TokenRequest = z.infer<typeof TokenRequestSchema>

/** finAPI `AccessToken`: `expires_in` in seconds, 0 means "never expires"; no refresh token for client grants. */
export const AccessTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  refresh_token: z.string().nullish(),
  expires_in: z.number().int().nonnegative(),
  scope: z.string().nullish(),
})
export type AccessToken = z.infer<typeof AccessTokenSchema>

/** Form body of `POST /api/v2/oauth/revoke` (client token); finAPI always answers 200. */
export const RevokeTokenRequestSchema = z.looseObject({
  token: z.string().min(1),
  token_type_hint: z.enum(["access_token", "refresh_token"]).optional(),
})
export type RevokeTokenRequest = z.infer<typeof RevokeTokenRequestSchema>
