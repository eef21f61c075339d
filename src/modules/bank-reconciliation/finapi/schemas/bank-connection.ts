import { z } from "zod"
import { BankSchema, BankingInterfaceSchema } from "./bank"

/** PSD2 consent of one connection interface; `expiresAt` (RFC 3339) is the truth for renewal prompts. */
export const AisConsentSchema = z.looseObject({
  status: z.enum(["PRESENT", "NOT_PRESENT"]),
  expiresAt: z.string().nullish(),
  supportsImportNewAccounts: z.boolean().nullish(),
})
export type AisConsent = z.infer<typeof AisConsentSchema>

/** Outcome of the last manual or automatic update of an interface. */
export const UpdateResultSchema = z.looseObject({
  result: z.enum(["OK", "BANK_SERVER_REJECTION", "INTERNAL_SERVER_ERROR"]),
  errorMessage: z.string().nullish(),
  errorType: z.enum(["BUSINESS", "TECHNICAL"]).nullish(),
  timestamp: z.string(),
})
export type UpdateResult = z.infer<typeof UpdateResultSchema>

/** Login field of an interface; secret values come back as `XXXXX`. */
export const LoginCredentialSchema = z.looseObject({
  label: z.string(),
  value: z.string().nullish(),
})

/** Two-step (SCA) procedure offered by the bank for an interface. */
export const TwoStepProcedureSchema = z.looseObject({
  procedureId: z.string(),
  procedureName: z.string().nullish(),
  procedureChallengeType: z.string().nullish(),
  implicitExecute: z.boolean().nullish(),
})

/** One banking interface of a connection: consent, last updates, and whether the user must act. */
export const BankConnectionInterfaceSchema = z.looseObject({
  bankingInterface: BankingInterfaceSchema,
  loginCredentials: z.array(LoginCredentialSchema).nullish(),
  defaultTwoStepProcedureId: z.string().nullish(),
  twoStepProcedures: z.array(TwoStepProcedureSchema).nullish(),
  aisConsent: AisConsentSchema.nullish(),
  lastManualUpdate: UpdateResultSchema.nullish(),
  lastAutoUpdate: UpdateResultSchema.nullish(),
  userActionRequired: z.boolean(),
  maxDaysForDownload: z.number().int().nullish(),
})
export type BankConnectionInterface = z.infer<typeof BankConnectionInterfaceSchema>

/** Account holder data, only when owner data was loaded. */
export const BankConnectionOwnerSchema = z.looseObject({
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  salutation: z.string().nullish(),
  title: z.string().nullish(),
  email: z.string().nullish(),
  dateOfBirth: z.string().nullish(),
  postCode: z.string().nullish(),
  country: z.string().nullish(),
  city: z.string().nullish(),
  street: z.string().nullish(),
  houseNumber: z.string().nullish(),
})
export type BankConnectionOwner = z.infer<typeof BankConnectionOwnerSchema>

export const UpdateStatusSchema = z.enum(["IN_PROGRESS", "READY"])
export const CategorizationStatusSchema = z.enum(["PENDING", "IN_PROGRESS", "READY"])

/** finAPI `BankConnection` (V2). */
export const BankConnectionSchema = z.looseObject({
  id: z.number().int(),
  name: z.string().nullish(),
  updateStatus: UpdateStatusSchema,
  categorizationStatus: CategorizationStatusSchema.nullish(),
  accountIds: z.array(z.number().int()),
  owners: z.array(BankConnectionOwnerSchema).nullish(),
  bank: BankSchema,
  interfaces: z.array(BankConnectionInterfaceSchema),
})
export type BankConnection = z.infer<typeof BankConnectionSchema>

/** `GET /api/v2/bankConnections` body (not paged). */
export const BankConnectionListSchema = z.looseObject({
  connections: z.array(BankConnectionSchema),
})
export type BankConnectionList = z.infer<typeof BankConnectionListSchema>

/** `DELETE /api/v2/bankConnections` body: ids of the deleted connections. */
export const IdentifierListSchema = z.looseObject({
  identifiers: z.array(z.number().int()),
})
export type IdentifierList = z.infer<typeof IdentifierListSchema>
